import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { FamilyDetail } from '../../../../../common/families';
import { call, errorText } from '../../../app/api';
import { Notice } from '../../../ui/Field';
import { keys, useNetwork } from '../plans/queries';
import { SubNav } from '../plans/SubNav';
import { VersionList } from '../plans/VersionList';
import { DischargeDiffView } from './DischargeDiffView';
import { DischargeEditor } from './DischargeEditor';
import { DischargePlanPage } from './DischargePlanPage';
import '../plans/plans.css';

/**
 * The Udslusningsplan tab (kerneelement 5): the plan (or an earlier version), a new version, the versions and two of
 * them compared. `sub` is what follows …/udslusningsplan/ in the URL: rediger, udgaver, udgave/2, sammenlign/1/4.
 */
export function DischargeTab({ family, sub }: { family: FamilyDetail; sub: string }) {
  const [section = '', a, b] = sub.split('/').filter(Boolean);
  const version = section === 'udgave' && a && /^\d+$/.test(a) ? Number(a) : undefined;
  const view = useQuery({ queryKey: keys.discharge(family.id, version), queryFn: () => call('discharge:get', { familyId: family.id, version }), enabled: section !== 'sammenlign' });
  const network = useNetwork(family.id);
  const base = `/familier/${family.id}/udslusningsplan`;
  const closed = family.endDate !== null;
  const nav = (
    <SubNav
      label="Udslusningsplan"
      items={[
        [base, 'Planen'],
        [`${base}/udgaver`, 'Udgaver og sammenligning'],
      ]}
      current={section === 'udgaver' || section === 'sammenlign' ? `${base}/udgaver` : base}
    />
  );
  if (section === 'sammenlign' && a && b)
    return (
      <>
        {nav}
        <DischargeDiffView familyId={family.id} fromVersion={Number(a)} toVersion={Number(b)} />
      </>
    );
  if (view.isError) return <Notice kind="error">{errorText(view.error)}</Notice>;
  if (!view.data) return <p className="muted">Henter udslusningsplanen …</p>;
  const v = view.data;
  if (section === 'rediger') {
    if (closed) return <Notice kind="info">Forløbet er afsluttet. Planen kan læses, men ikke ændres.</Notice>;
    return network.data || network.isError ? <DischargeEditor family={family} network={network.data} current={v.plan} /> : <p className="muted">Henter netværket …</p>;
  }
  if (!v.plan)
    return (
      <div className="panel">
        <p>Familien har ingen udslusningsplan endnu. Planen laves sammen med forældrene: hvor familien skal hen og hvornår, trinnene på vejen, hvem der gør hvad, og støtten bagefter.</p>
        {!closed && (
          <Link className="button" href={`${base}/rediger`}>
            Lav udslusningsplanen
          </Link>
        )}
      </div>
    );
  return (
    <>
      {nav}
      {section === 'udgaver' ? <VersionList versions={v.versions} base={base} /> : <DischargePlanPage familyId={family.id} view={v} plan={v.plan} closed={closed} />}
    </>
  );
}
