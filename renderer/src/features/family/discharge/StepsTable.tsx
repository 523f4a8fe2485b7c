import { useState } from 'react';
import { z } from 'zod';
import { openStepStatuses, stepStatusLabels, type dischargeViewSchema, type Step, type StepStatus } from '../../../../../common/discharge';
import { isOverdue } from '../../../../../common/discharge-timeline';
import { partyLabel } from '../../../../../common/parties';
import { formatDate, formatDateTime } from '../../../ui/format';
import { StepStatusDialog } from './StepStatusDialog';

type StepHistory = z.infer<typeof dischargeViewSchema>['stepHistory'][number];

/**
 * The plan's steps in order: when, who, what happens, status and evaluation; overdue steps are marked in words. On
 * the newest version each open step has quick status changes (each a new version with its reason).
 */
export function StepsTable({ steps, today, history, quick }: { steps: Step[]; today: string; history: StepHistory[]; quick?: { familyId: number; baseVersion: number } }) {
  const [changing, setChanging] = useState<{ step: Step; status: StepStatus } | null>(null);
  if (steps.length === 0) return <p className="muted">Planen har ingen trin endnu.</p>;
  return (
    <>
      <table className="list steps" data-testid="steps">
        <thead>
          <tr>
            <th>Trin</th>
            <th className="nowrap">Hvornår</th>
            <th>Ansvarlig</th>
            <th>Status</th>
            {quick && (
              <th>
                <span className="sr-only">Skift status</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => {
            const overdue = isOverdue(s, today);
            const open = openStepStatuses.includes(s.status);
            const changes = history.find((h) => h.key === s.key)?.changes ?? [];
            return (
              <tr key={s.key} className={overdue ? 'overdue' : undefined} data-testid="step-row">
                <td>
                  <strong>
                    {i + 1}. {s.title}
                  </strong>
                  {s.description && <div className="small pre-wrap">{s.description}</div>}
                  {changes.length > 1 && (
                    <details className="small step-history">
                      <summary>Historik ({changes.length})</summary>
                      <ol>
                        {changes.map((c) => (
                          <li key={c.version}>
                            Udgave {c.version}, {formatDateTime(c.at)}, {c.by.name}: {stepStatusLabels[c.status]}. {c.reason}
                            {c.evaluation && <div className="muted">Evaluering: {c.evaluation}</div>}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </td>
                <td className="nowrap">
                  {formatDate(s.startsOn)}
                  {s.endsOn && (
                    <>
                      <br />– {formatDate(s.endsOn)}
                    </>
                  )}
                </td>
                <td>{partyLabel(s.responsible)}</td>
                <td>
                  <span className={`badge step-${s.status}`}>{stepStatusLabels[s.status]}</span>
                  {overdue && <span className="badge overdue">! Overskredet</span>}
                  {s.evaluation && <div className="small pre-wrap">{s.evaluation}</div>}
                </td>
                {quick && (
                  <td>
                    <div className="row-actions">
                      {open ? (
                        <>
                          <button type="button" className="secondary" onClick={() => setChanging({ step: s, status: 'done' })} aria-label={`Gennemført: ${s.title}`}>
                            Gennemført
                          </button>
                          <button type="button" className="secondary" onClick={() => setChanging({ step: s, status: 'postponed' })} aria-label={`Udskyd: ${s.title}`}>
                            Udskyd
                          </button>
                          <button type="button" className="secondary" onClick={() => setChanging({ step: s, status: 'cancelled' })} aria-label={`Aflys: ${s.title}`}>
                            Aflys
                          </button>
                        </>
                      ) : (
                        <button type="button" className="secondary" onClick={() => setChanging({ step: s, status: s.status })} aria-label={`Skift status: ${s.title}`}>
                          Skift status
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {changing && quick && <StepStatusDialog familyId={quick.familyId} baseVersion={quick.baseVersion} step={changing.step} status={changing.status} onClose={() => setChanging(null)} />}
    </>
  );
}
