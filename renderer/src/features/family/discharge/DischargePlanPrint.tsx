import { useQuery } from '@tanstack/react-query';
import { destinationLabels, stepStatusLabels } from '../../../../../common/discharge';
import { partyLabel } from '../../../../../common/parties';
import { call } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../ui/format';
import { FamilyPrint, type FamilyPrintProps } from '../print/FamilyPrint';
import { DischargeTimeline } from './DischargeTimeline';
import { PlanDetails } from './PlanDetails';

/** The udslusningsplan on paper, for the parents and the partners: plain words, the steps as a table and on a timeline. */
export function DischargePlanPrint(props: FamilyPrintProps & { version?: number }) {
  const { familyId, version } = props;
  const view = useQuery({ queryKey: ['discharge', familyId, version ?? 'newest', 'print'], queryFn: () => call('discharge:get', { familyId, version }), staleTime: 0, gcTime: 0 });
  return (
    <FamilyPrint {...props} document="discharge_plan" title="Udslusningsplan" backHref={`/familier/${familyId}/udslusningsplan`} error={view.error} data={view.data}>
      {(v) =>
        !v.plan ? (
          <p>Familien har ingen udslusningsplan endnu.</p>
        ) : (
          <div data-testid="discharge-print">
            <p className="print-intro">
              Planen for, hvordan familien flytter til <strong>{destinationLabels[v.plan.destination].toLowerCase()}</strong>. Målet er at flytte den{' '}
              <strong>{formatDate(v.plan.targetDate)}</strong>. Planen er lavet sammen med {v.plan.madeWith.map(partyLabel).join(', ')}.
            </p>
            <h2>Trinene</h2>
            <table className="list steps">
              <thead>
                <tr>
                  <th className="nowrap">Hvornår</th>
                  <th>Hvad sker der</th>
                  <th>Hvem står for det</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {v.plan.steps.map((s, i) => (
                  <tr key={s.key}>
                    <td className="nowrap">
                      {formatDate(s.startsOn)}
                      {s.endsOn && (
                        <>
                          <br />– {formatDate(s.endsOn)}
                        </>
                      )}
                    </td>
                    <td>
                      <strong>
                        {i + 1}. {s.title}
                      </strong>
                      {s.description && <div className="pre-wrap">{s.description}</div>}
                    </td>
                    <td>{partyLabel(s.responsible)}</td>
                    <td>
                      {stepStatusLabels[s.status]}
                      {v.timeline.entries.find((e) => e.key === s.key)?.overdue && <span className="badge overdue">Overskredet</span>}
                      {s.evaluation && <div className="small pre-wrap">{s.evaluation}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Tidslinje</h2>
            <DischargeTimeline entries={v.timeline.entries} today={v.today} targetDate={v.timeline.targetDate} />
            <PlanDetails plan={v.plan} headingLevel={2} />
            <p className="print-version">
              Udgave {v.plan.version} af planen, gemt {formatDateTime(v.plan.createdAt)} af {v.plan.author.name}. {v.plan.version !== v.currentVersion && `Den gældende udgave er nr. ${v.currentVersion}.`}
            </p>
          </div>
        )
      }
    </FamilyPrint>
  );
}
