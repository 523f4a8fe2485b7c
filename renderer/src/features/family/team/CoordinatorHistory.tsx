import type { FamilyDetail } from '../../../../../common/families';
import { formatDateTime } from '../../../ui/format';

/** Who was tovholder when, and who chose them. */
export function CoordinatorHistory({ family: f }: { family: FamilyDetail }) {
  return (
    <div className="panel">
      <h2 style={{ marginTop: 0 }}>Tovholdere over tid</h2>
      <table className="list">
        <thead>
          <tr>
            <th>Tovholder</th>
            <th>Fra</th>
            <th>Til</th>
            <th>Valgt af</th>
          </tr>
        </thead>
        <tbody>
          {f.coordinatorHistory.map((h, i) => (
            <tr key={i}>
              <td>{h.name}</td>
              <td>{formatDateTime(h.fromAt)}</td>
              <td>{h.toAt ? formatDateTime(h.toAt) : 'nu'}</td>
              <td>{h.setBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
