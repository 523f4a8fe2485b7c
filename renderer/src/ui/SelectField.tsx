import type { SelectHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './Field';

export interface Option {
  value: string | number;
  label: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: readonly Option[];
  /** First, empty choice: "Vælg …" in forms, "Alle" in filters. */
  placeholder?: string;
  error?: string;
  ref?: React.Ref<HTMLSelectElement>;
}

/** A labelled <select> with its error below; works with react-hook-form's register() (React 19 passes ref as a prop). */
export function SelectField({ label, options, placeholder, error, id, required, ...select }: SelectFieldProps) {
  const { fieldId, describedBy } = useFieldIds(id, undefined, error);
  return (
    <FieldFrame fieldId={fieldId} label={label} required={required} error={error}>
      <select id={fieldId} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A filter over ids: "Alle" means no filter (undefined). */
export function IdFilter({ label, id, value, onChange, options }: { label: string; id: string; value: number | undefined; onChange: (v: number | undefined) => void; options: readonly Option[] }) {
  return <SelectField label={label} id={id} placeholder="Alle" options={options} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)} />;
}

/** Turns a label map ({ key: 'Dansk' }) into options, in the order of `keys`. */
export function labelOptions<K extends string>(keys: readonly K[], labels: Record<K, string>): Option[] {
  return keys.map((k) => ({ value: k, label: labels[k] }));
}
