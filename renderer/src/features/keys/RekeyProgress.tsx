import { rekeySteps, type RekeyStage } from './rekeyText';

/** The steps of the re-key, each marked done, under way or waiting. */
export function RekeyProgress({ stage }: { stage: RekeyStage }) {
  const current = stage === 'done' ? rekeySteps.length : rekeySteps.findIndex(([s]) => s === stage);
  return (
    <div role="status" aria-live="polite">
      <ol className="steps" data-testid="rekey-progress">
        {rekeySteps.map(([key, label], i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'waiting';
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
