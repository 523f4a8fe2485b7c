import type { AccessLogEntry } from '../../../../common/channels/access-log';
import { formatDateTime } from '../../ui/format';
import { actionLabel, describeWhat, needsAttention } from './accessLogText';

/** The access log's rows: Tidspunkt, Bruger, Handling, Familie, Hvad; rows read back from the sealed events file are marked. */
export function AccessLogTable({ entries }: { entries: AccessLogEntry[] }) {
  return (
    <table className="list" data-testid="access-log">
      <thead>
        <tr>
          <th className="nowrap">Tidspunkt</th>
          <th>Bruger</th>
          <th>Handling</th>
          <th>Familie</th>
          <th>Hvad</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap">{formatDateTime(e.at)}</td>
            <td className="nowrap">{e.userName ?? '–'}</td>
            <td className="nowrap">
              {needsAttention(e.action) ? <span className="badge attention">{actionLabel(e.action)}</span> : actionLabel(e.action)}
              {!e.verified && (
                <>
                  {' '}
                  <span className="badge warn" title="Hændelsen skete, mens databasen var lukket, og er læst fra hændelsesfilen. Den kan ikke bekræftes.">
                    ikke verificeret
                  </span>
                </>
              )}
            </td>
            <td>{e.familyName ?? '–'}</td>
            <td className="what">{describeWhat(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
