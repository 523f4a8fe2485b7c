import type { Observation } from '../../../../common/journal';
import { parseQuery, type SearchQuery } from '../../../../common/search';
import { call } from '../../app/api';

const LIMIT = 30;

/**
 * The live suggestions while a word is typed: the last word as a beginning (live: the index holds stems, so "bekymr"
 * finds "bekymringen") together with the same text as whole words (a finished word is often longer than its stem:
 * "øjenkontakt" is stored as "øjenkontak", so the beginning alone would lose it just as the word is complete). The
 * first page of each, newest written first; Enter gives the whole list.
 */
export async function liveSearch(text: string): Promise<{ hits: Observation[]; more: boolean }> {
  const [begins, words] = await Promise.all([call('journal:search', { query: text, live: true, limit: LIMIT }), call('journal:search', { query: text, live: false, limit: LIMIT })]);
  const byId = new Map<number, Observation>();
  for (const hit of [...begins.hits, ...words.hits]) byId.set(hit.id, hit);
  const hits = [...byId.values()].sort((a, b) => b.id - a.id);
  return { hits: hits.slice(0, LIMIT), more: hits.length > LIMIT || begins.nextBeforeId !== null || words.nextBeforeId !== null };
}

/** What to mark in live suggestions: the whole words and the beginning of the last one. */
export function liveMarks(text: string): SearchQuery {
  const whole = parseQuery(text);
  return { ...whole, prefix: parseQuery(text, { live: true }).prefix };
}
