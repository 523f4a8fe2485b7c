import { useFieldArray, useFormContext } from 'react-hook-form';
import { stepStatusLabels, stepStatuses } from '../../../../../common/discharge';
import { Field } from '../../../ui/Field';
import { labelOptions, SelectField } from '../../../ui/SelectField';
import { PartySelect, useErrorsAt } from '../plans/PartyFields';
import type { PartyOptionGroup } from '../plans/parties';
import { TextAreaField } from '../../../ui/TextAreaField';
import { emptyStep, type DischargeForm } from './dischargeForm';

/** The plan's steps in order: each with a day or a range, who is responsible, what happens, status and evaluation. */
export function StepFields({ groups }: { groups: PartyOptionGroup[] }) {
  const { control } = useFormContext<DischargeForm>();
  const steps = useFieldArray({ control, name: 'steps' });
  return (
    <fieldset className="panel list-fields">
      <legend>Trin</legend>
      <p className="muted small">I den rækkefølge, de skal ske. Fx først en dag hjemme, så en weekend, så flytningen.</p>
      {steps.fields.map((s, i) => (
        <fieldset key={s.id} className="item-fields step-fields">
          <legend>Trin {i + 1}</legend>
          <StepRow index={i} groups={groups} />
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => steps.move(i, i - 1)} disabled={i === 0}>
              Flyt trin {i + 1} op
            </button>
            <button type="button" className="secondary" onClick={() => steps.move(i, i + 1)} disabled={i === steps.fields.length - 1}>
              Flyt trin {i + 1} ned
            </button>
            <button type="button" className="secondary" onClick={() => steps.remove(i)}>
              Fjern trin {i + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => steps.append(emptyStep)}>
        Tilføj trin
      </button>
    </fieldset>
  );
}

function StepRow({ index: i, groups }: { index: number; groups: PartyOptionGroup[] }) {
  const { register } = useFormContext<DischargeForm>();
  const err = useErrorsAt(`steps.${i}`);
  return (
    <>
      <Field label="Trinnets navn" required hint={i === 0 ? 'Fx Første dag hjemme, Første weekend hjemme, Flytning' : undefined} {...register(`steps.${i}.title`)} error={err('title')} />
      <div className="row">
        <Field label="Fra" type="date" required {...register(`steps.${i}.startsOn`)} error={err('startsOn')} />
        <Field label="Til" type="date" hint="Tom for en enkelt dag" {...register(`steps.${i}.endsOn`)} error={err('endsOn')} />
        <SelectField label="Status" id={`step-status-${i}`} options={labelOptions(stepStatuses, stepStatusLabels)} {...register(`steps.${i}.status`)} />
      </div>
      <PartySelect name={`steps.${i}.responsible`} label="Ansvarlig" groups={groups} required />
      <TextAreaField label="Hvad der sker" rows={2} {...register(`steps.${i}.description`)} error={err('description')} />
      <TextAreaField label="Evaluering" rows={2} hint="Kort: hvordan gik det" {...register(`steps.${i}.evaluation`)} error={err('evaluation')} />
    </>
  );
}
