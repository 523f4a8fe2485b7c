import { skipToken, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { parseQuery } from '../../../../common/search';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { useDebounced } from '../../ui/useDebounced';
import { familiesMatching } from './familyMatch';
import { liveMarks, liveSearch } from './liveSearch';
import { FamilyHits, NoteHits } from './SearchHits';

/**
 * Søg (Ctrl+K): families by name and every family's dagbog. While typing, live suggestions (the last word as a
 * beginning); Enter searches whole words, inflected forms included, with every hit. A note hit opens the note in its
 * family's dagbog. Every search of the notes is written to the access log.
 */
export function SearchPage() {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<string | null>(null);
  const typed = useDebounced(text.trim(), 250);
  const query = submitted ?? typed;
  const live = useQuery({ queryKey: ['search', 'live', typed], enabled: submitted === null && typed.length > 0, queryFn: () => liveSearch(typed) });
  const full = useInfiniteQuery({
    queryKey: ['search', 'whole', submitted],
    initialPageParam: undefined as number | undefined,
    queryFn: submitted === null ? skipToken : ({ pageParam }) => call('journal:search', { query: submitted, live: false, beforeId: pageParam, limit: 30 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const families = useQuery({ queryKey: ['families', true], queryFn: () => call('families:list', { includeClosed: true }) });
  const familyHits = familiesMatching(families.data ?? [], query);
  const hits = submitted !== null ? (full.data?.pages.flatMap((p) => p.hits) ?? []) : (live.data?.hits ?? []);
  const loaded = submitted !== null ? Boolean(full.data) : Boolean(live.data);
  const error = submitted !== null ? full.error : live.error;
  const marks = query ? (submitted !== null ? parseQuery(query) : liveMarks(query)) : null;
  return (
    <div className="measure">
      <h1>Søg</h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(text.trim() || null);
        }}
      >
        <div className="field">
          <label htmlFor="global-search">Søg efter familier og i alle familiers dagbøger</label>
          <input
            id="global-search"
            type="search"
            autoFocus
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSubmitted(null);
            }}
            placeholder="Fx Sørensen, søvn, mormor"
            aria-describedby="global-search-hint"
          />
          <span className="hint" id="global-search-hint">
            Bøjede former findes også: »bekymringer« finder »bekymringen«, »legede« finder »leger«, »jordemor« finder »jordemoderen«. Sæt anførselstegn om en præcis
            vending: »sov hele natten«. Mens du skriver, vises forslag; tryk Enter for at få alle notater med ordene. Søgninger skrives i adgangsloggen.
          </span>
        </div>
      </form>
      <p className="sr-only" role="status">
        {query && loaded ? `${familyHits.length} familier og ${hits.length} notater fundet.` : ''}
      </p>
      {error && <Notice kind="error">{errorText(error)}</Notice>}
      {query && <FamilyHits families={familyHits} />}
      {query && loaded && <NoteHits hits={hits} query={marks} text={query} />}
      {submitted === null && live.data?.more && <p className="muted small">Der er flere notater. Tryk Enter for at se dem alle.</p>}
      {submitted !== null && full.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void full.fetchNextPage()} disabled={full.isFetchingNextPage}>
          Vis flere
        </button>
      )}
    </div>
  );
}
