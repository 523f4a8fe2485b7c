import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { concernLabels, concerns, type Concern, type Observation } from '../../../../common/journal';
import type { FamilyDetail } from '../../../../common/families';
import { parseQuery } from '../../../../common/search';
import { call, errorText } from '../../app/api';
import { ObservationCard } from './ObservationCard';
import { Notice } from '../../ui/Field';
import { IdFilter, labelOptions, SelectField } from '../../ui/SelectField';
import { formatDayHeading } from '../../ui/format';
import { useDebounced } from '../../ui/useDebounced';

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

/** A family's observations, newest first, grouped by day, with filters and search; loads 50 at a time. */
export function Timeline({ family, onNewObservation }: { family: FamilyDetail; onNewObservation: () => void }) {
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [personId, setPersonId] = useState<number | undefined>();
  const [authorId, setAuthorId] = useState<number | undefined>();
  const [concern, setConcern] = useState<Concern | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const debouncedQuery = useDebounced(query.trim(), 250);
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => call('journal:categories', {}), staleTime: Infinity });
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const filters = { familyId: family.id, categoryId, personId, authorId, concern, from: from || undefined, to: to || undefined, query: debouncedQuery || undefined, live: true };
  const timeline = useInfiniteQuery({
    queryKey: ['timeline', filters],
    initialPageParam: undefined as { observedAt: string; id: number } | undefined,
    queryFn: ({ pageParam }) => call('journal:timeline', { ...filters, cursor: pageParam, limit: 50 }),
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
  const observations = timeline.data?.pages.flatMap((p) => p.observations) ?? [];
  // Filtering as one types: the word being typed matches as a prefix, as in the index query.
  const searchQuery = debouncedQuery ? parseQuery(debouncedQuery, { live: true }) : null;
  const sentinel = useRef<HTMLDivElement>(null);

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

  const anyFilter = Boolean(categoryId || personId || authorId || concern || from || to || debouncedQuery);
  const closed = family.endDate !== null;
  return (
    <section aria-label="Dagbog">
      <div className="filters no-print">
        <div className="field" style={{ flex: '2 1 16rem' }}>
          <label htmlFor="timeline-search">Søg i dagbogen</label>
          <input id="timeline-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Fx søvn, amning, netværk" />
        </div>
        <IdFilter label="Kategori" id="f-category" value={categoryId} onChange={setCategoryId} options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.label }))} />
        <IdFilter label="Person" id="f-person" value={personId} onChange={setPersonId} options={family.persons.map((p) => ({ value: p.id, label: p.name }))} />
        <IdFilter label="Skrevet af" id="f-author" value={authorId} onChange={setAuthorId} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          label="Bekymring"
          id="f-concern"
          placeholder="Alle"
          options={labelOptions(concerns, concernLabels)}
          value={concern ?? ''}
          onChange={(e) => setConcern((e.target.value || undefined) as Concern | undefined)}
        />
        <div className="field">
          <label htmlFor="f-from">Fra dato</label>
          <input id="f-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">Til dato</label>
          <input id="f-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
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
      {timeline.isError && <Notice kind="error">{errorText(timeline.error)}</Notice>}
      {timeline.data && observations.length === 0 && (
        <p className="muted" style={{ marginTop: '1rem' }}>
          {anyFilter ? 'Ingen notater matcher. Prøv at fjerne et filter.' : 'Der er ingen notater endnu. Skriv det første med Ctrl+N.'}
        </p>
      )}
      <div data-testid="timeline">
        {groupByDay(observations).map((g) => (
          <div key={g.day}>
            <h2 className="day-heading">{formatDayHeading(g.observations[0]!.observedAt)}</h2>
            {g.observations.map((o) => (
              <ObservationCard key={o.id} observation={o} query={searchQuery} canAmend={!closed} />
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
