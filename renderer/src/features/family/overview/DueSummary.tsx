import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { scheduleStatusLabels } from '../../../../../common/schedule';
import { call } from '../../../app/api';
import { formatDate } from '../../../ui/format';

/** On the family's overview: measurements overdue or due now, and goal reviews overdue, with a way to the Progression tab. */
export function DueSummary({ familyId }: { familyId: number }) {
  const progression = useQuery({ queryKey: ['progression', familyId], queryFn: () => call('progression:family', { familyId }) });
  if (!progression.data) return null;
  const due = progression.data.due.filter((d) => d.status === 'overdue' || d.status === 'due');
  const reviews = progression.data.goalReviews.filter((g) => g.overdue);
  return (
    <div className="panel" data-testid="due-summary">
      <h2 style={{ marginTop: 0 }}>Målinger og opfølgninger</h2>
      {due.length === 0 && reviews.length === 0 ? (
        <p className="muted">Intet skal måles eller følges op lige nu.</p>
      ) : (
        <ul className="plain">
          {due.map((d) => (
            <li key={`${d.instrumentId}-${d.personId}-${d.interval ?? ''}`}>
              <span className={d.status === 'overdue' ? 'badge danger' : 'badge warn'}>{scheduleStatusLabels[d.status]}</span> {d.instrumentName}
              {d.interval !== null && ` (${d.interval} mdr.)`} · {d.personName} · {d.status === 'overdue' ? `frist ${formatDate(d.overdueAfter)}` : `fra ${formatDate(d.dueFrom)}`}
            </li>
          ))}
          {reviews.map((g) => (
            <li key={`g${g.goalId}`}>
              <span className="badge danger">Opfølgning overskredet</span> «{g.text}» · {formatDate(g.dueOn)}
            </li>
          ))}
        </ul>
      )}
      <Link href={`/familier/${familyId}/progression`}>Gå til progression</Link>
    </div>
  );
}
