import { useQuery } from '@tanstack/react-query';
import { Link, Redirect } from 'wouter';
import type { SessionUser } from '../../../../common/users';
import { outcomeLabels, phaseLabels } from '../../../../common/families';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { isNeedToKnowRefusal } from '../need-to-know/needToKnow';
import { NeedToKnowRefusal } from '../need-to-know/NeedToKnowRefusal';
import { formatDate } from '../../ui/format';
import { placementDays } from '../families/placementDays';
import { DischargeTab } from './discharge/DischargeTab';
import { JournalTab } from './journal/JournalTab';
import { NetworkTab } from './network/NetworkTab';
import { OverviewTab } from './overview/OverviewTab';
import { GoalsTab } from './goals/GoalsTab';
import { PlaceholderTab } from './PlaceholderTab';
import { PrintsTab } from './print/PrintsTab';
import { ProgressionTab } from './progression/ProgressionTab';
import { TeamTab } from './team/TeamTab';

/** The family card's tabs, in the order of the tab bar; the key is the last part of the URL (#/familier/:id/:tab). */
export const familyTabs = [
  ['overblik', 'Overblik'],
  ['dagbog', 'Dagbog'],
  ['progression', 'Progression'],
  ['maal', 'Mål'],
  ['netvaerk', 'Netværk'],
  ['udslusningsplan', 'Udslusningsplan'],
  ['team', 'Team'],
  ['udskrifter', 'Udskrifter'],
] as const;

/** One family: its name and state, the tab bar, and the open tab. A tab that is not built yet shows a placeholder. */
export function FamilyCard({ familyId, tab, sub, user, onNewObservation }: { familyId: number; tab: string; sub: string; user: SessionUser; onNewObservation: () => void }) {
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => call('families:get', { familyId }) });
  if (family.isError) {
    if (isNeedToKnowRefusal(family.error)) return <NeedToKnowRefusal familyId={familyId} message={family.error.message} />;
    return <Notice kind="error">{errorText(family.error)}</Notice>;
  }
  if (!family.data) return <p className="muted">Henter familien …</p>;
  const f = family.data;
  const days = placementDays(f, f.phases);
  return (
    <>
      <h1>{f.displayName}</h1>
      <p className="muted" style={{ marginTop: '-.5rem' }}>
        {f.endDate ? `Afsluttet ${formatDate(f.endDate)} · ${f.outcome ? outcomeLabels[f.outcome] : ''}` : phaseLabels[f.phase]}
        {days !== null && ` · ${days === 1 ? '1 dag' : `${days} dage`} i anbringelse`}
        {f.coordinatorName && ` · Tovholder: ${f.coordinatorName}`}
      </p>
      <nav className="tabs" aria-label="Familiens faneblade">
        {familyTabs.map(([key, label]) => (
          <Link key={key} href={`/familier/${f.id}/${key}`} aria-current={tab === key ? 'page' : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {tab === 'overblik' && <OverviewTab family={f} user={user} />}
      {tab === 'dagbog' && <JournalTab family={f} onNewObservation={onNewObservation} />}
      {tab === 'progression' && <ProgressionTab family={f} user={user} />}
      {tab === 'maal' && <GoalsTab family={f} user={user} />}
      {tab === 'team' && <TeamTab family={f} />}
      {tab === 'netvaerk' && <NetworkTab family={f} sub={sub} />}
      {tab === 'udslusningsplan' && <DischargeTab family={f} sub={sub} />}
      {tab === 'udslusning' && <Redirect to={`/familier/${f.id}/udslusningsplan`} replace />}
      {tab === 'udskrifter' && <PrintsTab family={f} user={user} />}
      {!['overblik', 'dagbog', 'progression', 'maal', 'team', 'netvaerk', 'udslusningsplan', 'udslusning', 'udskrifter'].includes(tab) && <PlaceholderTab />}
    </>
  );
}
