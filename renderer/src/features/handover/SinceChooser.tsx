import { useState } from 'react';
import { formatClock, parseTypedTime, type ShiftTimes } from '../../../../common/shift-time';
import { TIME_SYNTAX, timeProblem } from '../journal/TimeField';

/** Where the handover starts: the previous shift block (null, the backend's default) or a chosen moment (ISO). */
export type Since = string | null;

/**
 * A compact chooser: »Forrige vagt«, »Siden i går kl. 07.00« (the day shift's start) or a typed time (»18«, »i går
 * 22.40«, »24.11 18.00«), shown with »Vis«.
 */
export function SinceChooser({ value, onChange, times }: { value: Since; onChange: (since: Since) => void; times: ShiftTimes }) {
  const yesterdayMorning = parseTypedTime(`i går ${formatClock(times.day)}`);
  const [kind, setKind] = useState<'shift' | 'yesterday' | 'typed'>(value === null ? 'shift' : 'typed');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (k: typeof kind) => {
    setKind(k);
    setProblem(null);
    if (k === 'shift') onChange(null);
    if (k === 'yesterday' && yesterdayMorning) onChange(yesterdayMorning.toISOString());
  };
  const showTyped = () => {
    const at = parseTypedTime(text);
    const wrong = timeProblem(at);
    setProblem(wrong);
    if (!wrong && at) onChange(at.toISOString());
  };
  return (
    <form
      className="since-chooser no-print"
      onSubmit={(e) => {
        e.preventDefault();
        showTyped();
      }}
    >
      <fieldset className="inline-group">
        <legend>Vis hvad der er sket</legend>
        <div className="radio-row">
          <label>
            <input type="radio" name="since" checked={kind === 'shift'} onChange={() => choose('shift')} /> Siden forrige vagt
          </label>
          <label>
            <input type="radio" name="since" checked={kind === 'yesterday'} onChange={() => choose('yesterday')} /> Siden i går kl. {formatClock(times.day)}
          </label>
          <label>
            <input type="radio" name="since" checked={kind === 'typed'} onChange={() => choose('typed')} /> Siden et andet tidspunkt
          </label>
          {kind === 'typed' && (
            <span className="since-typed">
              <label htmlFor="since-time" className="sr-only">
                Tidspunkt
              </label>
              <input
                id="since-time"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={TIME_SYNTAX}
                aria-describedby={problem ? 'since-time-error' : undefined}
                aria-invalid={problem ? true : undefined}
                autoFocus
              />
              <button type="submit" className="secondary">
                Vis
              </button>
            </span>
          )}
        </div>
        {problem && (
          <span className="error" id="since-time-error" role="alert">
            {problem}
          </span>
        )}
      </fieldset>
    </form>
  );
}
