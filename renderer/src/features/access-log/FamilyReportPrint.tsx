import { useQuery } from '@tanstack/react-query';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { PrintLayout } from '../../ui/print/PrintLayout';
import { actionLabel } from './accessLogText';

/** The options of #/udskrift/indsigt/<familyId>: fra, til (yyyy-MM-dd) and navne=1 (show the staff's names). */
export function familyReportOptions(options: URLSearchParams) {
  return { from: options.get('fra') || undefined, to: options.get('til') || undefined, includeStaff: options.get('navne') === '1' };
}

/**
 * Indsigt (GDPR art. 15) on paper: every access to one family's data in the period. Each view fetches the report
 * again, so each print view is in the access log.
 */
export function FamilyReportPrint({ familyId, options, institutionName, printedBy }: { familyId: number; options: URLSearchParams; institutionName: string; printedBy: string }) {
  const input = { familyId, ...familyReportOptions(options) };
  const report = useQuery({ queryKey: ['familyReport', input], queryFn: () => call('accessLog:familyReport', input), staleTime: 0, gcTime: 0 });
  if (report.isError)
    return (
      <main className="print-screen">
        <div className="print-sheet">
          <h1>Oversigten kan ikke vises</h1>
          <Notice kind="error">{errorText(report.error)}</Notice>
          <a href="#/ledelse/adgangslog/indsigt">Tilbage til adgangsloggen</a>
        </div>
      </main>
    );
  if (!report.data) return <main className="muted center-screen">Henter oversigten …</main>;
  const r = report.data;
  return (
    <PrintLayout
      title="Adgange til familiens oplysninger"
      institutionName={institutionName}
      familyName={r.family.displayName}
      period={{ from: r.from, to: r.to }}
      printedBy={printedBy}
      backHref="/ledelse/adgangslog/indsigt"
    >
      <p>
        Oversigten viser hver gang, nogen hos {institutionName} har læst, søgt i, oprettet, ændret, eksporteret eller udskrevet oplysninger om familien
        (indsigt efter databeskyttelsesforordningens artikel 15).{!r.includeStaff && ' Medarbejdernes navne er udeladt.'}
      </p>
      <p>
        <strong>{r.rows.length === 1 ? '1 registrering' : `${r.rows.length.toLocaleString('da-DK')} registreringer`}</strong>, ældste først.
      </p>
      {r.rows.length === 0 ? (
        <p className="muted">Der er ingen registrerede adgange i perioden.</p>
      ) : (
        <table className="list" data-testid="family-report">
          <thead>
            <tr>
              <th className="nowrap">Tidspunkt</th>
              <th>Handling</th>
              <th>Hvad</th>
              {r.includeStaff && <th>Medarbejder</th>}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row, i) => (
              <tr key={i}>
                <td className="nowrap">{formatDateTime(row.at)}</td>
                <td>{actionLabel(row.action)}</td>
                <td>{row.subject ?? '–'}</td>
                {r.includeStaff && <td>{row.userName ?? '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintLayout>
  );
}
