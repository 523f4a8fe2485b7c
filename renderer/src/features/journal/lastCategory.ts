/**
 * The category a person last signed a note with, per family, on this workstation: the next note in that family starts
 * with it. Only the numbers (user, family, category) are kept in localStorage — never any text.
 */
const key = (userId: number, familyId: number) => `familiespor:sidste-kategori:${userId}:${familyId}`;

export function lastCategory(userId: number, familyId: number | null): number | null {
  if (familyId === null) return null;
  try {
    const value = Number(localStorage.getItem(key(userId, familyId)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function rememberCategory(userId: number, familyId: number, categoryId: number | null): void {
  if (categoryId === null) return;
  try {
    localStorage.setItem(key(userId, familyId), String(categoryId));
  } catch {
    // A full or blocked storage only costs the convenience.
  }
}
