import { useState } from 'react';
import { personKindLabels, type Person } from '../../../../../common/families';
import { call } from '../../../app/api';
import { formatDate } from '../../../ui/format';

/** One person in the family; the full CPR number only on request (the showing is written to the access log). */
export function PersonLine({ person: p, onBorn, onEdit }: { person: Person; onBorn?: () => void; onEdit?: () => void }) {
  const [cpr, setCpr] = useState<string | null>(null);
  const unborn = p.kind === 'child' && !p.birthDate;
  return (
    <li>
      <strong>{p.name}</strong> · {personKindLabels[p.kind]}
      {p.birthDate && ` · født ${formatDate(p.birthDate)}`}
      {unborn && p.dueDate && ` · termin ${formatDate(p.dueDate)}`}
      {p.cprMasked && (
        <>
          {' · CPR '}
          <span className="nowrap">{cpr ?? p.cprMasked}</span>{' '}
          {cpr === null ? (
            <button type="button" className="link small" onClick={() => void call('persons:revealCpr', { personId: p.id }).then((r) => setCpr(r.cpr))} title="Visningen skrives i adgangsloggen">
              Vis
            </button>
          ) : (
            <button type="button" className="link small" onClick={() => setCpr(null)}>
              Skjul
            </button>
          )}
        </>
      )}
      {onEdit && (
        <>
          {' '}
          <button type="button" className="link small" onClick={onEdit} aria-label={`Redigér ${p.name}`}>
            Redigér
          </button>
        </>
      )}
      {unborn && onBorn && (
        <>
          {' '}
          <button type="button" className="link small" onClick={onBorn}>
            Markér som født
          </button>
        </>
      )}
    </li>
  );
}
