import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * A labelled textarea with its hint and its error right below it (as Field for inputs); takes react-hook-form's
 * register() spread like Field: `<TextAreaField … {...form.register('note')} />`.
 */
export function TextAreaField({ label, error, hint, required, id, rows = 3, ...textarea }: TextAreaFieldProps) {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
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
      <textarea id={fieldId} rows={rows} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy} {...textarea} />
      {hint && (
        <span className="hint" id={`${fieldId}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${fieldId}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
