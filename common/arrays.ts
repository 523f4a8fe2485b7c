/**
 * The item at `index` of an array that is known to have one there — a list built in step with another, or an index
 * just checked. Throws when it has not (an internal error, not the user's): in place of a non-null assertion.
 */
export function itemAt<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No ${what} at index ${index} (of ${items.length})`);
  return item;
}
