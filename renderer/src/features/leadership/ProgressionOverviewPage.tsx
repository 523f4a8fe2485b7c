import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { phaseLabels } from '../../../../common/families';
import type { ProgressionOverview } from '../../../../common/progression';
import { call, errorText } from '../../app/api';
import { cutoffText } from '../../ui/charts/chartModel';
import { Notice } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { allianceAlertText } from '../family/progression/AllianceSection';

type OverviewFamily = ProgressionOverview['families'][number];

/**
 * Ledelse · Progression: per family, the latest measurements over their cut-off, overdue measurements and goal
 * reviews, and alliance alerts; families with something to act on first. Each family links to its Progression tab.
 */
export function ProgressionOverviewPage() {
  const overview = useQuery({ queryKey: ['progressionOverview'], queryFn: () => call('progression:overview', {}) });
  const [showAll, setShowAll] = useState(false);
  if (overview.isError) return <Notice kind="error">{errorText(overview.error)}</Notice>;
  if (!overview.data) return <p className="muted">Henter overblikket …</p>;
  const attention = overview.data.families.filter((f) => f.attention);
  const shown = showAll ? overview.data.families : attention;
  return (
    <>
      <h1>Progression</h1>
      <p className="muted">
        Status den {formatDate(overview.data.today)}: {attention.length === 1 ? '1 familie kræver' : `${attention.length} familier kræver`} opmærksomhed ud af {overview.data.families.length}.
      </p>
      <label className="check-inline">
        <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Vis også familier uden noget at følge op på
      </label>
      {shown.length === 0 ? (
        <p className="muted">Ingen familier har målinger over grænseværdien, overskredne målinger eller opfølgninger eller alliancealarmer.</p>
      ) : (
        <table className="list" data-testid="progression-overview">
          <thead>
            <tr>
              <th scope="col">Familie</th>
              <th scope="col">Over grænseværdien</th>
              <th scope="col">Overskredne målinger</th>
              <th scope="col">Overskredne opfølgninger på mål</th>
              <th scope="col">Samarbejdsalliancen</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <FamilyRow key={f.familyId} family={f} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function FamilyRow({ family: f }: { family: OverviewFamily }) {
  const none = <span className="muted">–</span>;
  return (
    <tr>
      <th scope="row">
        <Link href={`/familier/${f.familyId}/progression`}>{f.displayName}</Link>
        <div className="small muted" style={{ fontWeight: 400 }}>
          {phaseLabels[f.phase]}
          {f.coordinatorName && ` · ${f.coordinatorName}`}
        </div>
      </th>
      <td>
        {f.flagged.length === 0
          ? none
          : f.flagged.map((m) => (
              <div key={m.measurementId}>
                <span className="badge danger">{m.instrumentName}</span> {m.personName}: {m.total} ({cutoffText(m.rule, m.cutoff)}) {formatDate(m.measuredOn)}
              </div>
            ))}
      </td>
      <td>
        {f.overdueMeasurements.length === 0
          ? none
          : f.overdueMeasurements.map((d) => (
              <div key={`${d.instrumentId}-${d.personId}-${d.interval ?? ''}`}>
                {d.instrumentName}
                {d.interval !== null && ` (${d.interval} mdr.)`} · {d.personName} · frist {formatDate(d.overdueAfter)}
              </div>
            ))}
      </td>
      <td>
        {f.overdueReviews.length === 0
          ? none
          : f.overdueReviews.map((g) => (
              <div key={g.goalId}>
                «{g.text}» · {formatDate(g.dueOn)}
              </div>
            ))}
      </td>
      <td>{f.allianceAlerts.length === 0 ? none : f.allianceAlerts.map((p) => <div key={`${p.instrumentId}-${p.staff.id}`}>{allianceAlertText(p)}</div>)}</td>
    </tr>
  );
}
