import { z } from 'zod';
import type { FamilyDetail } from '../../../../../common/families';
import {
  closenessLabels,
  closenessLevels,
  defaultKind,
  helpAreaLabels,
  helpAreas,
  networkKindLabels,
  networkKinds,
  networkPersonFieldsSchema,
  networkRelationLabels,
  networkRelations,
  networkSupportLabels,
  networkSupports,
  type NetworkPerson,
  type NetworkRelation,
} from '../../../../../common/network';
import { call } from '../../../app/api';
import { DialogForm } from '../../../ui/DialogForm';
import { Field } from '../../../ui/Field';
import { useZodForm } from '../../../ui/forms';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { Choice } from '../plans/Choice';
import { useNetworkSaved } from '../plans/queries';

const shape = networkPersonFieldsSchema.shape;
const schema = z.object({
  name: shape.name,
  relation: z.string().min(1, 'Vælg relationen.'),
  relatedTo: z.string(),
  relationText: shape.relationText,
  kind: z.enum(networkKinds, { error: 'Vælg privat eller professionel.' }),
  closeness: z.enum(['1', '2', '3'], { error: 'Vælg hvor tæt personen er på familien.' }),
  support: z.enum(networkSupports, { error: 'Vælg om relationen støtter eller belaster.' }),
  helpWith: z.array(z.enum(helpAreas)),
  helpNote: shape.helpNote,
  phone: shape.phone,
  email: shape.email,
  contactNote: shape.contactNote,
});

/** Add a person to the family's network, or change one: relation to whom, contact, what they can help with, support or strain, closeness. */
export function PersonDialog({ family, person, onClose }: { family: FamilyDetail; person?: NetworkPerson; onClose: () => void }) {
  const saved = useNetworkSaved(family.id);
  const { form, formError, submit } = useZodForm(schema, {
    name: person?.name ?? '',
    relation: person?.relation ?? '',
    relatedTo: person?.relatedTo ? String(person.relatedTo.personId) : '',
    relationText: person?.relationText ?? '',
    kind: person?.kind ?? 'private',
    closeness: person ? (String(person.closeness) as '1') : undefined,
    support: person?.support,
    helpWith: person?.helpWith ?? [],
    helpNote: person?.helpNote ?? '',
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    contactNote: person?.contactNote ?? '',
  });
  const e = form.formState.errors;
  const relationField = form.register('relation', {
    // A new professional relation is professional unless the user says otherwise.
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      if (!form.formState.dirtyFields.kind && event.target.value) form.setValue('kind', defaultKind(event.target.value as NetworkRelation));
    },
  });
  const onSubmit = submit(async ({ relatedTo, closeness, relation, ...v }) => {
    const fields = { ...v, relation: relation as NetworkRelation, relatedToPersonId: relatedTo ? Number(relatedTo) : null, closeness: Number(closeness) as 1 | 2 | 3 };
    saved(person ? await call('network:updatePerson', { networkPersonId: person.id, ...fields }) : await call('network:addPerson', { familyId: family.id, ...fields }));
    onClose();
  });
  return (
    <DialogForm title={person ? `Redigér ${person.name}` : 'Tilføj person til netværket'} onClose={onClose} error={formError} submitLabel={person ? 'Gem' : 'Tilføj'} onSubmit={onSubmit} wide>
      <div className="row">
        <Field label="Navn" required autoFocus {...form.register('name')} error={e.name?.message} />
        <SelectField label="Relation" id="np-relation" required placeholder="Vælg …" options={labelOptions(networkRelations, networkRelationLabels)} {...relationField} error={e.relation?.message} />
      </div>
      <div className="row">
        <SelectField
          label="Relation til"
          id="np-related"
          options={[{ value: '', label: 'Familien som helhed' }, ...family.persons.map((p) => ({ value: String(p.id), label: p.name }))]}
          {...form.register('relatedTo')}
        />
        <Field label="Relationen med familiens egne ord" hint="Fx mormor, mors veninde fra skolen" {...form.register('relationText')} error={e.relationText?.message} />
      </div>
      <div className="row">
        <Choice legend="Hvor tæt på familien" required error={e.closeness?.message}>
          {closenessLevels.map((c) => (
            <label key={c}>
              <input type="radio" value={String(c)} {...form.register('closeness')} /> {closenessLabels[c]}
            </label>
          ))}
        </Choice>
        <Choice legend="Relationen" required error={e.support?.message}>
          {networkSupports.map((s) => (
            <label key={s}>
              <input type="radio" value={s} {...form.register('support')} /> {networkSupportLabels[s]}
            </label>
          ))}
        </Choice>
        <Choice legend="Privat eller professionel" required error={e.kind?.message}>
          {networkKinds.map((k) => (
            <label key={k}>
              <input type="radio" value={k} {...form.register('kind')} /> {networkKindLabels[k]}
            </label>
          ))}
        </Choice>
      </div>
      <Choice legend="Kan hjælpe med">
        {helpAreas.map((h) => (
          <label key={h}>
            <input type="checkbox" value={h} {...form.register('helpWith')} /> {helpAreaLabels[h]}
          </label>
        ))}
      </Choice>
      <Field label="Hvad personen kan hjælpe med, med egne ord" {...form.register('helpNote')} error={e.helpNote?.message} />
      <div className="row">
        <Field label="Telefon" type="tel" autoComplete="off" {...form.register('phone')} error={e.phone?.message} />
        <Field label="E-mail" type="email" autoComplete="off" {...form.register('email')} error={e.email?.message} />
        <Field label="Kontakt i øvrigt" hint="Fx bedst om eftermiddagen" {...form.register('contactNote')} error={e.contactNote?.message} />
      </div>
    </DialogForm>
  );
}
