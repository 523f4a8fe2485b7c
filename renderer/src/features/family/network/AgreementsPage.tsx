import { useState } from 'react';
import type { FamilyDetail } from '../../../../../common/families';
import type { NetworkAgreement, NetworkOverview } from '../../../../../common/network';
import { AgreementDialog, FollowUpDialog } from './AgreementDialogs';
import { AgreementItem } from './AgreementItem';

/** Every agreement with the network, open ones first, each with its follow-ups over time. */
export function AgreementsPage({ family, network }: { family: FamilyDetail; network: NetworkOverview }) {
  const [dialog, setDialog] = useState<null | 'add' | NetworkAgreement>(null);
  const closed = family.endDate !== null;
  const open = network.agreements.filter((a) => a.status === 'open');
  const rest = network.agreements.filter((a) => a.status !== 'open');
  return (
    <>
      {!closed && (
        <div className="actions no-print" style={{ marginTop: 0, marginBottom: '1rem' }}>
          <button type="button" onClick={() => setDialog('add')}>
            Ny aftale
          </button>
        </div>
      )}
      {network.agreements.length === 0 && <p className="muted">Der er ingen aftaler endnu. Aftaler laves på netværksmøder eller her: hvem hjælper med hvad, og hvornår.</p>}
      <AgreementList title="Åbne aftaler" agreements={open} familyId={family.id} onFollowUp={closed ? undefined : setDialog} />
      <AgreementList title="Fulgt op" agreements={rest} familyId={family.id} onFollowUp={closed ? undefined : setDialog} />
      {dialog === 'add' && <AgreementDialog family={family} network={network} onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'add' && <FollowUpDialog familyId={family.id} agreement={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}

function AgreementList({ title, agreements, familyId, onFollowUp }: { title: string; agreements: NetworkAgreement[]; familyId: number; onFollowUp?: (a: NetworkAgreement) => void }) {
  if (agreements.length === 0) return null;
  return (
    <section className="panel" aria-label={title}>
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <ul className="plain agreements">
        {agreements.map((a) => (
          <AgreementItem key={a.id} agreement={a} familyId={familyId} onFollowUp={onFollowUp ? () => onFollowUp(a) : undefined} />
        ))}
      </ul>
    </section>
  );
}
