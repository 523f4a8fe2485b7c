import { z } from 'zod';
import { channels } from '../../../../../common/channels';
import { personInputSchema, personKindLabels, personKinds, UNBORN_CHILD_NAME, type FamilyDetail, type Person } from '../../../../../common/families';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { today } from '../../../ui/format';
import { useZodForm } from '../../../ui/forms';
import { checkedByChannel } from '../../../ui/channelCheck';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { useFamilySaved } from '../familyCache';

// Dialogs for the family's persons: add or edit a person, mark an unborn child as born.

export function PersonDialog({ family, person, onClose }: { family: FamilyDetail; person?: Person; onClose: () => void }) {
  const saved = useFamilySaved(family.id, onClose);
  // Checked by the channel's own person rule: every problem at once (CPR date, birth date, terminsdato, name).
  const schema = checkedByChannel(
    z.object({ kind: z.enum(personKinds), name: z.string(), cpr: z.string(), removeCpr: z.boolean(), birthDate: z.string(), dueDate: z.string() }),
    personInputSchema,
    ({ removeCpr: _r, ...v }) => v,
  );
  const { form, formError, submit, attempt } = useZodForm(schema, {
    kind: person?.kind ?? 'child',
    name: person?.name ?? '',
    cpr: '',
    removeCpr: false,
    birthDate: person?.birthDate ?? '',
    dueDate: person?.dueDate ?? '',
  });
  const e = form.formState.errors;
  const unborn = form.watch('kind') === 'child' && !form.watch('birthDate');
  const onSubmit = submit(async ({ removeCpr, ...v }) =>
    saved(person ? await call('persons:update', { personId: person.id, ...v, keepCpr: !removeCpr }) : await call('persons:add', { familyId: family.id, ...v })),
  );
  return (
    <DialogForm title={person ? `Redigér ${person.name}` : 'Tilføj person'} onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} submitLabel={person ? 'Gem' : 'Tilføj'} onSubmit={onSubmit}>
      <SelectField label="Hvem" id="person-kind" options={labelOptions(personKinds, personKindLabels)} autoFocus {...form.register('kind')} />
      <Field label="Navn" required={!unborn} hint={unborn ? `Kan stå tomt for et ufødt barn (vises som »${UNBORN_CHILD_NAME}«).` : undefined} {...form.register('name')} error={e.name?.message} />
      <Field
        label="CPR-nummer"
        hint={person?.cprMasked ? `Gemt: ${person.cprMasked}. Lad feltet stå tomt for at beholde det.` : 'Valgfrit'}
        autoComplete="off"
        {...form.register('cpr')}
        error={e.cpr?.message}
      />
      {person?.cprMasked && (
        <div className="field">
          <label className="check">
            <input type="checkbox" {...form.register('removeCpr')} /> Fjern CPR-nummeret
          </label>
        </div>
      )}
      <div className="row">
        <Field label="Fødselsdato" type="date" {...form.register('birthDate')} error={e.birthDate?.message} />
        <Field label="Terminsdato (ufødt barn)" type="date" {...form.register('dueDate')} error={e.dueDate?.message} />
      </div>
    </DialogForm>
  );
}

export function BornDialog({ family, person, onClose }: { family: FamilyDetail; person: Person; onClose: () => void }) {
  const saved = useFamilySaved(family.id, onClose);
  const shape = channels['persons:markBorn'].input.shape;
  const { form, formError, submit, attempt } = useZodForm(z.object({ name: shape.name, birthDate: shape.birthDate }), { name: person.name, birthDate: today() });
  return (
    <DialogForm title={`${person.name} er født`} onClose={onClose} error={formError} errors={form.formState.errors} attempt={attempt} submitLabel="Gem" onSubmit={submit(async (v) => saved(await call('persons:markBorn', { personId: person.id, ...v })))}>
      <Field label="Barnets navn" required autoFocus {...form.register('name')} error={form.formState.errors.name?.message} />
      <Field label="Fødselsdato" type="date" required {...form.register('birthDate')} error={form.formState.errors.birthDate?.message} />
    </DialogForm>
  );
}
