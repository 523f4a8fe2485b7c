import { useQuery } from '@tanstack/react-query';
import { partyLabel } from '../../../../../common/parties';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { DiffFrame, DiffHeads, DiffLine, DiffSection, FieldChanges } from '../plans/DiffTable';
import { safetyHeadings } from './safetyText';

/**
 * Two versions of the sikkerhedsplan side by side (common/plan-diff.ts): added, removed and changed items. `embedded`:
 * inside the editor's conflict panel, without its own title and way back.
 */
export function SafetyPlanDiffView({ familyId, fromVersion, toVersion, embedded = false }: { familyId: number; fromVersion: number; toVersion: number; embedded?: boolean }) {
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
    <DiffFrame
      id="safety-diff-title"
      testId="safety-diff"
      title={`Sikkerhedsplanen: udgave ${d.from.version} og ${d.to.version}`}
      back={{ href: `/familier/${familyId}/netvaerk/sikkerhedsplan`, label: 'Tilbage til sikkerhedsplanen' }}
      embedded={embedded}
    >
      <DiffHeads from={d.from} to={d.to} />
      <FieldChanges fields={d.fields} from={d.from.version} to={d.to.version} />
      <DiffSection changesOnly={embedded} title={safetyHeadings.worries} items={d.worries} from={d.from.version} to={d.to.version} render={text} />
      <DiffSection changesOnly={embedded} title={safetyHeadings.actions} items={d.actions} from={d.from.version} to={d.to.version} render={text} />
      <DiffSection
        changesOnly={embedded}
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
      <DiffSection changesOnly={embedded} title={safetyHeadings.signs} items={d.signs} from={d.from.version} to={d.to.version} render={text} />
    </DiffFrame>
  );
}
