import type { FamilyDetail } from '../../../../../common/families';
import { errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { useNetwork } from '../plans/queries';
import { SubNav } from '../plans/SubNav';
import { SafetyPlanSection } from '../safety-plan/SafetyPlanSection';
import { AgreementsPage } from './AgreementsPage';
import { MeetingDetail } from './MeetingDetail';
import { MeetingFormPage } from './MeetingFormPage';
import { MeetingsPage } from './MeetingsPage';
import { NetworkMapPage } from './NetworkMapPage';
import '../plans/plans.css';

/**
 * The Netværk tab (kerneelement 4): the network map and its persons, agreements with their follow-up, netværksmøder,
 * and the sikkerhedsplan. `sub` is what follows …/netvaerk/ in the URL (aftaler, moeder/12, sikkerhedsplan/ny …).
 */
export function NetworkTab({ family, sub }: { family: FamilyDetail; sub: string }) {
  const network = useNetwork(family.id);
  const [section = '', ...rest] = sub.split('/').filter(Boolean);
  const base = `/familier/${family.id}/netvaerk`;
  const items = [
    [base, 'Netværkskort og personer'],
    [`${base}/aftaler`, 'Aftaler'],
    [`${base}/moeder`, 'Netværksmøder'],
    [`${base}/sikkerhedsplan`, 'Sikkerhedsplan'],
  ] as const;
  const current = section ? `${base}/${section}` : base;
  return (
    <>
      <SubNav label="Netværk" items={items} current={current} />
      {network.isError && <Notice kind="error">{errorText(network.error)}</Notice>}
      {section === 'sikkerhedsplan' ? (
        <SafetyPlanSection family={family} network={network.data} path={rest} />
      ) : !network.data ? (
        !network.isError && <p className="muted">Henter netværket …</p>
      ) : section === 'aftaler' ? (
        <AgreementsPage family={family} network={network.data} />
      ) : section === 'moeder' && rest[0] === 'nyt' ? (
        family.endDate === null ? <MeetingFormPage family={family} network={network.data} /> : <Notice kind="info">Forløbet er afsluttet.</Notice>
      ) : section === 'moeder' && rest[0] && /^\d+$/.test(rest[0]) ? (
        <MeetingDetail familyId={family.id} meetingId={Number(rest[0])} canAmend={family.endDate === null} />
      ) : section === 'moeder' ? (
        <MeetingsPage family={family} network={network.data} />
      ) : (
        <NetworkMapPage family={family} network={network.data} />
      )}
    </>
  );
}
