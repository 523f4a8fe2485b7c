import type { UseFormReturn } from 'react-hook-form';
import { personKindLabels, personKinds, UNBORN_CHILD_NAME } from '../../../../common/families';
import { Field } from '../../ui/Field';
import { labelOptions, SelectField } from '../../ui/SelectField';
import type { NewFamilyOutput, NewFamilyValues } from './newFamilySchema';

/** One person of the new family: who, name, CPR, birth date, and the terminsdato of an unborn child (who needs no name). */
export function PersonRow({ form, index: i, count, onRemove }: { form: UseFormReturn<NewFamilyValues, unknown, NewFamilyOutput>; index: number; count: number; onRemove: () => void }) {
  const e = form.formState.errors.persons?.[i];
  const kind = form.watch(`persons.${i}.kind`);
  const unborn = kind === 'child' && !form.watch(`persons.${i}.birthDate`);
  return (
    <fieldset className="person-row">
      <legend>Person {i + 1}</legend>
      <div className="row">
        <SelectField label="Hvem" id={`p-kind-${i}`} options={labelOptions(personKinds, personKindLabels)} {...form.register(`persons.${i}.kind`)} />
        <Field
          label="Navn"
          required={!unborn}
          id={`p-name-${i}`}
          hint={unborn ? `Kan stå tomt for et ufødt barn (vises som »${UNBORN_CHILD_NAME}«).` : undefined}
          {...form.register(`persons.${i}.name`)}
          error={e?.name?.message}
        />
        <Field label="CPR-nummer" id={`p-cpr-${i}`} hint="Valgfrit" autoComplete="off" {...form.register(`persons.${i}.cpr`)} error={e?.cpr?.message} />
      </div>
      <div className="row">
        <Field label="Fødselsdato" type="date" id={`p-birth-${i}`} {...form.register(`persons.${i}.birthDate`)} error={e?.birthDate?.message} />
        {kind === 'child' && (
          <Field label="Terminsdato (ufødt barn)" type="date" id={`p-due-${i}`} {...form.register(`persons.${i}.dueDate`)} error={e?.dueDate?.message} />
        )}
      </div>
      {count > 1 && (
        <button type="button" className="link" onClick={onRemove}>
          Fjern person {i + 1}
        </button>
      )}
    </fieldset>
  );
}
