import { matchRanges, type SearchQuery } from '../../../../common/search';

const FOLD_CHARS = 700;
const FOLD_LINES = 8;

/**
 * A long note's beginning for the timeline (about 700 characters or 8 lines, cut at a word), or null when the note is
 * short enough to show whole. A folded note opens with »Vis hele notatet«.
 */
export function foldedText(text: string): string | null {
  const lines = text.split('\n');
  if (text.length <= FOLD_CHARS + 150 && lines.length <= FOLD_LINES + 2) return null;
  let cut = lines.slice(0, FOLD_LINES).join('\n');
  if (cut.length > FOLD_CHARS) {
    cut = cut.slice(0, FOLD_CHARS);
    const space = cut.lastIndexOf(' ');
    if (space > FOLD_CHARS - 120) cut = cut.slice(0, space);
  }
  return `${cut.trimEnd()} …`;
}

/** Whether a search matches beyond the folded beginning (then the note is shown whole from the start). */
export function matchesBeyond(text: string, folded: string, query: SearchQuery | null): boolean {
  if (!query) return false;
  const visible = folded.length - 2;
  return matchRanges(text, query).some(([start]) => start >= visible);
}
