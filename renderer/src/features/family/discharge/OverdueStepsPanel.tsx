import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../../../app/api';
import { formatDate } from '../../../ui/format';
import { keys } from '../plans/queries';
import '../plans/plans.css';

/** The leaders' front page: every step whose last day has passed while it is still planlagt or udskudt, in open families. */
export function OverdueStepsPanel() {
  const overdue = useQuery({ queryKey: keys.overdue, queryFn: () => call('discharge:overdue', {}) });
  if (!overdue.data) return null;
  return (
    <section className="panel" aria-labelledby="overdue-steps-title" data-testid="overdue-steps">
      <h2 id="overdue-steps-title" style={{ marginTop: 0 }}>
        Overskredne trin i udslusningsplaner
      </h2>
      {overdue.data.length === 0 ? (
        <p className="muted">Ingen trin er overskredet.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Familie</th>
              <th>Trin</th>
              <th className="nowrap">Sidste dag</th>
              <th>Overskredet</th>
              <th>Ansvarlig</th>
            </tr>
          </thead>
          <tbody>
            {overdue.data.map((s) => (
              <tr key={`${s.familyId}-${s.key}`}>
                <td className="nowrap">
                  <Link href={`/familier/${s.familyId}/udslusningsplan`}>{s.familyName}</Link>
                </td>
                <td>{s.title}</td>
                <td className="nowrap">{formatDate(s.lastDay)}</td>
                <td className="nowrap">{s.daysOverdue === 1 ? '1 dag' : `${s.daysOverdue} dage`}</td>
                <td>{s.responsible}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
