import { destinationLabels, stepStatusLabels, type DischargeStatus } from '../../../../../common/discharge';
import { formatDate } from '../../../ui/format';
import '../plans/plans.css';

/** In the close dialog: what the udslusningsplan says (its destination is offered as the outcome) and the steps not yet done. */
export function CloseDischargeInfo({ plan }: { plan: DischargeStatus | null }) {
  if (!plan) return <p className="small muted">Familien har ingen udslusningsplan.</p>;
  return (
    <div className="close-discharge" data-testid="close-discharge">
      <p className="small">
        Udslusningsplanen (udgave {plan.version}) siger udslusning til <strong>{destinationLabels[plan.destination].toLowerCase()}</strong> den {formatDate(plan.targetDate)}. Det er valgt
        nedenfor; ret det, hvis forløbet sluttede anderledes.
      </p>
      {plan.unfinishedSteps.length === 0 ? (
        <p className="small">Alle trin i planen er gennemført eller aflyst.</p>
      ) : (
        <div className="notice warn" role="status">
          <strong>{plan.unfinishedSteps.length === 1 ? '1 trin er ikke gennemført' : `${plan.unfinishedSteps.length} trin er ikke gennemført`}</strong>
          <ul className="plain small">
            {plan.unfinishedSteps.map((s) => (
              <li key={s.key}>
                {s.title} · {formatDate(s.startsOn)}
                {s.lastDay !== s.startsOn && `–${formatDate(s.lastDay)}`} · {stepStatusLabels[s.status]}
                {s.overdue && <span className="badge overdue"> ! Overskredet</span>}
              </li>
            ))}
          </ul>
          <span className="small">Trinnene bliver stående i planen, som de er.</span>
        </div>
      )}
    </div>
  );
}
