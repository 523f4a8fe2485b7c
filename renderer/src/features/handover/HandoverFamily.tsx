import { Link } from 'wouter';
import type { Handover } from '../../../../common/channels/handover';
import { shiftLabels } from '../../../../common/journal';
import { formatDate, formatDateTime, formatWhen } from '../../ui/format';
import { ConcernBadge } from '../journal/ConcernBadge';
import { noteHref } from '../journal/noteHref';
import { itemKindLabels, notesCount } from './handoverText';

type Family = Handover['families'][number];
type Item = Family['due'][number];

function Items({ title, items, testId }: { title: string; items: Item[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div className="handover-items" data-testid={testId}>
      <strong className="small">{title}</strong>
      <ul className="plain">
        {items.map((item, i) => (
          <li key={i}>
            {/* The backend's label may name its kind and date already (»Udslusning: … skulle være afsluttet 01.12.2026«). */}
            {!item.label.includes(':') && <span className="muted small">{itemKindLabels[item.kind]}: </span>}
            {item.label}
            {!item.label.includes(formatDate(item.date)) && ` · ${formatDate(item.date)}`}{' '}
            {item.overdue && <span className="badge concern-serious">Overskredet</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One family in the vagtoverlevering: its new notes (first lines, concern, author, time; each opens the note), the
 * concerns waiting for a leader, what the udslusningsplan has for today (overdue steps marked) and what is due.
 * `level`: the heading level of the family's name (4 on the front page, 3 on paper: under the groups).
 */
export function HandoverFamily({ family: f, level, print }: { family: Family; level: 3 | 4; print?: boolean }) {
  const Heading = `h${level}` as 'h3' | 'h4';
  return (
    <article className="handover-family" data-testid="handover-family" aria-labelledby={`handover-${f.familyId}`}>
      <Heading id={`handover-${f.familyId}`} className="handover-family-name">
        {print ? f.displayName : <Link href={`/familier/${f.familyId}`}>{f.displayName}</Link>}
        <span className="muted small"> · {notesCount(f.observations.length)}</span>
      </Heading>
      {f.pendingConcerns > 0 && (
        <p className="small">
          <span className="badge concern-serious">
            {f.pendingConcerns === 1 ? '1 alvorlig bekymring venter på en leder' : `${f.pendingConcerns} alvorlige bekymringer venter på en leder`}
          </span>
        </p>
      )}
      {f.observations.length > 0 && (
        <ol className="plain handover-notes">
          {f.observations.map((o) => (
            <li key={o.id} data-testid="handover-note">
              <div className="handover-note-head small">
                {print ? <strong>{formatDateTime(o.observedAt)}</strong> : <a href={noteHref({ ...o, familyId: f.familyId })}>{formatWhen(o.observedAt)}</a>}
                <span className="muted">{shiftLabels[o.shift]}</span>
                {o.category && <span className="badge">{o.category}</span>}
                <ConcernBadge concern={o.concern} />
                <span className="muted">{o.author}</span>
                {o.amended && <span className="muted">(rettet)</span>}
              </div>
              <p className="handover-excerpt">{o.excerpt}</p>
            </li>
          ))}
        </ol>
      )}
      <Items title="Planlagt i dag og overskredet" items={f.plannedToday} testId="handover-planned" />
      <Items title="Skal gøres" items={f.due} testId="handover-due" />
    </article>
  );
}
