import { useQuery } from '@tanstack/react-query';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { formatDateTime } from '../../../ui/format';
import { PrintLayout } from '../../../ui/print/PrintLayout';
import { usePrintRecord } from '../../../ui/print/usePrintRecord';
import { StatusReportFacts, StatusReportSections } from './StatusReportBody';
import './prints.css';

/** A statusrapport til kommunen on paper: as signed (frozen), or marked KLADDE while it is a draft. */
export function StatusReportPrint({ reportId, institutionName, printedBy }: { reportId: number; institutionName: string; printedBy: string }) {
  const report = useQuery({ queryKey: ['statusReport', reportId, 'print'], queryFn: () => call('statusReports:get', { reportId }), staleTime: 0, gcTime: 0 });
  const familyId = report.data?.familyId;
  const printed = usePrintRecord('status_report', familyId === undefined ? undefined : [familyId]);
  if (report.isError)
    return (
      <div className="print-screen">
        <div className="print-sheet">
          <Notice kind="error">{errorText(report.error)}</Notice>
          <a href="#/familier">Tilbage til familierne</a>
        </div>
      </div>
    );
  if (!report.data) return <p className="muted center-screen">Henter statusrapporten …</p>;
  const r = report.data;
  return (
    <PrintLayout
      title={r.signed ? 'Statusrapport til kommunen' : 'Statusrapport til kommunen – KLADDE'}
      institutionName={institutionName}
      familyName={r.content.family.displayName}
      period={{ from: r.periodFrom, to: r.periodTo }}
      printedBy={printedBy}
      backHref={`/familier/${r.familyId}/udskrifter`}
      printed={printed}
    >
      <StatusReportSections sections={r.sections} />
      <StatusReportFacts content={r.content} />
      <section className="print-signatures" aria-label="Underskrift">
        <h2>Underskrift</h2>
        {r.signed ? (
          <p data-testid="print-signed">
            Underskrevet elektronisk af <strong>{r.signed.by.name}</strong>
            {r.signed.as === 'leader' ? ', leder, på vegne af familiens eksterne tovholder' : ', familiens tovholder'}, den {formatDateTime(r.signed.at)}.
          </p>
        ) : (
          <p>Kladde: ikke underskrevet.</p>
        )}
      </section>
    </PrintLayout>
  );
}
