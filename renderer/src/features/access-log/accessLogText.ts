import type { AccessLogEntry } from '../../../../common/channels/access-log';

/** The access log's actions in Danish, in the order the Handling filter lists them. */
export const actionLabels: Record<string, string> = {
  read: 'Læst',
  search: 'Søgt',
  draft: 'Kladde',
  create: 'Oprettet',
  change: 'Ændret',
  export: 'Eksporteret',
  print: 'Udskrevet',
  login: 'Logget ind',
  login_failed: 'Mislykket login',
  login_refused: 'Afvist login',
  logout: 'Logget ud',
  lock: 'Låst',
  recovery: 'Gendannelse',
  denied: 'Afvist adgang',
  break_glass: 'Brudt glas',
  key_file_tampered: 'Nøglefil ændret',
  verify: 'Kontrolleret',
};

/** Actions a leader should notice when scanning the log: a broken glass, a refused family, an edited key file. */
export function needsAttention(action: string): boolean {
  return action === 'break_glass' || action === 'denied' || action === 'key_file_tampered';
}

export function actionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

function detailOf(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The "Hvad" column: the row's subject, with the search terms and the login name tried when the row has them. */
export function describeWhat(entry: Pick<AccessLogEntry, 'subject' | 'detail'>): string {
  const d = detailOf(entry.detail);
  const parts: string[] = [];
  if (entry.subject) parts.push(entry.subject);
  if (typeof d.terms === 'string' && d.terms) parts.push(`søgeord: »${d.terms}«`);
  if (typeof d.loginName === 'string' && d.loginName) parts.push(`brugernavn: ${d.loginName}`);
  return parts.join(' · ');
}
