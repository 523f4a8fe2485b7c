import { Link } from 'wouter';
import { phaseLabels, type FamilySummary } from '../../../../common/families';
import { formatDate, formatDateTime } from '../../ui/format';
import { placementDays } from './placementDays';

/** Families as a table (the families list and the front page); closed families greyed out. Names do not wrap at 1366 px. */
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
            <td className="nowrap">
              <Link href={`/familier/${f.id}`}>{f.displayName}</Link>
            </td>
            <td>{f.endDate ? `Afsluttet ${formatDate(f.endDate)}` : phaseLabels[f.phase]}</td>
            <td>{placementDays(f) ?? '–'}</td>
            <td className="nowrap">{formatDate(f.plannedEndDate)}</td>
            <td className="nowrap">{f.coordinatorName ?? '–'}</td>
            <td className="nowrap">{f.lastObservationAt ? formatDateTime(f.lastObservationAt) : 'Ingen endnu'}</td>
            <td>{f.openSeriousConcerns > 0 ? <span className="badge concern-serious">{f.openSeriousConcerns} ukvitteret</span> : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
