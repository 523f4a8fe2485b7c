import { useId } from 'react';
import { get, useFormContext, useFormState } from 'react-hook-form';
import { Field } from '../../../ui/Field';
import type { PartyOptionGroup } from './parties';

/** The message react-hook-form holds for a (nested) field, if any. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  return (get(errors, name) as { message?: string } | undefined)?.message;
}

/** The messages for the fields under one path of a list ("steps.2"): errorAt('title'). */
export function useErrorsAt(prefix: string): (field: string) => string | undefined {
  const { errors } = useFormState({ name: prefix });
  return (field) => (get(errors, `${prefix}.${field}`) as { message?: string } | undefined)?.message;
}

/** Who (one person): the family's own people in groups, or "someone else" with a name and a role. `name` is the party's path. */
export function PartySelect({ name, label, groups, required }: { name: string; label: string; groups: PartyOptionGroup[]; required?: boolean }) {
  const { register, watch } = useFormContext();
  const id = useId();
  const error = useFieldError(`${name}.code`);
  const nameError = useFieldError(`${name}.name`);
  const other = watch(`${name}.code`) === 'other';
  return (
    <>
      <div className="field">
        <label htmlFor={id}>
          {label}
          {required && (
            <span className="req" aria-hidden="true">
              *
            </span>
          )}
        </label>
        <select id={id} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={error ? `${id}-error` : undefined} {...register(`${name}.code`)}>
          <option value="">Vælg …</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
          <option value="other">En anden (skriv navnet)</option>
        </select>
        {error && (
          <span className="error" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
      </div>
      {other && (
        <div className="row">
          <Field label={`${label}: navn`} required {...register(`${name}.name`)} error={nameError} />
          <Field label={`${label}: rolle`} hint="Fx sundhedsplejerske, nabo" {...register(`${name}.role`)} />
        </div>
      )}
    </>
  );
}

/** Several people (made with, agreed by, took part): checkboxes for the family's own people, others typed. `name` is the list's path. */
export function PartyChecklist({ name, legend, groups, required }: { name: string; legend: string; groups: PartyOptionGroup[]; required?: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(`${name}.codes`);
  const errorId = useId();
  return (
    <fieldset className="party-checklist" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      {groups.map((g) => (
        <div key={g.label} className="party-group">
          <div className="party-group-label">{g.label}</div>
          <div className="checks">
            {g.options.map((o) => (
              <label key={o.value}>
                <input type="checkbox" value={o.value} {...register(`${name}.codes`)} /> {o.label}
              </label>
            ))}
          </div>
        </div>
      ))}
      <Field label="Andre" hint="Navne adskilt med komma, rollen i parentes: Kirsten (nabo), Jonas" {...register(`${name}.others`)} />
      {error && (
        <span className="error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
