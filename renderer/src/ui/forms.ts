import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorText } from '../app/api';

/**
 * react-hook-form with a zod schema: validation on blur and on save, the first invalid field focused,
 * and server-side field errors (from the backend's zod issues) shown next to the same fields.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: { validateOnBlur?: boolean } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    mode: options.validateOnBlur === false ? 'onSubmit' : 'onBlur',
    reValidateMode: 'onChange',
    shouldFocusError: true,
    defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);

  /** Wraps a submit handler: maps a backend error to field errors or a form-level message. */
  function submit(action: (values: z.output<S>) => Promise<void>) {
    return form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await action(values);
      } catch (err) {
        applyServerError(form as never, err, setFormError);
      }
    });
  }
  return { form, formError, setFormError, submit };
}

export function applyServerError<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, setFormError: (m: string | null) => void): void {
  const issues = err instanceof ApiError ? err.error.issues ?? [] : [];
  const known = new Set(Object.keys(form.getValues()));
  let first = true;
  let unplaced = false;
  for (const issue of issues) {
    const leaf = issue.path.split('.').pop() ?? '';
    const name = known.has(issue.path) ? issue.path : known.has(leaf) ? leaf : null;
    if (name) {
      form.setError(name as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: first });
      first = false;
    } else unplaced = true;
  }
  if (issues.length === 0 || unplaced) setFormError(errorText(err));
}

/** Keyboard: Ctrl+Enter (or Cmd+Enter) saves the form it is pressed in. */
export function ctrlEnterSubmits(event: React.KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}
