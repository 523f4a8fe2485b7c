import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import type { NetworkPerson } from '../../../../../common/network';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { useZodForm } from '../../../ui/forms';
import { useNetworkSaved } from '../plans/queries';

/** The person leaves the map; agreements and plans that name them keep doing so. */
export function RemovePersonDialog({ familyId, person, onClose }: { familyId: number; person: NetworkPerson; onClose: () => void }) {
  const saved = useNetworkSaved(familyId);
  const { form, formError, submit } = useZodForm(z.object({ reason: channels['network:removePerson'].input.shape.reason }), { reason: '' });
  return (
    <DialogForm
      title={`Fjern ${person.name} fra netværket?`}
      onClose={onClose}
      error={formError}
      submitLabel="Fjern fra netværket"
      onSubmit={submit(async (v) => {
        saved(await call('network:removePerson', { networkPersonId: person.id, reason: v.reason }));
        onClose();
      })}
    >
      <p>{person.name} forsvinder fra netværkskortet. Aftaler og planer, hvor personen er nævnt, bliver ved med at nævne personen.</p>
      <Field label="Begrundelse" hint="Valgfri, fx flyttet fra byen" autoFocus {...form.register('reason')} error={form.formState.errors.reason?.message} />
    </DialogForm>
  );
}
