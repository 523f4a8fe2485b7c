import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** The ids a field's control needs: its own, and what describes it (the hint, the error). */
export function useFieldIds(id: string | undefined, hint: ReactNode, error: string | undefined): { fieldId: string; describedBy: string | undefined } {
  const auto = useId();
  const fieldId = id ?? auto;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return { fieldId, describedBy };
}

/** A field's frame: the label (with * when required), the control, then the hint and the error right below it. */
export function FieldFrame({ fieldId, label, required, hint, error, children }: { fieldId: string; label: string; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
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
      {children}
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

/** A labelled input with its hint and its error message right below it. */
export function Field({ label, error, hint, required, id, ...input }: FieldProps) {
  const { fieldId, describedBy } = useFieldIds(id, hint, error);
  return (
    <FieldFrame fieldId={fieldId} label={label} required={required} hint={hint} error={error}>
      <input id={fieldId} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy} {...input} />
    </FieldFrame>
  );
}

export function Notice({ kind, children }: { kind: 'error' | 'ok' | 'info' | 'warn'; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
