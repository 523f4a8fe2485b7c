import type { FieldIssue } from './errors';

/** A plan saved from a version that is no longer the newest: nothing is overwritten. */
export const PLAN_CHANGED_MESSAGE = 'Planen er ændret af en anden, siden du åbnede den. Hent den nyeste udgave, og prøv igen.';

/**
 * The keys that let two versions of a plan be compared item by item. An item carried over from the version the editor
 * started from keeps its key; a new item gets the next unused key (never one a removed item had, so comparing
 * distant versions never mistakes a new item for an old one). A key that was not in that version, or given twice, is
 * refused.
 */
export function assignKeys(items: Array<{ key?: number | undefined }>, previous: ReadonlySet<number>, firstFree: number, path: (i: number) => string): { keys: number[]; issues: FieldIssue[]; nextFree: number } {
  let next = firstFree;
  const seen = new Set<number>();
  const issues: FieldIssue[] = [];
  const keys = items.map((item, i) => {
    if (item.key === undefined) return next++;
    if (!previous.has(item.key)) issues.push({ path: path(i), message: 'Punktet findes ikke i den udgave, du ændrede. Hent planen igen.' });
    else if (seen.has(item.key)) issues.push({ path: path(i), message: 'Punktet står to gange.' });
    seen.add(item.key);
    return item.key;
  });
  return { keys, issues, nextFree: next };
}
