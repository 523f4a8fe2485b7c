import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { FieldChange, ItemChange } from '../../../../../common/plan-diff';
import { formatDateTime } from '../../../ui/format';

const changeLabels = { added: 'Tilføjet', removed: 'Fjernet', changed: 'Ændret', unchanged: 'Uændret' } as const;

export interface VersionRef {
  version: number;
  createdAt: string;
  author: string;
  reason: string;
}

/**
 * A comparison's frame: on its own page with the way back and its title; embedded in another screen (a plan editor's
 * conflict panel, which says itself what is compared and where the user is) without either.
 */
export function DiffFrame({ id, testId, title, back, embedded, children }: { id: string; testId: string; title: string; back: { href: string; label: string }; embedded: boolean; children: ReactNode }) {
  if (embedded)
    return (
      <section aria-label={title} data-testid={testId}>
        {children}
      </section>
    );
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <p className="small no-print">
        <Link href={back.href}>{back.label}</Link>
      </p>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The two versions' heads, side by side. */
export function DiffHeads({ from, to }: { from: VersionRef; to: VersionRef }) {
  return (
    <div className="diff-heads">
      {[from, to].map((v) => (
        <div key={v.version} className="panel">
          <h3 style={{ marginTop: 0 }}>Udgave {v.version}</h3>
          <div className="small">
            {formatDateTime(v.createdAt)} · {v.author}
          </div>
          <div className="small">Begrundelse: {v.reason}</div>
        </div>
      ))}
    </div>
  );
}

/** The plan's own fields that changed, before and after. */
export function FieldChanges({ fields, from, to }: { fields: FieldChange[]; from: number; to: number }) {
  if (fields.length === 0) return null;
  return (
    <section aria-label="Planens oplysninger">
      <h3>Planens oplysninger</h3>
      <table className="list diff">
        <thead>
          <tr>
            <th>Hvad</th>
            <th>Udgave {from}</th>
            <th>Udgave {to}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field} className="diff-changed">
              <td>{f.label}</td>
              <td className="pre-wrap">{f.before ?? '–'}</td>
              <td className="pre-wrap">{f.after ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * One list of the plan (steps, agreements …) item by item: added, removed, changed or unchanged, the item as it was
 * beside the item as it is. `render` shows an item and marks the fields named in `changed`.
 */
export function DiffSection<T>({
  title,
  items: all,
  from,
  to,
  render,
  changesOnly = false,
}: {
  title: string;
  items: ItemChange<T>[];
  from: number;
  to: number;
  render: (item: T, changed: ReadonlySet<string>) => ReactNode;
  /** Only what changed (a plan conflict's panel): unchanged items, and a list with no changes, are left out. */
  changesOnly?: boolean;
}) {
  const items = changesOnly ? all.filter((i) => i.change !== 'unchanged') : all;
  if (changesOnly && items.length === 0) return null;
  const counts = (['added', 'removed', 'changed'] as const).map((c) => [c, items.filter((i) => i.change === c).length] as const).filter(([, n]) => n > 0);
  return (
    <section aria-label={title} data-testid={`diff-${title}`}>
      <h3>
        {title}{' '}
        <span className="muted small">{counts.length ? counts.map(([c, n]) => `${n} ${changeLabels[c].toLowerCase()}`).join(', ') : 'ingen ændringer'}</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">Ingen i nogen af udgaverne.</p>
      ) : (
        <table className="list diff">
          <thead>
            <tr>
              <th className="diff-change">Ændring</th>
              <th>Udgave {from}</th>
              <th>Udgave {to}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const changed = new Set(i.fields.map((f) => f.field));
              return (
                <tr key={i.key} className={`diff-${i.change}`}>
                  <td className="diff-change">
                    <span className={`badge change-${i.change}`}>{changeLabels[i.change]}</span>
                    {i.fields.length > 0 && <div className="small">{i.fields.map((f) => f.label).join(', ')}</div>}
                  </td>
                  <td>{i.before ? render(i.before, changed) : <span className="muted">Fandtes ikke</span>}</td>
                  <td>{i.after ? render(i.after, changed) : <span className="muted">Fjernet</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One line of an item in a comparison, marked (in words too, for print and screen readers) when it changed. */
export function DiffLine({ field, changed, children }: { field: string; changed: ReadonlySet<string>; children: ReactNode }) {
  const isChanged = changed.has(field);
  return (
    <div className={isChanged ? 'diff-field changed' : 'diff-field'}>
      {children}
      {isChanged && <span className="sr-only"> (ændret)</span>}
    </div>
  );
}
