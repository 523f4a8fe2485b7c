import type { z } from 'zod';
import { Link } from 'wouter';
import { destinationLabels, type dischargeViewSchema } from '../../../../../common/discharge';
import { partyLabel } from '../../../../../common/parties';
import { Notice } from '../../../ui/Field';
import { formatDate, formatDateTime } from '../../../ui/format';
import { printHref } from '../../../ui/print/printRoute';
import { DischargeTimeline } from './DischargeTimeline';
import { PlanDetails } from './PlanDetails';
import { StepsTable } from './StepsTable';

type DischargeView = z.infer<typeof dischargeViewSchema>;

/** One version of the udslusningsplan: where to and when, the timeline against today, the steps, agreements and support. */
export function DischargePlanPage({ familyId, view, plan, closed }: { familyId: number; view: DischargeView; plan: NonNullable<DischargeView['plan']>; closed: boolean }) {
  const base = `/familier/${familyId}/udslusningsplan`;
  const isCurrent = plan.version === view.currentVersion;
  return (
    <>
      <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
        {!closed && (
          <Link className="button" href={`${base}/rediger`}>
            Ny udgave af planen
          </Link>
        )}
        <a className="button secondary" href={printHref(`udslusningsplan/${familyId}`, { udgave: isCurrent ? undefined : String(plan.version) })}>
          Udskriv planen
        </a>
      </div>
      {!isCurrent && (
        <Notice kind="warn">
          Du ser udgave {plan.version}, som ikke længere gælder. <Link href={base}>Vis den gældende udgave {view.currentVersion}</Link>
        </Notice>
      )}
      <section className="panel" aria-labelledby="plan-title">
        <h2 id="plan-title" style={{ marginTop: 0 }}>
          Udslusningsplan · udgave {plan.version} {isCurrent && <span className="badge">Gældende</span>}
        </h2>
        <dl className="facts" data-testid="plan-facts">
          <dt>Udslusning til</dt>
          <dd>
            <strong>{destinationLabels[plan.destination]}</strong>
          </dd>
          <dt>Måldato</dt>
          <dd>
            <strong>{formatDate(plan.targetDate)}</strong>
          </dd>
          <dt>Lavet sammen med</dt>
          <dd>{plan.madeWith.map(partyLabel).join(', ')}</dd>
          <dt>Udgave</dt>
          <dd>
            {plan.version}, gemt {formatDateTime(plan.createdAt)} af {plan.author.name}. Begrundelse: {plan.reason}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title" style={{ marginTop: 0 }}>
          Tidslinje
        </h2>
        <DischargeTimeline entries={view.timeline.entries} today={view.today} targetDate={view.timeline.targetDate} />
      </section>
      <section className="panel" aria-labelledby="steps-title">
        <h2 id="steps-title" style={{ marginTop: 0 }}>
          Trin
        </h2>
        <StepsTable steps={plan.steps} today={view.today} history={view.stepHistory} quick={isCurrent && !closed ? { familyId, baseVersion: plan.version } : undefined} />
      </section>
      <section className="panel" aria-label="Aftaler og støtte">
        <PlanDetails plan={plan} />
      </section>
    </>
  );
}
