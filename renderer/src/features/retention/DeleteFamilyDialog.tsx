import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { channels, type ChannelOutput } from '../../../../common/channels';
import { call } from '../../app/api';
import { DialogForm } from '../../ui/DialogForm';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { useZodForm } from '../../ui/forms';
import { retentionDueKey, type DueFamily } from './retentionText';

const schema = z.object({ confirmName: channels['retention:deleteFamily'].input.shape.confirmName });

/** "Slet familien for altid?": says what goes and what stays; the family's name typed back confirms it. */
export function DeleteFamilyDialog({ family, onClose, onDeleted }: { family: DueFamily; onClose: () => void; onDeleted: (result: ChannelOutput<'retention:deleteFamily'>) => void }) {
  const queryClient = useQueryClient();
  const { form, formError, submit } = useZodForm(schema, { confirmName: '' });
  const onSubmit = submit(async (v) => {
    const result = await call('retention:deleteFamily', { familyId: family.familyId, confirmName: v.confirmName });
    void queryClient.invalidateQueries({ queryKey: retentionDueKey });
    void queryClient.invalidateQueries({ queryKey: ['families'] });
    onDeleted(result);
  });
  return (
    <DialogForm title={`Slet ${family.displayName} for altid?`} onClose={onClose} error={formError} onSubmit={onSubmit} submitLabel="Slet for altid" initialFocusId="confirm-name">
      <p>
        Forløbet sluttede {formatDate(family.endDate)}. Alt om familien slettes fra databasen: personer, notater, rettelser, underretninger, målinger, mål,
        statusrapporter, netværk og planer. Det kan ikke fortrydes.
      </p>
      <p>Adgangsloggen beholder sine rækker, men uden oplysninger om familien. De daglige sikkerhedskopier med familien forsvinder, efterhånden som de roteres ud (inden for et år).</p>
      <p>Har I brug for journalen senere, så eksportér den først.</p>
      <Field
        label="Skriv familiens navn for at bekræfte"
        id="confirm-name"
        required
        autoComplete="off"
        spellCheck={false}
        hint={`Skriv: ${family.displayName}`}
        {...form.register('confirmName')}
        error={form.formState.errors.confirmName?.message}
      />
    </DialogForm>
  );
}
