import { Link } from 'wouter';
import { phaseLabels, type FamilySummary } from '../../../../common/families';
import { formatDate, formatDateTime } from '../../ui/format';

/** Families as a table (the families list and the front page); closed families greyed out. */
export function FamilyTable({ families }: { families: FamilySummary[] }) {
  return (
    <table className="list" data-testid="families">
      <thead>
        <tr>
          <th>Familie</th>
          <th>Fase</th>
          <th>Dage i anbringelse</th>
          <th>Planlagt slut</th>
          <th>Tovholder</th>
          <th>Seneste notat</th>
          <th>Alvorlige bekymringer</th>
        </tr>
      </thead>
      <tbody>
        {families.map((f) => (
          <tr key={f.id} className={f.endDate ? 'inactive' : undefined}>
            <td>
              <Link href={`/familier/${f.id}`}>{f.displayName}</Link>
            </td>
            <td>{f.endDate ? `Afsluttet ${formatDate(f.endDate)}` : phaseLabels[f.phase]}</td>
            <td>{f.daysInPlacement ?? '–'}</td>
            <td className="nowrap">{formatDate(f.plannedEndDate)}</td>
            <td>{f.coordinatorName ?? '–'}</td>
            <td className="nowrap">{f.lastObservationAt ? formatDateTime(f.lastObservationAt) : 'Ingen endnu'}</td>
            <td>{f.openSeriousConcerns > 0 ? <span className="badge concern-serious">{f.openSeriousConcerns} åben</span> : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
