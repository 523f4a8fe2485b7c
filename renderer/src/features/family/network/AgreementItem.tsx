import { Link } from 'wouter';
import { agreementStatusLabels, type NetworkAgreement } from '../../../../../common/network';
import { partyLabel } from '../../../../../common/parties';
import { formatDate, formatDateTime } from '../../../ui/format';

/** One agreement: who helps with what and when, its status now and every follow-up before it. */
export function AgreementItem({ agreement: a, familyId, onFollowUp }: { agreement: NetworkAgreement; familyId: number; onFollowUp?: () => void }) {
  return (
    <li className="agreement" data-testid="agreement">
      <div className="agreement-head">
        <span className={`badge status-${a.status}`}>{agreementStatusLabels[a.status]}</span>
        <strong>{a.what}</strong>
      </div>
      <div className="small">
        {partyLabel(a.responsible)}
        {a.when && ` · ${a.when}`}
        {a.dueDate && ` · senest ${formatDate(a.dueDate)}`}
      </div>
      <div className="small muted">
        Aftalt {formatDate(a.createdAt)} af {a.createdBy.name}
        {a.meetingId !== null && (
          <>
            {' · '}
            <Link href={`/familier/${familyId}/netvaerk/moeder/${a.meetingId}`}>på netværksmøde</Link>
          </>
        )}
      </div>
      {a.followUps.length > 0 && (
        <ol className="follow-ups small" aria-label={`Opfølgning på aftalen: ${a.what}`}>
          {a.followUps.map((f) => (
            <li key={f.id}>
              {formatDateTime(f.recordedAt)} · {agreementStatusLabels[f.status]} · {f.recordedBy.name}
              {f.meetingId !== null && ' (på netværksmøde)'}
              {f.note && <div className="muted">{f.note}</div>}
            </li>
          ))}
        </ol>
      )}
      {onFollowUp && (
        <button type="button" className="secondary small-button" onClick={onFollowUp} aria-label={`Følg op på aftalen: ${a.what}`}>
          Følg op
        </button>
      )}
    </li>
  );
}
