import { AppFailure } from '../../../common/errors';
import type { PrintDocument } from '../../../common/channels/print';
import { handlers } from '../../core/context';
import type { PdfPrinter } from './printer';

const printSubjects: Record<PrintDocument, string> = {
  handover: 'udskrift: vagtoverlevering',
  family_access_report: 'udskrift: indsigt i adgange',
  handover_package: 'udskrift: overleveringspakke',
  discharge_plan: 'udskrift: udslusningsplan',
  safety_plan: 'udskrift: sikkerhedsplan',
  network_map: 'udskrift: netværkskort',
  progression_report: 'udskrift: progressionsrapport',
  status_report: 'udskrift: statusrapport',
  goals_sheet: 'udskrift: mål til forældrene',
};

const NO_PDF = 'Gem som PDF findes i Familiespor-programmet på computeren. Her: vælg »Udskriv« og derefter »Gem som PDF« i udskriftsvinduet.';

/**
 * Printouts: every print (the print dialog's, or a PDF saved by the Electron shell) is in the access log, naming each
 * family on the sheet; the family gate checks that the user may see every one of them first.
 */
export function printHandlers(deps: { printer: PdfPrinter | null }) {
  return handlers({
    'print:record': {
      audit: { action: 'print', subject: (input) => printSubjects[input.document] },
      async run({ families }, input) {
        for (const id of new Set(input.familyIds)) await families.family(id);
        return null;
      },
    },

    'print:savePdf': {
      // Logged even when the save dialog is cancelled: the page was rendered to a PDF in memory.
      audit: { action: 'print', subject: (input) => `${printSubjects[input.document]} (PDF)` },
      async run({ families }, input) {
        for (const id of new Set(input.familyIds)) await families.family(id);
        if (!deps.printer) throw new AppFailure('not_available', NO_PDF);
        return { saved: (await deps.printer.savePdf(input.fileName)) === 'saved' };
      },
    },
  });
}
