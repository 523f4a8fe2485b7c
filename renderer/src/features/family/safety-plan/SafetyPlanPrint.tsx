import { useQuery } from '@tanstack/react-query';
import { call } from '../../../app/api';
import { formatDateTime } from '../../../ui/format';
import { FamilyPrint, type FamilyPrintProps } from '../print/FamilyPrint';
import { SafetyPlanContent } from './SafetyPlanContent';

/** The sikkerhedsplan for the family, in large type and their own words: to hang where they can see it. */
export function SafetyPlanPrint(props: FamilyPrintProps & { version?: number }) {
  const { familyId, version } = props;
  const view = useQuery({ queryKey: ['safetyPlan', familyId, version ?? 'newest', 'print'], queryFn: () => call('safetyPlan:get', { familyId, version }), staleTime: 0, gcTime: 0 });
  return (
    <FamilyPrint {...props} document="safety_plan" title="Vores sikkerhedsplan" backHref={`/familier/${familyId}/netvaerk/sikkerhedsplan`} error={view.error} data={view.data}>
      {(v) =>
        !v.plan ? (
          <p>Familien har ingen sikkerhedsplan endnu.</p>
        ) : (
          <div className="print-family" data-testid="safety-print">
            <p>Planen er jeres. Hæng den op, hvor I kan se den, og ring, når I har brug for det.</p>
            <SafetyPlanContent plan={v.plan} headingLevel={2} />
            <p className="print-version">
              Udgave {v.plan.version}, gemt {formatDateTime(v.plan.createdAt)} af {v.plan.author.name}.
            </p>
          </div>
        )
      }
    </FamilyPrint>
  );
}
