import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormRegister, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorText } from '../app/api';
import { forgetValues, keepValues, keptValues, useKeptKey } from './keptForms';

/**
 * react-hook-form with a zod schema. Every problem is shown at once on save, next to its field and in the form's
 * ErrorSummary (which takes the focus: `attempt` counts refused saves). Server-side field errors (the backend's zod
 * issues, also nested ones such as persons.1.dueDate) land next to the same fields.
 *
 * A field is checked when it is left — but only once something was typed in it, and not when the focus goes to a
 * button: a message appearing under an untouched field would push the button down between mouse-down and mouse-up,
 * and the click would be lost (the first click on »Opret familie« did nothing). The button's own save shows it all.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: {
    validateOnBlur?: boolean;
    /** false: nothing is focused by the form itself. */
    focusFirstField?: boolean;
    /** Keep what is typed in memory until saved, under this name (the form and its record, e.g. `safetyPlan:12`). */
    keep?: string;
  } = {},
) {
  const keptKey = useKeptKey(options.keep);
  const [restored, setRestored] = useState(() => keptValues(keptKey) !== undefined);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    // Focus after a refused save is ours (below): the summary where the form has one, else the first invalid field.
    shouldFocusError: false,
    defaultValues: restored ? (keptValues(keptKey) as DefaultValues<z.input<S>>) : defaultValues,
  });
  useEffect(() => {
    if (keptKey === null) return;
    const subscription = form.watch((values) => keepValues(keptKey, values));
    return () => subscription.unsubscribe();
  }, [form, keptKey]);
  /** Starts the form afresh: what was kept is forgotten. */
  const discardKept = () => {
    forgetValues(keptKey);
    form.reset(defaultValues);
    setRestored(false);
  };
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const typedIn = useRef(new Set<string>());
  const formElement = useRef<HTMLFormElement | null>(null);
  const refused = (event?: React.BaseSyntheticEvent) => {
    const target = event?.target;
    formElement.current = target instanceof HTMLFormElement ? target : target instanceof Element ? target.closest('form') : null;
    setAttempt((n) => n + 1);
  };

  // After a refused save: the ErrorSummary (a child, so its effect ran first) has taken the focus where the form shows
  // one; otherwise the first invalid field takes it, so the user lands where the problem is.
  useEffect(() => {
    if (attempt === 0 || options.focusFirstField === false) return;
    // After the current task: react-hook-form may render the fields' errors a moment after the refusal.
    const timer = setTimeout(() => {
      if (document.activeElement?.closest('.error-summary')) return;
      formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [attempt]);

  const register: UseFormRegister<z.input<S>> = (name, registerOptions) => {
    const field = form.register(name, registerOptions);
    return {
      ...field,
      onChange: async (event) => {
        const result = await field.onChange(event);
        typedIn.current.add(name);
        // A message already shown follows the typing, so it goes away as soon as the field is right.
        if (form.getFieldState(name).error && !form.formState.isSubmitted) await form.trigger(name);
        return result;
      },
      onBlur: async (event) => {
        const result = await field.onBlur(event);
        const next = (event as unknown as React.FocusEvent).relatedTarget;
        const toButton = next instanceof HTMLButtonElement || next instanceof HTMLAnchorElement;
        if (options.validateOnBlur !== false && !toButton && typedIn.current.has(name)) await form.trigger(name);
        return result;
      },
    };
  };

  /** Wraps a submit handler: a refused save (here or in the backend) focuses the summary. */
  function submit(action: (values: z.output<S>) => Promise<void>) {
    return form.handleSubmit(
      async (values, event) => {
        setFormError(null);
        try {
          await action(values);
        } catch (err) {
          applyServerError(form as never, err, setFormError);
          refused(event);
        }
      },
      (_errors, event) => refused(event),
    );
  }
  return { form: { ...form, register } as UseFormReturn<z.input<S>, unknown, z.output<S>>, formError, setFormError, submit, attempt, restored, discardKept };
}

/** Whether `path` (a.b.0.c) names a value in the form. */
function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

export function applyServerError<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, setFormError: (m: string | null) => void): void {
  const issues = err instanceof ApiError ? (err.error.issues ?? []) : [];
  const values = form.getValues();
  let unplaced = false;
  for (const issue of issues) {
    const leaf = issue.path.split('.').pop() ?? '';
    const name = issue.path && hasPath(values, issue.path) ? issue.path : leaf && hasPath(values, leaf) ? leaf : null;
    if (name) form.setError(name as Path<T>, { type: 'server', message: issue.message });
    else unplaced = true;
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
