import { useQuery } from '@tanstack/react-query';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { PrintLayout } from '../../ui/print/PrintLayout';
import { usePrintRecord } from '../../ui/print/usePrintRecord';
import { HandoverGroups } from './HandoverGroups';
import { handoverPeriod } from './handoverText';

/**
 * The vagtoverlevering on paper (#/udskrift/vagtoverlevering?fra=<ISO>): the same families, notes and plan steps as
 * the front page. Each print (the button or Ctrl+P) is written to the access log for every family on the sheet.
 */
export function HandoverPrint({ options, institutionName, printedBy }: { options: URLSearchParams; institutionName: string; printedBy: string }) {
  const since = options.get('fra');
  const handover = useQuery({ queryKey: ['handover-print', since], queryFn: () => call('handover:get', since ? { since } : {}), staleTime: 0, gcTime: 0 });
  const printed = usePrintRecord('handover', handover.data?.families.map((f) => f.familyId));
  if (handover.isError)
    return (
      <main className="print-screen">
        <div className="print-sheet">
          <h1>Overleveringen kan ikke vises</h1>
          <Notice kind="error">{errorText(handover.error)}</Notice>
          <a href="#/">Tilbage til forsiden</a>
        </div>
      </main>
    );
  if (!handover.data) return <main className="muted center-screen">Henter overleveringen …</main>;
  const h = handover.data;
  return (
    <PrintLayout
      title="Vagtoverlevering"
      institutionName={institutionName}
      subjectLabel="Familier"
      familyName={h.families.length === 1 ? '1 familie' : `${h.families.length} familier`}
      period={{ from: null, to: null }}
      periodLabel={handoverPeriod(h)}
      printedBy={printedBy}
      backHref="/"
      printed={printed}
    >
      <div className="handover print-handover">
        <HandoverGroups handover={h} level={2} print />
      </div>
    </PrintLayout>
  );
}
