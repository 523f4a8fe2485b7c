import { Link } from 'wouter';
import { phaseLabels, type FamilySummary } from '../../../../common/families';
import type { Observation } from '../../../../common/journal';
import type { SearchQuery } from '../../../../common/search';
import { formatDate, formatDateTime } from '../../ui/format';
import { excerpt, Highlight } from '../../ui/Highlight';
import { ConcernBadge } from '../journal/ConcernBadge';
import { noteHref } from '../journal/noteHref';

/** Families whose name fits the search: each opens the family. */
export function FamilyHits({ families }: { families: FamilySummary[] }) {
  if (families.length === 0) return null;
  return (
    <section aria-labelledby="family-hits-title">
      <h2 id="family-hits-title">Familier</h2>
      <ul className="plain hit-list" data-testid="family-results">
        {families.map((f) => (
          <li key={f.id}>
            <Link href={`/familier/${f.id}`}>{f.displayName}</Link>{' '}
            <span className="muted small">{f.endDate ? `afsluttet ${formatDate(f.endDate)}` : phaseLabels[f.phase]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Notes that match: each opens the note itself in its family's dagbog, marked, with the search words marked. */
export function NoteHits({ hits, query, text }: { hits: Observation[]; query: SearchQuery | null; text: string }) {
  return (
    <section aria-labelledby="note-hits-title">
      <h2 id="note-hits-title">Notater</h2>
      {hits.length === 0 && <p className="muted">Ingen notater indeholder »{text}«.</p>}
      <ol className="plain" data-testid="search-results">
        {hits.map((h) => (
          <li key={h.id} className="observation">
            <div className="observation-head">
              <a href={noteHref(h, text)}>
                {h.familyName} · {formatDateTime(h.observedAt)}
              </a>
              {h.category && <span className="badge">{h.category.label}</span>}
              <ConcernBadge concern={h.concern} />
              <span className="spacer" />
              <span className="muted small">{h.author.name}</span>
            </div>
            <p className="observation-text">
              <Highlight text={excerpt(h.text, query)} query={query} />
            </p>
            {h.amendments.length > 0 && <div className="small muted">{h.amendments.length === 1 ? '1 rettelse' : `${h.amendments.length} rettelser`}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
