import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import type { FamilyDetail } from '../../../../../common/families';
import type { Observation } from '../../../../../common/journal';
import { call } from '../../../app/api';
import { checkedByChannel } from '../../../ui/channelCheck';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { formatDateTime, today } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';

const input = channels['underretninger:create'].input;
const formSchema = z.object({ sentOn: z.string(), municipality: z.string(), recipient: z.string(), reason: z.string() });

/**
 * »Registrér underretning«: the date it was sent, to which municipality and whom, and why — never changed afterwards
 * (corrections are appended). Opened from a serious concern, it is linked to that note and its text is the reason to
 * start from.
 */
export function UnderretningDialog({ family, observation, onClose }: { family: FamilyDetail; observation: Observation | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const extra = { familyId: family.id, observationId: observation?.id };
  const schema = checkedByChannel(formSchema, input, (v) => ({ ...extra, ...v, recipient: v.recipient || undefined }));
  const { form, formError, submit, attempt } = useZodForm(schema, {
    sentOn: today(),
    municipality: family.municipality ?? '',
    recipient: '',
    reason: observation ? observation.text.slice(0, 4000) : '',
  });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    await call('underretninger:create', { ...extra, sentOn: v.sentOn, municipality: v.municipality, recipient: v.recipient || undefined, reason: v.reason });
    await queryClient.invalidateQueries({ queryKey: ['family', family.id] });
    onClose();
  });
  return (
    <DialogForm title="Registrér underretning" onClose={onClose} error={formError} errors={e} attempt={attempt} submitLabel="Registrér underretning" onSubmit={onSubmit} wide>
      <p className="muted small">
        Registreringen ændres ikke bagefter; en fejl rettes med en rettelse, der vises under den. Selve underretningen sendes til kommunen på den måde, I plejer.
      </p>
      {observation && (
        <p className="small" data-testid="underretning-note">
          Knyttet til notatet fra {formatDateTime(observation.observedAt)} af {observation.author.name}.
        </p>
      )}
      <div className="row">
        <Field label="Sendt den" type="date" required {...form.register('sentOn')} error={e.sentOn?.message} />
        <Field label="Kommune" required autoFocus {...form.register('municipality')} error={e.municipality?.message} />
        <Field label="Modtager" hint="Fx familieafdelingen eller sagsbehandleren" {...form.register('recipient')} error={e.recipient?.message} />
      </div>
      <div className="field">
        <label htmlFor="underretning-reason">
          Begrundelse<span className="req" aria-hidden="true">*</span>
        </label>
        <textarea id="underretning-reason" rows={6} aria-required aria-invalid={e.reason ? true : undefined} aria-describedby={e.reason ? 'underretning-reason-error' : undefined} {...form.register('reason')} />
        {e.reason && (
          <span className="error" id="underretning-reason-error">
            {e.reason.message}
          </span>
        )}
      </div>
    </DialogForm>
  );
}
