import { useId, type SelectHTMLAttributes } from 'react';

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
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="field">
      <label htmlFor={fieldId}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <select id={fieldId} aria-invalid={error ? true : undefined} aria-required={required || undefined} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
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
