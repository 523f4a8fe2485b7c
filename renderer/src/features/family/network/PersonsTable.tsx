import { closenessLabels, helpAreaLabels, networkKindLabels, networkRelationLabels, networkSupportLabels, type NetworkPerson } from '../../../../../common/network';
import { formatDate } from '../../../ui/format';

/** The persons around the family with everything recorded about each; edit and remove while the family is open. */
export function PersonsTable({ persons, onEdit, onRemove }: { persons: NetworkPerson[]; onEdit?: (p: NetworkPerson) => void; onRemove?: (p: NetworkPerson) => void }) {
  const current = persons.filter((p) => !p.removedAt);
  const removed = persons.filter((p): p is NetworkPerson & { removedAt: string } => p.removedAt !== null);
  return (
    <>
      {current.length === 0 ? (
        <p className="muted">Der er ingen personer i netværket endnu. Tilføj dem, familien nævner: familie, venner, naboer og fagpersoner.</p>
      ) : (
        <table className="list" data-testid="network-persons">
          <thead>
            <tr>
              <th>Navn</th>
              <th>Relation</th>
              <th>Kontakt</th>
              <th>Kan hjælpe med</th>
              <th>Relationen</th>
              <th>Nærhed</th>
              {(onEdit || onRemove) && (
                <th>
                  <span className="sr-only">Handlinger</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {current.map((p) => (
              <tr key={p.id}>
                <td>
                  <strong>{p.name}</strong>
                  <div className="small muted">{networkKindLabels[p.kind]}</div>
                </td>
                <td>
                  {p.relationText ?? networkRelationLabels[p.relation]}
                  <div className="small muted">til {p.relatedTo ? p.relatedTo.name : 'familien'}</div>
                </td>
                <td className="small">
                  {p.phone && <div className="nowrap">{p.phone}</div>}
                  {p.email && <div>{p.email}</div>}
                  {p.contactNote && <div className="muted">{p.contactNote}</div>}
                  {!p.phone && !p.email && !p.contactNote && '–'}
                </td>
                <td className="small">
                  {p.helpWith.map((h) => helpAreaLabels[h]).join(', ') || '–'}
                  {p.helpNote && <div className="muted">{p.helpNote}</div>}
                </td>
                <td>
                  <span className={`badge support-${p.support}`}>{networkSupportLabels[p.support]}</span>
                </td>
                <td className="small">{closenessLabels[p.closeness as 1 | 2 | 3]}</td>
                {(onEdit || onRemove) && (
                  <td>
                    <div className="row-actions">
                      {onEdit && (
                        <button type="button" className="secondary" onClick={() => onEdit(p)} aria-label={`Redigér ${p.name}`}>
                          Redigér
                        </button>
                      )}
                      {onRemove && (
                        <button type="button" className="secondary" onClick={() => onRemove(p)} aria-label={`Fjern ${p.name} fra netværket`}>
                          Fjern
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed.length > 0 && (
        <details className="removed">
          <summary>Fjernet fra netværket ({removed.length})</summary>
          <ul className="plain">
            {removed.map((p) => (
              <li key={p.id}>
                {p.name} · {p.relationText ?? networkRelationLabels[p.relation]} · fjernet {formatDate(p.removedAt)}
                {p.removedReason && <span className="muted"> · {p.removedReason}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
