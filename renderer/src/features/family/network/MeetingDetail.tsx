import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import { agreementStatusLabels } from '../../../../../common/network';
import { partyLabel } from '../../../../../common/parties';
import { call, errorText } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field, Notice } from '../../../ui/Field';
import { formatDate, formatDateTime } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { keys } from '../plans/queries';
import { TextAreaField } from '../../../ui/TextAreaField';
import { AgreementItem } from './AgreementItem';

/** One netværksmøde as recorded, with its corrections appended below (the record itself never changes). */
export function MeetingDetail({ familyId, meetingId, canAmend }: { familyId: number; meetingId: number; canAmend: boolean }) {
  const meeting = useQuery({ queryKey: keys.meeting(meetingId), queryFn: () => call('networkMeetings:get', { meetingId }) });
  const [amending, setAmending] = useState(false);
  if (meeting.isError) return <Notice kind="error">{errorText(meeting.error)}</Notice>;
  if (!meeting.data) return <p className="muted">Henter mødet …</p>;
  const m = meeting.data;
  return (
    <article className="panel" aria-labelledby="meeting-title" data-testid="meeting">
      <p className="small no-print">
        <Link href={`/familier/${familyId}/netvaerk/moeder`}>Alle netværksmøder</Link>
      </p>
      <h2 id="meeting-title" style={{ marginTop: 0 }}>
        Netværksmøde {formatDate(m.heldOn)}
      </h2>
      <p className="small muted">
        Skrevet af {m.createdBy.name} den {formatDateTime(m.createdAt)}
      </p>
      <dl className="facts">
        <dt>Deltagere</dt>
        <dd>{m.participants.map(partyLabel).join(', ')}</dd>
        <dt>Emner</dt>
        <dd>{m.topics.length ? m.topics.join(' · ') : '–'}</dd>
      </dl>
      {m.summary && (
        <>
          <h3>Referat</h3>
          <p className="pre-wrap">{m.summary}</p>
        </>
      )}
      <h3>Aftaler fra mødet</h3>
      {m.agreements.length === 0 ? (
        <p className="muted">Ingen nye aftaler.</p>
      ) : (
        <ul className="plain agreements">
          {m.agreements.map((a) => (
            <AgreementItem key={a.id} agreement={a} familyId={familyId} />
          ))}
        </ul>
      )}
      <h3>Opfølgning på tidligere aftaler</h3>
      {m.followUps.length === 0 ? (
        <p className="muted">Ingen aftaler blev fulgt op på mødet.</p>
      ) : (
        <ul className="plain">
          {m.followUps.map((f) => (
            <li key={f.id}>
              <span className={`badge status-${f.status}`}>{agreementStatusLabels[f.status]}</span> {f.what}
              {f.note && <div className="small muted">{f.note}</div>}
            </li>
          ))}
        </ul>
      )}
      {m.amendments.length > 0 && (
        <>
          <h3>Rettelser</h3>
          {m.amendments.map((a) => (
            <div key={a.id} className="amendment" data-testid="meeting-amendment">
              <div className="small">
                <strong>Rettelse</strong> af {a.author.name}, {formatDateTime(a.createdAt)} · Begrundelse: {a.reason}
              </div>
              <div className="pre-wrap">{a.text}</div>
            </div>
          ))}
        </>
      )}
      {canAmend && (
        <button type="button" className="secondary" onClick={() => setAmending(true)}>
          Tilføj rettelse
        </button>
      )}
      {amending && <AmendMeetingDialog meetingId={m.id} familyId={familyId} onClose={() => setAmending(false)} />}
    </article>
  );
}

const amendShape = channels['networkMeetings:amend'].input.shape;

function AmendMeetingDialog({ meetingId, familyId, onClose }: { meetingId: number; familyId: number; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit } = useZodForm(z.object({ reason: amendShape.reason, text: amendShape.text }), { reason: '', text: '' });
  const e = form.formState.errors;
  return (
    <DialogForm
      title="Tilføj rettelse til mødet"
      onClose={onClose}
      error={formError}
      submitLabel="Gem rettelsen"
      onSubmit={submit(async (v) => {
        queryClient.setQueryData(keys.meeting(meetingId), await call('networkMeetings:amend', { meetingId, ...v }));
        void queryClient.invalidateQueries({ queryKey: keys.network(familyId) });
        onClose();
      })}
    >
      <p>Referatet ændres ikke. Rettelsen står under det med dit navn og tidspunktet.</p>
      <Field label="Hvorfor der rettes" required autoFocus {...form.register('reason')} error={e.reason?.message} />
      <TextAreaField label="Rettelsen" required rows={4} {...form.register('text')} error={e.text?.message} />
    </DialogForm>
  );
}
