import { useQuery } from '@tanstack/react-query';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { formatDateTimeAt } from '../../ui/format';

/**
 * "Institutionens server" for the administrator: what Familiespor itself can check (TLS on this connection, the
 * server's version, the last backup made from the app) and what IT must see to (README, "Institutionens server").
 */
export function ServerStatusPanel() {
  const status = useQuery({ queryKey: ['server', 'status'], queryFn: () => call('server:status', {}) });
  const s = status.data;
  return (
    <section className="panel" aria-labelledby="server-status-title" data-testid="server-status">
      <h2 id="server-status-title" style={{ marginTop: 0 }}>
        Institutionens server
      </h2>
      {status.isError && <Notice kind="error">{errorText(status.error)}</Notice>}
      {s && (
        <dl className="facts">
          <dt>Server</dt>
          <dd>{s.host}</dd>
          <dt>Database</dt>
          <dd>{s.database}</dd>
          <dt>Krypteret forbindelse (TLS)</dt>
          <dd>{s.tls ? `Ja (${s.tlsVersion ?? 'TLS'})` : 'Nej — kontakt IT'}</dd>
          <dt>PostgreSQL-version</dt>
          <dd>{s.serverVersion}</dd>
          <dt>Seneste sikkerhedskopi fra Familiespor</dt>
          <dd data-testid="server-last-backup">{s.lastBackup ? `${formatDateTimeAt(s.lastBackup.at)} af ${s.lastBackup.by} (${s.lastBackup.rows.toLocaleString('da-DK')} rækker)` : 'Ingen endnu'}</dd>
        </dl>
      )}
      <h3>Det skal IT sørge for</h3>
      <p className="muted small">Familiespor kan ikke selv se det følgende på serveren. Bed IT bekræfte det (se README, afsnittet »Institutionens server«):</p>
      <ul className="small">
        <li>Serverens disk er krypteret (fuld diskkryptering, fx BitLocker eller LUKS): PostgreSQL krypterer ikke selv sine filer.</li>
        <li>pg_hba.conf lukker kun institutionens eget netværk ind, kun over TLS (hostssl) og kun med scram-sha-256.</li>
        <li>Serveren har et certifikat fra institutionens CA, og TLS er slået til.</li>
        <li>IT tager også selv sikkerhedskopier af serveren (fx pg_dump hver nat) og opbevarer dem krypteret et andet sted.</li>
      </ul>
    </section>
  );
}
