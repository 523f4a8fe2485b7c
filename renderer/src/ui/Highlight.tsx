import { isEmptyQuery, matchRanges, type SearchQuery } from '../../../common/search';

/** Shows text with the words the search matched marked, by the same rule as the search index (common/search). */
export function Highlight({ text, query }: { text: string; query: SearchQuery | null }) {
  if (!query || isEmptyQuery(query)) return <>{text}</>;
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A short excerpt around the first match, for search result lists. */
export function excerpt(text: string, query: SearchQuery | null, width = 220): string {
  const first = query ? matchRanges(text, query)[0] : undefined;
  if (!first || text.length <= width) return text.length <= width ? text : `${text.slice(0, width)} …`;
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
}
