import { get, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { ApiError, errorText } from '../../../app/api';

/** The form field a backend issue's path ("steps.2.responsible", "madeWith.0") belongs to, if the form has one. */
function fieldFor(values: unknown, path: string): string | null {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const base = segments.slice(0, n).join('.');
    for (const candidate of [base, `${base}.code`, `${base}.codes`]) {
      const v: unknown = get(values, candidate);
      if (v === undefined || v === null) continue;
      if (typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x !== 'object'))) return candidate;
    }
  }
  return null;
}

/**
 * A refusal from the backend on a form with lists (steps, agreements, contacts): each issue next to its field, the
 * first one focused; what has no field goes on top of the form.
 */
export function placeServerError<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, setFormError: (m: string | null) => void): void {
  const issues = err instanceof ApiError ? (err.error.issues ?? []) : [];
  const values = form.getValues();
  const unplaced: string[] = [];
  let first = true;
  for (const issue of issues) {
    const name = fieldFor(values, issue.path);
    if (!name) {
      unplaced.push(issue.message);
      continue;
    }
    form.setError(name as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: first });
    first = false;
  }
  if (issues.length === 0) setFormError(errorText(err));
  else if (unplaced.length) setFormError([...new Set(unplaced)].join(' '));
  else setFormError('Planen er ikke gemt. Ret det markerede, og prøv igen.');
}
