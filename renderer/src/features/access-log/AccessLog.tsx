import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { IdFilter, SelectField } from '../../ui/SelectField';
import { formatDateTime } from '../../ui/format';

export const actionLabels: Record<string, string> = {
  read: 'Læst',
  search: 'Søgt',
  create: 'Oprettet',
  change: 'Ændret',
  export: 'Eksporteret',
  print: 'Udskrevet',
  login: 'Logget ind',
  login_failed: 'Mislykket login',
  logout: 'Logget ud',
  lock: 'Låst',
  recovery: 'Gendannelse',
  denied: 'Afvist adgang',
};

function describe(detail: string | null): string {
  if (!detail) return '';
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.what === 'string') parts.push(d.what);
    if (typeof d.terms === 'string') parts.push(`søgning: "${d.terms}"`);
    if (typeof d.loginName === 'string') parts.push(`brugernavn: ${d.loginName}`);
    if (d.reason === 'idle') parts.push('efter inaktivitet');
    if (typeof d.step === 'string') parts.push(d.step);
    return parts.join(' · ');
  } catch {
    return '';
  }
}

export function AccessLogPage() {
  const [userId, setUserId] = useState<number | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const users = useQuery({ queryKey: ['directory'], queryFn: () => call('users:directory', {}) });
  const accessLog = useInfiniteQuery({
    queryKey: ['accessLog', userId, action],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call('accessLog:list', { userId, action, beforeId: pageParam, limit: 100 }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const entries = accessLog.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <h1>Adgangslog</h1>
      <p className="muted">Hvem har læst, søgt, skrevet og udskrevet hvad – nyeste først.</p>
      <div className="row no-print">
        <IdFilter label="Bruger" id="access-log-user" value={userId} onChange={setUserId} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        <SelectField
          label="Handling"
          id="access-log-action"
          placeholder="Alle"
          options={Object.entries(actionLabels).map(([value, label]) => ({ value, label }))}
          value={action ?? ''}
          onChange={(e) => setAction(e.target.value || undefined)}
        />
      </div>
      {accessLog.isError && <Notice kind="error">{errorText(accessLog.error)}</Notice>}
      {accessLog.data && entries.length === 0 && <p className="muted">Ingen hændelser matcher filtrene.</p>}
      {entries.length > 0 && (
        <table className="list" data-testid="access-log">
          <thead>
            <tr>
              <th>Tidspunkt</th>
              <th>Bruger</th>
              <th>Handling</th>
              <th>Familie</th>
              <th>Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.userName ?? '–'}</td>
                <td>{actionLabels[e.action] ?? e.action}</td>
                <td>{e.familyName ?? '–'}</td>
                <td>
                  {describe(e.detail)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {accessLog.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void accessLog.fetchNextPage()} disabled={accessLog.isFetchingNextPage}>
            Vis flere
          </button>
        </div>
      )}
    </>
  );
}
