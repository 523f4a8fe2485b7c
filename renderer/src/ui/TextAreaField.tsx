import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame, useFieldIds } from './Field';

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
  const { fieldId, describedBy } = useFieldIds(id, hint, error);
  return (
    <FieldFrame fieldId={fieldId} label={label} required={required} hint={hint} error={error}>
      <textarea id={fieldId} rows={rows} aria-invalid={error ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy} {...textarea} />
    </FieldFrame>
  );
}
