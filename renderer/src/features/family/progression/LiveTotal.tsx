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
    return <p className="muted small">{def.name} giver ingen samlet score; hvert punkt gemmes for sig.</p>;
  }
  const range = totalRange(def);
  const low = live.cutoff && (live.cutoff.rule === 'lte' || live.cutoff.rule === 'lt');
  const zoneText =
    live.zone === 'flagged'
      ? `${low ? 'Under' : 'Over'} cut-off (${cutoffText(live.cutoff!.rule, live.cutoff!.value)})${live.cutoff!.label ? `: ${live.cutoff!.label}` : ''}`
      : live.zone === 'monitor'
        ? 'I overvågningszonen'
        : live.zone === 'ok'
          ? `Ikke markeret (cut-off ${cutoffText(live.cutoff!.rule, live.cutoff!.value)})`
          : def.cutoff
            ? 'Ingen cut-off for dette skema endnu'
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
