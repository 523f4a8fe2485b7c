import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { acknowledgementActionLabels, acknowledgementActions } from '../../../../common/concerns';
import type { Observation } from '../../../../common/journal';
import { call } from '../../app/api';
import { DialogForm } from '../../ui/DialogForm';
import { useZodForm } from '../../ui/forms';

const shape = channels['concerns:acknowledge'].input.shape;
const schema = z.object({ actions: shape.actions, note: shape.note });

/** A leader acknowledges a serious concern by saying what was done: at least one action and a short note. */
export function AcknowledgeConcernDialog({ observation, onClose }: { observation: Observation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit, attempt } = useZodForm(schema, { actions: [], note: '' }, { validateOnBlur: false });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    await call('concerns:acknowledge', { observationId: observation.id, ...v });
    await queryClient.invalidateQueries({ queryKey: ['front'] });
    void queryClient.invalidateQueries({ queryKey: ['family', observation.familyId] });
    onClose();
  });
  return (
    <DialogForm title={`Kvittér for bekymringen – ${observation.familyName}`} onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} onSubmit={onSubmit} submitLabel="Kvittér">
      <fieldset className="field" aria-describedby={e.actions ? 'ack-actions-error' : undefined}>
        <legend>Hvad er der gjort?</legend>
        <div className="checks">
          {acknowledgementActions.map((a) => (
            <label key={a}>
              <input type="checkbox" value={a} {...form.register('actions')} /> {acknowledgementActionLabels[a]}
            </label>
          ))}
        </div>
        {e.actions && (
          <span className="error" id="ack-actions-error" role="alert">
            {e.actions.message}
          </span>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="ack-note">
          Note om hvad der er gjort og aftalt<span className="req" aria-hidden="true">*</span>
        </label>
        <textarea id="ack-note" rows={4} aria-required aria-invalid={e.note ? true : undefined} {...form.register('note')} />
        <span className="hint">Fx hvem der talte med hvem, og hvornår der følges op. Er der sendt en underretning, registrer den også på familiens side.</span>
        {e.note && (
          <span className="error" role="alert">
            {e.note.message}
          </span>
        )}
      </div>
    </DialogForm>
  );
}
