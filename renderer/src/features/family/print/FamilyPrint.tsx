import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { PrintLayout } from '../../../ui/print/PrintLayout';
import { usePrintRecord, type PrintDocument } from '../../../ui/print/usePrintRecord';
import '../plans/plans.css';
import './family-print.css';

export interface FamilyPrintProps {
  familyId: number;
  institutionName: string;
  printedBy: string;
}

/**
 * The frame of a family's printout: the family's name and forløb in the A4 header (ui/print/PrintLayout), an error
 * or "Henter …" until the document's data is there, and each print written to the access log (usePrintRecord, run by
 * PrintLayout's `printed`). The sheet ([data-testid=print-sheet]) appears only when everything is loaded, so a
 * print-to-PDF path can wait for it.
 */
export function FamilyPrint<T>(props: FamilyPrintProps & { document: PrintDocument; title: string; backHref: string; error: unknown; data: T | undefined; children: (data: T) => ReactNode }) {
  const family = useQuery({ queryKey: ['family', props.familyId], queryFn: () => call('families:get', { familyId: props.familyId }) });
  const printed = usePrintRecord(props.document, [props.familyId]);
  const error = props.error ?? family.error;
  if (error)
    return (
      <div className="print-screen">
        <div className="print-sheet">
          <Notice kind="error">{errorText(error)}</Notice>
          <a href={`#${props.backHref}`}>Tilbage</a>
        </div>
      </div>
    );
  if (props.data === undefined || !family.data) return <p className="muted center-screen">Henter udskriften …</p>;
  const f = family.data;
  return (
    <PrintLayout title={props.title} institutionName={props.institutionName} familyName={f.displayName} period={{ from: f.startDate, to: f.endDate ?? f.plannedEndDate }} printedBy={props.printedBy} backHref={props.backHref} printed={printed}>
      {props.children(props.data)}
    </PrintLayout>
  );
}
