import { useQuery } from '@tanstack/react-query';
import { stepStatusLabels } from '../../../../../common/discharge';
import { partyLabel } from '../../../../../common/parties';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { DiffFrame, DiffHeads, DiffLine, DiffSection, FieldChanges } from '../plans/DiffTable';

/**
 * Two versions of the udslusningsplan side by side (common/plan-diff.ts): added, removed and changed steps, agreements
 * and support. `embedded`: inside the editor's conflict panel, without its own title and way back.
 */
export function DischargeDiffView({ familyId, fromVersion, toVersion, embedded = false }: { familyId: number; fromVersion: number; toVersion: number; embedded?: boolean }) {
  const diff = useQuery({ queryKey: ['discharge', familyId, 'diff', fromVersion, toVersion], queryFn: () => call('discharge:diff', { familyId, fromVersion, toVersion }) });
  if (diff.isError) return <Notice kind="error">{errorText(diff.error)}</Notice>;
  if (!diff.data) return <p className="muted">Sammenligner …</p>;
  const d = diff.data;
  const [a, b] = [d.from.version, d.to.version];
  return (
    <DiffFrame
      id="discharge-diff-title"
      testId="discharge-diff"
      title={`Udslusningsplanen: udgave ${a} og ${b}`}
      back={{ href: `/familier/${familyId}/udslusningsplan/udgaver`, label: 'Tilbage til udgaverne' }}
      embedded={embedded}
    >
      <DiffHeads from={d.from} to={d.to} />
      <FieldChanges fields={d.fields} from={a} to={b} />
      <DiffSection
        changesOnly={embedded}
        title="Trin"
        items={d.steps}
        from={a}
        to={b}
        render={(s, changed) => (
          <>
            <DiffLine field="title" changed={changed}>
              <strong>{s.title}</strong>
            </DiffLine>
            <DiffLine field={changed.has('endsOn') ? 'endsOn' : 'startsOn'} changed={changed}>
              {formatDate(s.startsOn)}
              {s.endsOn && `–${formatDate(s.endsOn)}`}
            </DiffLine>
            <DiffLine field="responsible" changed={changed}>
              {partyLabel(s.responsible)}
            </DiffLine>
            <DiffLine field="status" changed={changed}>
              Status: {stepStatusLabels[s.status]}
            </DiffLine>
            {s.description && (
              <DiffLine field="description" changed={changed}>
                {s.description}
              </DiffLine>
            )}
            {s.evaluation && (
              <DiffLine field="evaluation" changed={changed}>
                Evaluering: {s.evaluation}
              </DiffLine>
            )}
          </>
        )}
      />
      <DiffSection
        changesOnly={embedded}
        title="Aftaler"
        items={d.agreements}
        from={a}
        to={b}
        render={(ag, changed) => (
          <>
            <DiffLine field="what" changed={changed}>
              {ag.what}
            </DiffLine>
            <DiffLine field="responsible" changed={changed}>
              {partyLabel(ag.responsible)}
              {ag.when && ` · ${ag.when}`}
              {ag.dueDate && ` · senest ${formatDate(ag.dueDate)}`}
            </DiffLine>
          </>
        )}
      />
      <DiffSection
        changesOnly={embedded}
        title="Støtte efter opholdet"
        items={d.support}
        from={a}
        to={b}
        render={(s, changed) => (
          <>
            <DiffLine field="service" changed={changed}>
              {s.service}
            </DiffLine>
            <DiffLine field="contactName" changed={changed}>
              {[s.contactName, s.contact].filter(Boolean).join(', ') || 'Ingen kontakt'}
            </DiffLine>
            {s.handoverMeetingOn && (
              <DiffLine field="handoverMeetingOn" changed={changed}>
                Overleveringsmøde {formatDate(s.handoverMeetingOn)}
              </DiffLine>
            )}
          </>
        )}
      />
    </DiffFrame>
  );
}
