import { foldChar } from './fold';

/**
 * The one rule for what a word is, used for the index, the query and the highlighting alike: letters (\p{L}) and
 * digits (\p{N}) of any script, after folding; everything else — spaces, punctuation, symbols, emoji, invisible
 * marks (zero-width joiners, variation selectors, …) and combining marks that survive folding — separates words.
 * Decided by the JavaScript engine's Unicode data for every code point, never by SQLite's tokenizer (which knows
 * Unicode 6.1): the index stores words already split, encoded to ASCII (`encode.ts`).
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

export interface Word {
  /** The folded word (lower case, accents removed except æ, ø, å). */
  folded: string;
  /** Where it stands in the (NFC) text, in UTF-16 code units, for highlighting. */
  start: number;
  end: number;
}

export function isWordChar(folded: string): boolean {
  return WORD_CHAR.test(folded);
}

/** Splits NFC text into folded words with their places. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let current = '';
  let start = 0;
  let i = 0;
  for (const ch of text.normalize('NFC')) {
    const folded = foldChar(ch);
    // A character whose folding is not one word character (e.g. 'İ' → 'i̇') is kept as it is if that is a letter.
    const unit = [...folded].length === 1 ? folded : ch;
    if (isWordChar(unit)) {
      if (current === '') start = i;
      current += unit;
    } else if (current) {
      out.push({ folded: current, start, end: i });
      current = '';
    }
    i += ch.length;
  }
  if (current) out.push({ folded: current, start, end: i });
  return out;
}
