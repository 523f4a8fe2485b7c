import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** A labelled textarea with its hint and error, like Field. */
export function TextAreaField({ id, label, required, rows = 3, hint, error, registration }: { id: string; label: string; required?: boolean; rows?: number; hint?: ReactNode; error?: string; registration: UseFormRegisterReturn }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <textarea id={id} rows={rows} aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registration} />
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
