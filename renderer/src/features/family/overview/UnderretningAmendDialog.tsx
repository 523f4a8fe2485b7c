import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import type { Underretning } from '../../../../../common/concerns';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';

const shape = channels['underretninger:amend'].input.shape;

/** »Tilføj rettelse« to an underretning: appended with who, when and why; the underretning itself never changes. */
export function UnderretningAmendDialog({ underretning, onClose }: { underretning: Underretning; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit, attempt } = useZodForm(z.object({ reason: shape.reason, text: shape.text }), { reason: '', text: '' });
  const e = form.formState.errors;
  const onSubmit = submit(async (v) => {
    await call('underretninger:amend', { underretningId: underretning.id, ...v });
    await queryClient.invalidateQueries({ queryKey: ['family', underretning.familyId] });
    onClose();
  });
  return (
    <DialogForm
      title={`Ret underretningen fra ${formatDate(underretning.sentOn)}`}
      onClose={onClose}
      error={formError}
      errors={e}
      attempt={attempt}
      submitLabel="Gem rettelse"
      onSubmit={onSubmit}
    >
      <p className="muted small">Underretningen ændres ikke. Rettelsen vises under den med dit navn, tidspunkt og begrundelse.</p>
      <Field label="Hvorfor rettes der?" required autoFocus {...form.register('reason')} error={e.reason?.message} />
      <div className="field">
        <label htmlFor="underretning-amend-text">
          Rettelse<span className="req" aria-hidden="true">*</span>
        </label>
        <textarea id="underretning-amend-text" rows={4} aria-required aria-invalid={e.text ? true : undefined} {...form.register('text')} />
        {e.text && <span className="error">{e.text.message}</span>}
      </div>
    </DialogForm>
  );
}
