/** Lists across families that a new note may change. */
const everywhere = new Set(['front', 'search']);

/** Whether a query shows what a new note, correction or acknowledgement in `familyId` changes. */
export function touchedBy(key: readonly unknown[], familyId: number | null): boolean {
  const [name, ...rest] = key;
  if (typeof name === 'string' && everywhere.has(name)) return true;
  if (familyId === null) return false;
  // A family's screens: its id in the key, or in the key's input object (the timeline's filters).
  return rest.some((part) => part === familyId || (typeof part === 'object' && part !== null && 'familyId' in part && part.familyId === familyId));
}
