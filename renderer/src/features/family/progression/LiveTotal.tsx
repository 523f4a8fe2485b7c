import type { InstrumentDefinition } from '../../../../../common/instruments';
import { formatNumber, totalRange } from '../../../../../common/scoring';
import { cutoffText } from '../../../ui/charts/chartModel';
import type { liveScore } from './measurementForm';

/**
 * The total while items are typed, from the one scoring function, and whether it is flagged by the cut-off — read out
 * politely by screen readers as it changes.
 */
export function LiveTotal({ def, live }: { def: InstrumentDefinition; live: ReturnType<typeof liveScore> }) {
  if (def.scoring !== 'sum' || def.items.kind !== 'score') {
    return <p className="muted small">{def.name} giver ingen samlet total; hvert punkt gemmes for sig.</p>;
  }
  const range = totalRange(def);
  const cutoff = live.cutoff;
  const low = cutoff && (cutoff.rule === 'lte' || cutoff.rule === 'lt');
  const zoneText =
    cutoff && live.zone === 'flagged'
      ? `${low ? 'Under' : 'Over'} grænseværdien (${cutoffText(cutoff.rule, cutoff.value)})${cutoff.label ? `: ${cutoff.label}` : ''}`
      : live.zone === 'monitor'
        ? 'I overvågningszonen'
        : cutoff && live.zone === 'ok'
          ? `Ikke markeret (grænseværdi ${cutoffText(cutoff.rule, cutoff.value)})`
          : def.cutoff
            ? 'Ingen grænseværdi for dette skema endnu'
            : null;
  return (
    <div className={`live-total${live.zone === 'flagged' ? ' flagged' : live.zone === 'monitor' ? ' monitor' : ''}`} aria-live="polite" data-testid="live-total">
      <span>
        Total: <strong>{live.total === null ? '–' : formatNumber(live.total)}</strong>
        {range && <span className="muted"> (mulig {formatNumber(range.min)}–{formatNumber(range.max)})</span>}
      </span>
      {zoneText && <span className="live-zone">{live.zone === 'flagged' ? '⚠ ' : ''}{zoneText}</span>}
    </div>
  );
}
