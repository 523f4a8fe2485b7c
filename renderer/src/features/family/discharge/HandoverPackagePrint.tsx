import { useQuery } from '@tanstack/react-query';
import { destinationLabels, stepStatusLabels } from '../../../../../common/discharge';
import type { HandoverPackage } from '../../../../../common/handover-package';
import { partyLabel } from '../../../../../common/parties';
import { call } from '../../../app/api';
import { formatDate, formatDateTime } from '../../../ui/format';
import { FamilyPrint, type FamilyPrintProps } from '../print/FamilyPrint';
import { SafetyPlanContent } from '../safety-plan/SafetyPlanContent';
import { FamilySection, GoalsSection, NetworkSection, TeamSection } from './HandoverSections';
import { PlanDetails } from './PlanDetails';

/**
 * The overleveringspakke for the receiving service and the municipality: the family and its team, the udslusningsplan,
 * the udviklingsmål, the network and the sikkerhedsplan. No CPR numbers. Each view is fetched anew (an export in the
 * access log); printing it is logged as a print.
 */
export function HandoverPackagePrint(props: FamilyPrintProps) {
  const { familyId } = props;
  const pkg = useQuery({ queryKey: ['handoverPackage', familyId], queryFn: () => call('handoverPackage:get', { familyId }), staleTime: 0, gcTime: 0 });
  return (
    <FamilyPrint {...props} document="handover_package" title="Overleveringspakke" backHref={`/familier/${familyId}/udskrifter`} error={pkg.error} data={pkg.data}>
      {(p) => (
        <div data-testid="handover-print">
          <p className="print-intro">
            Til den modtagende indsats og kommunen. Pakken samler familiens forløb, udslusningsplanen, udviklingsmålene, netværket og sikkerhedsplanen. CPR-numre er
            udeladt. Samlet {formatDateTime(p.generatedAt)} af {p.generatedBy.name}.
          </p>
          <FamilySection family={p.family} />
          <TeamSection team={p.family.team} />
          <PlanSection plan={p.dischargePlan} timeline={p.timeline} />
          <GoalsSection goals={p.goals} />
          <NetworkSection network={p.network} />
          <section aria-labelledby="handover-safety">
            <h2 id="handover-safety">Sikkerhedsplan</h2>
            {p.safetyPlan ? <SafetyPlanContent plan={p.safetyPlan} /> : <p className="muted">Der er ingen sikkerhedsplan.</p>}
          </section>
        </div>
      )}
    </FamilyPrint>
  );
}

/** The udslusningsplan as the receiving service needs it: the steps with status and evaluation, then the plan's details. */
function PlanSection({ plan, timeline }: { plan: HandoverPackage['dischargePlan']; timeline: HandoverPackage['timeline'] }) {
  return (
    <section aria-labelledby="handover-plan">
      <h2 id="handover-plan">Udslusningsplan</h2>
      {!plan ? (
        <p className="muted">Der er ingen udslusningsplan.</p>
      ) : (
        <>
          <p>
            Udslusning til <strong>{destinationLabels[plan.destination].toLowerCase()}</strong>, måldato <strong>{formatDate(plan.targetDate)}</strong>. Lavet sammen med{' '}
            {plan.madeWith.map(partyLabel).join(', ')}. Udgave {plan.version} af {formatDate(plan.createdAt)}.
          </p>
          <table className="list steps">
            <thead>
              <tr>
                <th className="nowrap">Hvornår</th>
                <th>Trin</th>
                <th>Ansvarlig</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {timeline.map((e) => {
                const step = plan.steps.find((s) => s.key === e.key);
                return (
                  <tr key={e.key}>
                    <td className="nowrap">
                      {formatDate(e.startsOn)}
                      {e.lastDay !== e.startsOn && `–${formatDate(e.lastDay)}`}
                    </td>
                    <td>
                      <strong>{e.title}</strong>
                      {step?.description && <div className="small pre-wrap">{step.description}</div>}
                    </td>
                    <td>{e.responsible}</td>
                    <td>
                      {stepStatusLabels[e.status]}
                      {e.overdue && <span className="badge overdue">Overskredet</span>}
                      {step?.evaluation && <div className="small pre-wrap">{step.evaluation}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <PlanDetails plan={plan} />
        </>
      )}
    </section>
  );
}
