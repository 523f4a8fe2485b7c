import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { AccessLogFilters, filterInput, noFilter, type AccessLogFilter } from './AccessLogFilters';
import { AccessLogTable } from './AccessLogTable';
import { ExportCsvButton } from './ExportCsvButton';

/** The access log's events, newest first, 100 at a time, narrowed by the filters; exported with the same filters. */
export function AccessLogEvents() {
  const [filter, setFilter] = useState<AccessLogFilter>(noFilter);
  const input = filterInput(filter);
  const accessLog = useInfiniteQuery({
    queryKey: ['accessLog', input],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call('accessLog:list', { ...input, beforeId: pageParam, limit: 100 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const entries = accessLog.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.values(input).some((v) => v !== undefined);
  return (
    <section aria-label="Hændelser">
      <AccessLogFilters value={filter} onChange={setFilter} />
      <div className="actions toolbar">
        <ExportCsvButton filter={filter} />
        {filtered && (
          <button type="button" className="link" onClick={() => setFilter(noFilter)}>
            Nulstil filtre
          </button>
        )}
      </div>
      {accessLog.isError && <Notice kind="error">{errorText(accessLog.error)}</Notice>}
      {accessLog.data && entries.length === 0 && <p className="muted">Ingen hændelser matcher filtrene. Prøv en længere periode, eller fjern et filter.</p>}
      {entries.length > 0 && <AccessLogTable entries={entries} />}
      {accessLog.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void accessLog.fetchNextPage()} disabled={accessLog.isFetchingNextPage}>
            {accessLog.isFetchingNextPage ? 'Henter …' : 'Vis flere'}
          </button>
        </div>
      )}
    </section>
  );
}
