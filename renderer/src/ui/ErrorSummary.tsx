import { useEffect, useId, useLayoutEffect, useReducer, useRef } from 'react';
import type { FieldErrors } from 'react-hook-form';

/** One problem: the field it belongs to (its `name`, or an element id prefixed with '#'), and what is wrong. */
export interface Problem {
  field?: string;
  message: string;
}

/** The form control a problem points at: by name (react-hook-form fields) or by id ('#entry-text'). */
function controlOf(scope: HTMLElement | null, field: string | undefined): HTMLElement | null {
  if (!field) return null;
  const root: ParentNode = scope?.closest('form, dialog') ?? document;
  if (field.startsWith('#')) return document.getElementById(field.slice(1));
  const named = [...root.querySelectorAll<HTMLElement>(`[name="${CSS.escape(field)}"]`)];
  return named.find((el) => (el as HTMLInputElement).checked) ?? named[0] ?? null;
}

/** "Person 2 · Terminsdato" — the field's label, after its group's legend, without the required-marker. */
function labelOf(control: HTMLElement | null): string | null {
  if (!control) return null;
  const own = (control as HTMLInputElement).labels?.[0] ?? null;
  const group = control.closest('fieldset')?.querySelector('legend');
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\*/g, '').trim() || null;
  const radio = (control as HTMLInputElement).type === 'radio' || (control as HTMLInputElement).type === 'checkbox';
  const parts = radio ? [text(group)] : [text(group), text(own)];
  return parts.filter(Boolean).join(' · ') || null;
}

/**
 * Every problem of a refused save at once, at the top of the form: each names its field and moves the focus there. The
 * summary takes the focus itself each time a save is refused (`attempt` grows), so the person hears and sees how many
 * things to fix; the same messages stand next to the fields.
 */
export function ErrorSummary({ problems, attempt }: { problems: Problem[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visible = attempt > 0 && problems.length > 0;
  // Fields are looked up inside this form (a dialog's "Navn" is not the page's): once mounted, render again with it.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const scoped = useRef(false);
  useLayoutEffect(() => {
    if (visible && !scoped.current) rerender();
  });
  // Only a new refused save moves the focus (once its problems are on screen); fixing problems one by one leaves it where
  // the person is typing.
  const focused = useRef(0);
  useEffect(() => {
    if (visible && attempt > focused.current) {
      focused.current = attempt;
      ref.current?.focus();
    }
  });
  if (!visible) return null;
  // In the order of the form, top to bottom.
  const scope = ref.current;
  scoped.current = scope !== null;
  const placed = problems.map((p) => ({ ...p, control: controlOf(scope, p.field) }));
  placed.sort((a, b) => (a.control && b.control ? (a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : a.control ? 1 : b.control ? -1 : 0));
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} data-testid="error-summary">
      <p className="error-summary-title" id={titleId}>
        {problems.length === 1 ? 'Ret denne ting, før der kan gemmes:' : `Ret disse ${problems.length} ting, før der kan gemmes:`}
      </p>
      <ul>
        {placed.map((p, i) => {
          const label = labelOf(p.control);
          return (
            <li key={i}>
              {p.control ? (
                <button type="button" className="link" onClick={() => p.control?.focus()}>
                  {label ? `${label}: ${p.message}` : p.message}
                </button>
              ) : (
                p.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** react-hook-form's errors as a flat list of problems (persons.1.dueDate), with a form-level message first. */
export function problemsOf(errors: FieldErrors, formError: string | null = null): Problem[] {
  const out: Problem[] = formError ? [{ message: formError }] : [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as { message?: unknown; type?: unknown };
    if (typeof n.message === 'string' && n.message && 'type' in n) {
      out.push({ field: path || undefined, message: n.message });
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'ref' && key !== 'root') walk(value, path ? `${path}.${key}` : key);
    const root = (node as { root?: { message?: string } }).root;
    if (root?.message) out.push({ field: path || undefined, message: root.message });
  };
  walk(errors, '');
  return out;
}

/** The summary of a form made with useZodForm: pass form.formState.errors, formError and attempt. */
export function FormErrorSummary({ errors, formError, attempt }: { errors: FieldErrors; formError: string | null; attempt: number }) {
  return <ErrorSummary problems={problemsOf(errors, formError)} attempt={attempt} />;
}
