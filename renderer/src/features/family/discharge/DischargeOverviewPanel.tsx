import { Link } from 'wouter';
import { destinationLabels } from '../../../../../common/discharge';
import type { FamilyDetail } from '../../../../../common/families';
import { formatDate } from '../../../ui/format';
import '../plans/plans.css';

/** On the Overblik tab: where the family is going and when, the next step, and any overdue steps. */
export function DischargeOverviewPanel({ family }: { family: FamilyDetail }) {
  const plan = family.dischargePlan;
  const href = `/familier/${family.id}/udslusningsplan`;
  return (
    <section className="panel" aria-labelledby="overview-discharge-title" data-testid="overview-discharge">
      <h2 id="overview-discharge-title" style={{ marginTop: 0 }}>
        Udslusningsplan
      </h2>
      {!plan ? (
        <p className="muted">
          Ingen udslusningsplan endnu. <Link href={href}>Gå til udslusningsplanen</Link>
        </p>
      ) : (
        <>
          <p>
            Til <strong>{destinationLabels[plan.destination].toLowerCase()}</strong> den <strong>{formatDate(plan.targetDate)}</strong> · udgave {plan.version}
          </p>
          {plan.overdueSteps.length > 0 && (
            <div className="notice warn" role="status">
              <strong>{plan.overdueSteps.length === 1 ? '1 trin er overskredet' : `${plan.overdueSteps.length} trin er overskredet`}</strong>
              <ul className="plain">
                {plan.overdueSteps.map((s) => (
                  <li key={s.key}>
                    <span className="badge overdue">! Overskredet</span> {s.title} · sidste dag {formatDate(s.lastDay)} · {s.responsible}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>
            {plan.nextStep ? (
              <>
                Næste trin: <strong>{plan.nextStep.title}</strong> {formatDate(plan.nextStep.startsOn)} · {plan.nextStep.responsible}
              </>
            ) : (
              <span className="muted">Ingen kommende trin.</span>
            )}
          </p>
          <Link href={href}>Hele udslusningsplanen</Link>
        </>
      )}
    </section>
  );
}
