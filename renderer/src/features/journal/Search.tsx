import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { parseQuery } from '../../../../common/search';
import { call, errorText } from '../../app/api';
import { ConcernBadge } from './ConcernBadge';
import { Notice } from '../../ui/Field';
import { excerpt, Highlight } from '../../ui/Highlight';
import { formatDateTime } from '../../ui/format';

/** Search across every family's dagbog (Ctrl+K); the search is written to the access log. */
export function SearchPage() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const search = useInfiniteQuery({
    queryKey: ['search', query],
    enabled: query.length > 0,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call('journal:search', { query, beforeId: pageParam, limit: 30 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const hits = search.data?.pages.flatMap((p) => p.hits) ?? [];
  const searchQuery = query ? parseQuery(query) : null;
  return (
    <>
      <h1>Søg</h1>
      <div className="field">
        <label htmlFor="global-search">Søg i alle familiers dagbøger</label>
        <input id="global-search" type="search" autoFocus value={text} onChange={(e) => setText(e.target.value)} placeholder="Fx søvn, amning, mormor" />
        <span className="hint">Store og små bogstaver er ligegyldige. Ord findes også som begyndelsen af længere ord (søvn finder søvnen). Søgningen skrives i adgangsloggen.</span>
      </div>
      {search.isError && <Notice kind="error">{errorText(search.error)}</Notice>}
      {query && search.data && hits.length === 0 && <p className="muted">Ingen notater indeholder «{query}».</p>}
      <ol className="plain" data-testid="search-results">
        {hits.map((h) => (
          <li key={h.id} className="observation">
            <div className="observation-head">
              <Link href={`/familier/${h.familyId}/dagbog`}>{h.familyName}</Link>
              <span className="muted">{formatDateTime(h.observedAt)}</span>
              {h.category && <span className="badge">{h.category.label}</span>}
              <ConcernBadge concern={h.concern} />
              <span className="spacer" />
              <span className="muted small">{h.author.name}</span>
            </div>
            <p className="observation-text">
              <Highlight text={excerpt(h.text, searchQuery)} query={searchQuery} />
            </p>
            {h.amendments.length > 0 && <div className="small muted">{h.amendments.length} rettelse(r)</div>}
          </li>
        ))}
      </ol>
      {search.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
          Vis flere
        </button>
      )}
    </>
  );
}
