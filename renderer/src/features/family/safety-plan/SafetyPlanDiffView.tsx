import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { partyLabel } from '../../../../../common/parties';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { DiffHeads, DiffLine, DiffSection, FieldChanges } from '../plans/DiffTable';
import { safetyHeadings } from './safetyText';

/** Two versions of the sikkerhedsplan side by side (common/plan-diff.ts): added, removed and changed items. */
export function SafetyPlanDiffView({ familyId, fromVersion, toVersion }: { familyId: number; fromVersion: number; toVersion: number }) {
  const diff = useQuery({ queryKey: ['safetyPlan', familyId, 'diff', fromVersion, toVersion], queryFn: () => call('safetyPlan:diff', { familyId, fromVersion, toVersion }) });
  if (diff.isError) return <Notice kind="error">{errorText(diff.error)}</Notice>;
  if (!diff.data) return <p className="muted">Sammenligner …</p>;
  const d = diff.data;
  const text = (i: { text: string }, changed: ReadonlySet<string>) => (
    <DiffLine field="text" changed={changed}>
      {i.text}
    </DiffLine>
  );
  return (
    <section aria-labelledby="safety-diff-title" data-testid="safety-diff">
      <p className="small no-print">
        <Link href={`/familier/${familyId}/netvaerk/sikkerhedsplan`}>Tilbage til sikkerhedsplanen</Link>
      </p>
      <h2 id="safety-diff-title" style={{ marginTop: 0 }}>
        Sikkerhedsplanen: udgave {d.from.version} og {d.to.version}
      </h2>
      <DiffHeads from={d.from} to={d.to} />
      <FieldChanges fields={d.fields} from={d.from.version} to={d.to.version} />
      <DiffSection title={safetyHeadings.worries} items={d.worries} from={d.from.version} to={d.to.version} render={text} />
      <DiffSection title={safetyHeadings.actions} items={d.actions} from={d.from.version} to={d.to.version} render={text} />
      <DiffSection
        title={safetyHeadings.contacts}
        items={d.contacts}
        from={d.from.version}
        to={d.to.version}
        render={(c, changed) => (
          <>
            <DiffLine field="when" changed={changed}>
              {c.when}
            </DiffLine>
            <DiffLine field="who" changed={changed}>
              {partyLabel(c.who)}
            </DiffLine>
            <DiffLine field="phone" changed={changed}>
              {c.phone ?? 'Intet telefonnummer'}
            </DiffLine>
          </>
        )}
      />
      <DiffSection title={safetyHeadings.signs} items={d.signs} from={d.from.version} to={d.to.version} render={text} />
    </section>
  );
}
