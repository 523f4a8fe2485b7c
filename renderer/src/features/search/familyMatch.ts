import type { FamilySummary } from '../../../../common/families';
import { words } from '../../../../common/search';

/**
 * Families whose name fits what was typed: every typed word begins a word of the name, folded the Danish way (case and
 * accents do not matter; æ, ø and å are letters of their own). "sør" finds "Familien Sørensen".
 */
export function familiesMatching(families: FamilySummary[], text: string): FamilySummary[] {
  const typed = words(text).map((w) => w.folded);
  if (typed.length === 0) return [];
  return families.filter((f) => {
    const name = words(f.displayName).map((w) => w.folded);
    return typed.every((t) => name.some((n) => n.startsWith(t)));
  });
}
