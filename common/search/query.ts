import { encodeToken } from './encode';
import { normalizeWord } from './normalize';
import { words } from './words';

/**
 * What the user typed, as a search: whole words matched by their token (inflections match, other words do not:
 * "mor" ≠ "morgen"), exact phrases in quotes (word order kept), and — only in the live suggestions while a word is
 * still being typed — the last word as a prefix.
 */
export interface SearchQuery {
  /** Tokens of whole words (normalized, not encoded). */
  terms: string[];
  /** Phrases: their words' tokens, in order. */
  phrases: string[][];
  /** The word being typed (folded), matched as a prefix; live suggestions only. */
  prefix: string | null;
}

const MAX_PARTS = 12;
const QUOTES = /["»«“”„]/;

export function parseQuery(text: string, options: { live?: boolean } = {}): SearchQuery {
  const query: SearchQuery = { terms: [], phrases: [], prefix: null };
  const parts = text.normalize('NFC').split(QUOTES);
  // Odd parts were inside quotes (an unclosed quote runs to the end).
  parts.forEach((part, i) => {
    const tokens = words(part).map((w) => normalizeWord(w.folded));
    if (i % 2 === 1) {
      if (tokens.length > 1) query.phrases.push(tokens);
      else query.terms.push(...tokens);
    } else {
      query.terms.push(...tokens);
    }
  });
  const last = parts[parts.length - 1] ?? '';
  if (options.live && parts.length % 2 === 1 && /[\p{L}\p{N}]$/u.test(last)) {
    const typed = words(last).pop();
    if (typed) {
      query.terms.pop();
      query.prefix = typed.folded;
    }
  }
  query.terms = [...new Set(query.terms)].slice(0, MAX_PARTS);
  query.phrases = query.phrases.slice(0, MAX_PARTS);
  return query;
}

export function isEmptyQuery(query: SearchQuery): boolean {
  return query.terms.length === 0 && query.phrases.length === 0 && !query.prefix;
}

/** The FTS5 expression over the encoded index (every part must match), or null when nothing was typed. */
export function ftsExpression(query: SearchQuery): string | null {
  const parts = [
    ...query.terms.map((t) => `"${encodeToken(t)}"`),
    ...query.phrases.map((p) => `"${p.map(encodeToken).join(' ')}"`),
    ...(query.prefix ? [`"${encodeToken(query.prefix)}"*`] : []),
  ];
  return parts.length ? parts.join(' ') : null;
}

/** The indexed form of a text: its words' tokens, encoded, separated by spaces. */
export function indexText(text: string): string {
  return words(text)
    .map((w) => encodeToken(normalizeWord(w.folded)))
    .join(' ');
}

/** Where the query matches in a text, as [start, end) ranges of whole words, for highlighting. */
export function matchRanges(text: string, query: SearchQuery): Array<[number, number]> {
  const found = words(text).map((w) => ({ ...w, token: normalizeWord(w.folded) }));
  const terms = new Set(query.terms);
  const hits = new Set<number>();
  found.forEach((w, i) => {
    if (terms.has(w.token) || (query.prefix !== null && w.folded.startsWith(query.prefix))) hits.add(i);
  });
  for (const phrase of query.phrases) {
    for (let i = 0; i + phrase.length <= found.length; i++) {
      if (phrase.every((t, j) => found[i + j]?.token === t)) for (let j = 0; j < phrase.length; j++) hits.add(i + j);
    }
  }
  return found.flatMap((w, i): Array<[number, number]> => (hits.has(i) ? [[w.start, w.end]] : []));
}
