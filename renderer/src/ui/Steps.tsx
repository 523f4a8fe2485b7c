/**
 * Steps of a long job (a re-key, a backup), each marked done, under way or waiting. SQLite reports no progress inside a
 * step, so the screen shows the step, not a percentage. `current` is the key of the step under way, or 'done'.
 */
export function Steps<K extends string>({ steps, current, testId }: { steps: ReadonlyArray<readonly [K, string]>; current: K | 'done'; testId?: string }) {
  const index = current === 'done' ? steps.length : steps.findIndex(([s]) => s === current);
  return (
    // The live region wraps the list: a list keeps its list semantics (axe: a role on <ol> hides them).
    <div role="status" aria-live="polite">
    <ol className="steps" data-testid={testId}>
      {steps.map(([key, label], i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'waiting';
        return (
          <li key={key} className={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'current' ? '…' : ''}
            </span>
            {label}
            {state === 'done' && <span className="sr-only"> (færdig)</span>}
          </li>
        );
      })}
    </ol>
    </div>
  );
}

/** The later of two stages in `order`: a late or repeated event never moves the progress back. */
export function laterStage<S extends string>(order: readonly S[], a: S | null, b: S): S {
  return a && order.indexOf(a) > order.indexOf(b) ? a : b;
}
