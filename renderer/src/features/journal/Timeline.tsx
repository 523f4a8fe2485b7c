import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Observation } from '../../../../common/journal';
import type { FamilyDetail } from '../../../../common/families';
import { parseQuery } from '../../../../common/search';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTime, formatDayHeading } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';
import { ObservationCard } from './ObservationCard';
import { activeFilters, noTimelineFilter, TimelineFilters, type TimelineFilter } from './TimelineFilters';

/** Groups observations by local calendar day, newest first (the order they arrive in). */
export function groupByDay(observations: Observation[]): Array<{ day: string; observations: Observation[] }> {
  const groups: Array<{ day: string; observations: Observation[] }> = [];
  for (const o of observations) {
    const d = new Date(o.observedAt);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const last = groups[groups.length - 1];
    if (last?.day === day) last.observations.push(o);
    else groups.push({ day, observations: [o] });
  }
  return groups;
}

/** The note a search hit or the handover opened: the timeline starts at it (#/familier/12/dagbog?notat=345&tid=…&soeg=…). */
export interface TimelineTarget {
  id: number;
  observedAt: string;
  /** The submitted search that found it, marked in the notes. */
  query: string | null;
}

/**
 * A family's observations, newest first, grouped by day, with search and filters; loads 50 at a time. Opened at a
 * target note, the first page starts at that note (the note's time and id are the paging cursor), the note is marked
 * and scrolled to, and »Vis nyere notater« goes back to the newest.
 */
export function Timeline({ family, onNewObservation, target }: { family: FamilyDetail; onNewObservation: () => void; target: TimelineTarget | null }) {
  const [filter, setFilter] = useState<TimelineFilter>(noTimelineFilter);
  const debouncedQuery = useDebounced(filter.query.trim(), 250);
  const input = {
    familyId: family.id,
    categoryId: filter.categoryId,
    personId: filter.personId,
    authorId: filter.authorId,
    concern: filter.concern,
    from: filter.from || undefined,
    to: filter.to || undefined,
    query: debouncedQuery || undefined,
  };
  // The cursor is exclusive (older than time and id): id + 1 keeps the target itself on the first page.
  const start = target ? { observedAt: target.observedAt, id: target.id + 1 } : undefined;
  type Page = { cursor: { observedAt: string; id: number } | undefined; live: boolean };
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', input, start ?? null],
    initialPageParam: { cursor: start, live: true } as Page,
    queryFn: async ({ pageParam }) => {
      const page = await call('journal:timeline', { ...input, live: pageParam.live, cursor: pageParam.cursor, limit: 50 });
      // The word being typed matches as a beginning, but the index holds stems: a finished word longer than its stem
      // (»øjenkontakt«, stored as »øjenkontak«) finds nothing that way, so it is then matched as a whole word.
      if (input.query && pageParam.live && pageParam.cursor === start && page.observations.length === 0) {
        return { ...(await call('journal:timeline', { ...input, live: false, cursor: start, limit: 50 })), live: false };
      }
      return { ...page, live: pageParam.live };
    },
    getNextPageParam: (last) => (last.cursor ? { cursor: last.cursor, live: last.live } : undefined),
  });
  const observations = timeline.data?.pages.flatMap((p) => p.observations) ?? [];
  // Filtering as one types: the word being typed matches as a prefix, as in the index query. A search that opened the
  // note is marked as it was submitted (whole words).
  const wholeWords = timeline.data?.pages[0]?.live === false;
  const searchQuery = debouncedQuery ? parseQuery(debouncedQuery, { live: !wholeWords }) : target?.query ? parseQuery(target.query) : null;
  const sentinel = useRef<HTMLDivElement>(null);
  const targetRef = useRef<HTMLElement>(null);
  const shownTarget = useRef<number | null>(null);

  // The opened note: scrolled into view and focused once, when it has arrived.
  useEffect(() => {
    if (!target || shownTarget.current === target.id || !targetRef.current) return;
    shownTarget.current = target.id;
    targetRef.current.scrollIntoView({ block: 'center' });
    targetRef.current.focus({ preventScroll: true });
  });

  // Loads the next page when the end of the list scrolls into view (years of observations, 50 at a time).
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const observer = new IntersectionObserver((items) => {
      if (items.some((i) => i.isIntersecting) && timeline.hasNextPage && !timeline.isFetchingNextPage) void timeline.fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [timeline]);

  const anyFilter = Boolean(activeFilters(filter) || debouncedQuery);
  const closed = family.endDate !== null;
  return (
    <section aria-label="Dagbog" className="measure">
      <TimelineFilters family={family} value={filter} onChange={setFilter} />
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0 }}>
          <button type="button" onClick={onNewObservation} title="Nyt notat (Ctrl+N)">
            Nyt notat
          </button>
          <span className="muted small">
            <kbd>Ctrl</kbd>+<kbd>N</kbd>
          </span>
        </div>
      )}
      {target && (
        <div className="notice info newer-notes">
          Viser notater fra {formatDateTime(target.observedAt)} og ældre. <Link href={`/familier/${family.id}/dagbog`}>Vis nyere notater</Link>
        </div>
      )}
      {timeline.isError && <Notice kind="error">{errorText(timeline.error)}</Notice>}
      {timeline.data && observations.length === 0 && (
        <p className="muted" style={{ marginTop: '1rem' }}>
          {anyFilter ? 'Ingen notater matcher. Prøv at fjerne et filter.' : 'Der er ingen notater endnu. Skriv det første med Ctrl+N.'}
        </p>
      )}
      <div data-testid="timeline">
        {groupByDay(observations).map((g) => (
          <div key={g.day}>
            <h2 className="day-heading">{formatDayHeading(g.day)}</h2>
            {g.observations.map((o) => (
              <ObservationCard
                key={o.id}
                ref={o.id === target?.id ? targetRef : undefined}
                observation={o}
                query={searchQuery}
                canAmend={!closed}
                target={o.id === target?.id}
              />
            ))}
          </div>
        ))}
      </div>
      <div ref={sentinel} />
      {timeline.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {timeline.isFetchingNextPage ? 'Henter …' : 'Vis ældre notater'}
          </button>
        </div>
      )}
    </section>
  );
}
