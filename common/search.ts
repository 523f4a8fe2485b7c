/**
 * Danish-friendly folding for full-text search, shared by indexing (backend) and highlighting (renderer).
 * Lower case; accents removed (é → e, ü → u) except å, which is a Danish letter of its own; æ and ø stay.
 * "ae" does not find "æ" and "aa" does not find "å": on a Danish keyboard staff type æ, ø and å, and
 * "ae"/"aa" occur in ordinary words and names (Michael, Aalborg), so folding them would give false hits.
 * Folding is per character and keeps the length, so a match in the folded text is a match at the same place in the original.
 */
export function foldChar(ch: string): string {
  const lower = ch.toLocaleLowerCase('da');
  if (lower === 'å' || lower === 'æ' || lower === 'ø') return lower;
  const stripped = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return stripped.length === 1 ? stripped : lower.length === 1 ? lower : ch;
}

export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldChar(ch).length === ch.length ? foldChar(ch) : ch;
  return out;
}

/** Splits what the user typed into folded search terms (letters and digits only). */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
}

/** An FTS5 query where every term is a prefix and all must match: `"søvn"* "urolig"*`. */
export function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

/** Finds where the terms occur in the original text, as [start, end) ranges, for highlighting. */
export function matchRanges(text: string, terms: string[]): Array<[number, number]> {
  const folded = foldForSearch(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      // Only matches at the start of a word, as the index matches prefixes of words.
      const before = at === 0 ? '' : folded[at - 1]!;
      if (at === 0 || !/[\p{L}\p{N}]/u.test(before)) ranges.push([at, at + term.length]);
      from = at + term.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}
