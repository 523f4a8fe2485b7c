import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { Goal } from '../../../../../common/goals';
import type { SessionUser } from '../../../../../common/users';
import { call, errorText } from '../../../app/api';
import { timeDomain, toTime } from '../../../ui/charts/chartModel';
import { Notice } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { GoalCard, type GoalAction } from './GoalCard';
import { GoalDialog } from './GoalDialog';
import { LinkObservationDialog } from './LinkObservationDialog';
import { ReviewDialog } from './ReviewDialog';
import '../progression/progression.css';

/** Udviklingsmål: the forældrehandleplan's few goals in the parents' own words, with reviews, charts and linked notes. */
export function GoalsTab({ family, user }: { family: FamilyDetail; user: SessionUser }) {
  const goals = useQuery({ queryKey: ['goals', family.id], queryFn: () => call('goals:list', { familyId: family.id }) });
  const [dialog, setDialog] = useState<null | 'new' | { goal: Goal; action: GoalAction }>(null);
  if (goals.isError) return <Notice kind="error">{errorText(goals.error)}</Notice>;
  if (!goals.data) return <p className="muted">Henter målene …</p>;
  const closed = family.endDate !== null;
  const xDomain = timeDomain([toTime(family.startDate), toTime(family.endDate ?? today())]);
  const active = goals.data.filter((g) => g.status === 'active' || g.status === 'paused');
  const ended = goals.data.filter((g) => !active.includes(g));
  return (
    <>
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <button type="button" onClick={() => setDialog('new')}>
            Nyt mål
          </button>
        </div>
      )}
      {goals.data.length === 0 && <p className="muted">Familien har ingen udviklingsmål endnu. Formulér få, konkrete mål sammen med forældrene, med deres egne ord.</p>}
      {active.length > 0 && <h2>Mål i gang</h2>}
      {active.map((g) => (
        <GoalCard key={g.id} goal={g} phases={family.phases} xDomain={xDomain} closed={closed} onAction={(action) => setDialog({ goal: g, action })} />
      ))}
      {ended.length > 0 && (
        <>
          <h2>Afsluttede mål</h2>
          {ended.map((g) => (
            <GoalCard key={g.id} goal={g} phases={family.phases} xDomain={xDomain} closed={closed} onAction={(action) => setDialog({ goal: g, action })} />
          ))}
        </>
      )}
      {dialog === 'new' && <GoalDialog familyId={family.id} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'new' && dialog.action === 'revise' && <GoalDialog familyId={family.id} goal={dialog.goal} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'new' && dialog.action === 'review' && <ReviewDialog goal={dialog.goal} family={family} me={user} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'new' && dialog.action === 'link' && <LinkObservationDialog goal={dialog.goal} onClose={() => setDialog(null)} />}
    </>
  );
}
