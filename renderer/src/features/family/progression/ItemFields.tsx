import type { InstrumentDefinition } from '../../../../../common/instruments';
import { formatNumber } from '../../../../../common/scoring';
import { parseNumber, type MeasurementFormApi } from './measurementForm';

/**
 * One input per item, in a grid: numbers as text (decimal comma allowed), a choice where only some values are allowed
 * (ASQ:SE-2's 0, 5, 10), a concern mark where the instrument has one, a text box for note items (NBO). An item's
 * message shows once something is typed in it, or after an attempt to save.
 */
export function ItemFields({ def, count, form, issues, showAll }: { def: InstrumentDefinition; count: number; form: MeasurementFormApi; issues: Map<string, string>; showAll: boolean }) {
  const items = form.watch('items');
  const { min, max, allowed, concernPoints, labels, kind, reverse, decimals } = def.items;
  const range = `${formatNumber(min)}–${formatNumber(max)}`;
  return (
    <fieldset className="items-grid-wrap">
      <legend>
        Punkter{' '}
        <span className="muted small">
          {kind === 'note' ? `(${count} noter)` : `(${count} punkter, hver ${allowed ? allowed.map(formatNumber).join(', ') : range}${decimals ? ', én decimal' : ''})`}
        </span>
      </legend>
      <div className={kind === 'note' ? 'items-notes' : 'items-grid'}>
        {Array.from({ length: count }, (_, i) => {
          const id = `item-${i}`;
          const item = items[i];
          const typed = Boolean((item?.value ?? '').trim() || (item?.text ?? '').trim());
          const error = showAll || typed ? issues.get(`items.${i}.value`) ?? issues.get(`items.${i}.text`) ?? issues.get(`items.${i}.concern`) : undefined;
          const label = `Punkt ${i + 1}${labels[i] ? `: ${labels[i]}` : ''}`;
          const invalid = error ? true : undefined;
          const describedBy = error ? `${id}-error` : undefined;
          return (
            <div key={i} className={`item-field${error ? ' has-error' : ''}`}>
              <label htmlFor={id}>
                {label}
                {reverse.includes(i + 1) && <span className="muted small" title="Scores omvendt"> (omvendt)</span>}
              </label>
              {kind === 'note' ? (
                <textarea id={id} rows={2} {...form.register(`items.${i}.text`)} aria-invalid={invalid} aria-describedby={describedBy} />
              ) : allowed ? (
                <select id={id} {...form.register(`items.${i}.value`)} aria-invalid={invalid} aria-describedby={describedBy}>
                  <option value="">–</option>
                  {allowed.map((v) => (
                    <option key={v} value={String(v)}>
                      {formatNumber(v)}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={id} type="text" inputMode="decimal" autoComplete="off" className="item-input" {...form.register(`items.${i}.value`)} aria-invalid={invalid} aria-describedby={describedBy} />
              )}
              {concernPoints !== null && (
                <label className="check-inline small">
                  <input type="checkbox" {...form.register(`items.${i}.concern`)} /> Bekymring
                </label>
              )}
              {error && (
                <span className="error" id={`${id}-error`} role="alert">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The index of the first item with a message, for focusing it after a refused save. */
export function firstItemIssue(issues: Map<string, string>, count: number): number | null {
  for (let i = 0; i < count; i++) if ([...issues.keys()].some((k) => k.startsWith(`items.${i}.`))) return i;
  return null;
}

export const itemHasValue = (value: string) => parseNumber(value) !== null;
