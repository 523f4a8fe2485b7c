import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { call } from '../../app/api';

/** On the leaders' front page: the families with measurements over cut-off, overdue measurements or reviews, or alliance alerts. */
export function ProgressionAttention() {
  const overview = useQuery({ queryKey: ['progressionOverview'], queryFn: () => call('progression:overview', {}) });
  if (!overview.data) return null;
  const attention = overview.data.families.filter((f) => f.attention);
  return (
    <div className="panel" data-testid="progression-attention">
      <h2 style={{ marginTop: 0 }}>Progression</h2>
      {attention.length === 0 ? (
        <p className="muted">Ingen familier har målinger over grænseværdien, overskredne målinger eller opfølgninger eller alliancealarmer.</p>
      ) : (
        <ul className="plain">
          {attention.map((f) => {
            const parts = [
              f.flagged.length ? `${f.flagged.length} over grænseværdien` : null,
              f.overdueMeasurements.length ? `${f.overdueMeasurements.length} overskredne målinger` : null,
              f.overdueReviews.length ? `${f.overdueReviews.length} overskredne opfølgninger` : null,
              f.allianceAlerts.length ? 'alliancealarm' : null,
            ].filter(Boolean);
            return (
              <li key={f.familyId}>
                <Link href={`/familier/${f.familyId}/progression`}>{f.displayName}</Link>: {parts.join(' · ')}
              </li>
            );
          })}
        </ul>
      )}
      <Link href="/ledelse/progression">Hele overblikket</Link>
    </div>
  );
}
