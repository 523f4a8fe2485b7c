import type { DischargePlanVersion } from '../../../../../common/discharge';
import { agreementStatusLabels } from '../../../../../common/network';
import { partyLabel } from '../../../../../common/parties';
import { formatDate } from '../../../ui/format';

/** The plan's agreements (own, and linked network agreements with their status now), the support after the stay, and at anbringelse the separation and samvær. */
export function PlanDetails({ plan, headingLevel = 3 }: { plan: DischargePlanVersion; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <H>Aftaler</H>
      {plan.agreements.length === 0 ? (
        <p className="muted">Ingen aftaler i planen.</p>
      ) : (
        <ul className="plan-items" data-testid="plan-agreements">
          {plan.agreements.map((a) => (
            <li key={a.key}>
              <strong>{a.what}</strong> · {partyLabel(a.responsible)}
              {a.when && ` · ${a.when}`}
              {a.dueDate && ` · senest ${formatDate(a.dueDate)}`}
              {a.networkAgreementId !== null && (
                <span className="small muted">
                  {' '}
                  (aftale med netværket{a.networkStatus ? `: ${agreementStatusLabels[a.networkStatus].toLowerCase()}` : ''})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <H>Støtte efter opholdet</H>
      {plan.support.length === 0 ? (
        <p className="muted">Ingen modtagende indsats skrevet ind endnu.</p>
      ) : (
        <ul className="plan-items">
          {plan.support.map((s) => (
            <li key={s.key}>
              <strong>{s.service}</strong>
              {(s.contactName || s.contact) && <div>Kontakt: {[s.contactName, s.contact].filter(Boolean).join(', ')}</div>}
              {s.handoverMeetingOn && <div>Overleveringsmøde: {formatDate(s.handoverMeetingOn)}</div>}
              {s.handedOver && <div className="pre-wrap">Overleveres: {s.handedOver}</div>}
            </li>
          ))}
        </ul>
      )}
      {(plan.separationPlan || plan.contactNotes) && (
        <>
          <H>Ved anbringelse af barnet</H>
          {plan.separationPlan && (
            <>
              <p>
                <strong>Plan for adskillelsen</strong>
              </p>
              <p className="pre-wrap">{plan.separationPlan}</p>
            </>
          )}
          {plan.contactNotes && (
            <>
              <p>
                <strong>Samvær og fortsat kontakt</strong>
              </p>
              <p className="pre-wrap">{plan.contactNotes}</p>
            </>
          )}
        </>
      )}
    </>
  );
}
