import { useFieldArray, useFormContext } from 'react-hook-form';
import { useFieldError } from './PartyFields';
import { TextAreaField } from '../../../ui/TextAreaField';

/** A list of short texts (worries, signs …) as rows to add and remove; an item keeps its key from version to version. */
export function TextItems({ name, legend, itemLabel, addLabel, hint }: { name: string; legend: string; itemLabel: string; addLabel: string; hint?: string }) {
  const { control, register } = useFormContext();
  const items = useFieldArray({ control, name });
  return (
    <fieldset className="panel list-fields">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {items.fields.map((item, i) => (
        <div key={item.id} className="list-row">
          <TextItem name={`${name}.${i}.text`} label={`${itemLabel} ${i + 1}`} register={register} />
          <button type="button" className="secondary" onClick={() => items.remove(i)} aria-label={`Fjern ${itemLabel.toLowerCase()} ${i + 1}`}>
            Fjern
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => items.append({ text: '' })}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function TextItem({ name, label, register }: { name: string; label: string; register: ReturnType<typeof useFormContext>['register'] }) {
  const error = useFieldError(name);
  return <TextAreaField label={label} rows={2} {...register(name)} error={error} />;
}
