import { partyLabel } from '../../../../../common/parties';
import type { SafetyPlanVersion } from '../../../../../common/safety-plan';
import { formatDate } from '../../../ui/format';
import { safetyHeadings } from './safetyText';

/** One version of the sikkerhedsplan in plain words: on the tab and on the family's printout alike. */
export function SafetyPlanContent({ plan, headingLevel = 3 }: { plan: SafetyPlanVersion; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="safety-plan" data-testid="safety-plan">
      <H>{safetyHeadings.worries}</H>
      <TextList items={plan.worries} />
      <H>{safetyHeadings.actions}</H>
      <TextList items={plan.actions} />
      <H>{safetyHeadings.contacts}</H>
      {plan.contacts.length === 0 ? (
        <p className="muted">Ingen endnu.</p>
      ) : (
        <table className="list contacts">
          <thead>
            <tr>
              <th>Hvornår</th>
              <th>Hvem</th>
              <th>Telefon</th>
            </tr>
          </thead>
          <tbody>
            {plan.contacts.map((c) => (
              <tr key={c.key}>
                <td>{c.when}</td>
                <td>{partyLabel(c.who)}</td>
                <td className="nowrap phone">{c.phone ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <H>{safetyHeadings.signs}</H>
      <TextList items={plan.signs} />
      <p className="small">
        Aftalt den {formatDate(plan.agreedOn)} af {plan.agreedBy.map(partyLabel).join(', ')}.
      </p>
    </div>
  );
}

function TextList({ items }: { items: Array<{ key: number; text: string }> }) {
  if (items.length === 0) return <p className="muted">Ingen endnu.</p>;
  return (
    <ul className="plan-items">
      {items.map((i) => (
        <li key={i.key} className="pre-wrap">
          {i.text}
        </li>
      ))}
    </ul>
  );
}
