import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkOverview } from '../../../../../common/network';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { formatDate, formatDateTime } from '../../../ui/format';
import { printHref } from '../../../ui/print/printRoute';
import { keys } from '../plans/queries';
import { VersionList } from '../plans/VersionList';
import { SafetyPlanContent } from './SafetyPlanContent';
import { SafetyPlanDiffView } from './SafetyPlanDiffView';
import { SafetyPlanEditor } from './SafetyPlanEditor';

/**
 * The sikkerhedsplan on the Netværk tab: the newest version (or one asked for), its versions, a new version, two
 * versions compared. `path` is what follows …/netvaerk/sikkerhedsplan in the URL.
 */
export function SafetyPlanSection({ family, network, path }: { family: FamilyDetail; network: NetworkOverview | undefined; path: string[] }) {
  const [sub, a, b] = path;
  const version = sub === 'udgave' && a ? Number(a) : undefined;
  const view = useQuery({ queryKey: keys.safetyPlan(family.id, version), queryFn: () => call('safetyPlan:get', { familyId: family.id, version }), enabled: sub !== 'sammenlign' });
  if (sub === 'sammenlign' && a && b) return <SafetyPlanDiffView familyId={family.id} fromVersion={Number(a)} toVersion={Number(b)} />;
  if (view.isError) return <Notice kind="error">{errorText(view.error)}</Notice>;
  if (!view.data) return <p className="muted">Henter sikkerhedsplanen …</p>;
  const { plan, currentVersion, versions } = view.data;
  const closed = family.endDate !== null;
  const base = `/familier/${family.id}/netvaerk/sikkerhedsplan`;
  if (sub === 'ny') return closed ? <Notice kind="info">Forløbet er afsluttet.</Notice> : <SafetyPlanEditor family={family} network={network} current={plan} />;
  if (!plan)
    return (
      <div className="panel">
        <p>Familien har ingen sikkerhedsplan endnu. Planen siger med familiens egne ord, hvad I er bekymrede for, hvad familien gør, hvem de ringer til hvornår, og hvilke tegn I holder øje med.</p>
        {!closed && (
          <Link className="button" href={`${base}/ny`}>
            Skriv sikkerhedsplanen
          </Link>
        )}
      </div>
    );
  const isCurrent = plan.version === currentVersion;
  return (
    <>
      <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
        {!closed && (
          <Link className="button" href={`${base}/ny`}>
            Ny udgave af planen
          </Link>
        )}
        <a className="button secondary" href={printHref(`sikkerhedsplan/${family.id}`, { udgave: isCurrent ? undefined : String(plan.version) })}>
          Udskriv til familien
        </a>
      </div>
      {!isCurrent && (
        <Notice kind="warn">
          Du ser udgave {plan.version}, som ikke længere gælder. <Link href={base}>Vis den gældende udgave {currentVersion}</Link>
        </Notice>
      )}
      <section className="panel" aria-labelledby="safety-title">
        <h2 id="safety-title" style={{ marginTop: 0 }}>
          Sikkerhedsplan · udgave {plan.version} {isCurrent && <span className="badge">Gældende</span>}
        </h2>
        <p className="small muted">
          Aftalt {formatDate(plan.agreedOn)} · gemt {formatDateTime(plan.createdAt)} af {plan.author.name} · Begrundelse: {plan.reason}
        </p>
        <SafetyPlanContent plan={plan} />
      </section>
      <VersionList versions={versions} base={base} shown={plan.version} />
    </>
  );
}
