/**
 * Danish-friendly folding, per character: lower case; accents removed (é → e, ü → u) except å, which is a Danish
 * letter of its own; æ and ø stay. "ae" does not find "æ" and "aa" does not find "å": on a Danish keyboard staff type
 * æ, ø and å, and "ae"/"aa" occur in ordinary words and names (Michael, Aalborg), so folding them would give false hits.
 */
export function foldChar(ch: string): string {
  const lower = ch.toLocaleLowerCase('da');
  if (lower === 'å' || lower === 'æ' || lower === 'ø') return lower;
  const stripped = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return stripped.length === 1 ? stripped : lower.length === 1 ? lower : ch;
}
