import { forwardRef, useState } from 'react';
import { shiftLabels, type Observation } from '../../../../common/journal';
import type { SearchQuery } from '../../../../common/search';
import { formatDateTime } from '../../ui/format';
import { Highlight } from '../../ui/Highlight';
import { AmendForm } from './AmendForm';
import { ConcernBadge } from './ConcernBadge';
import { foldedText, matchesBeyond } from './foldText';

/**
 * One signed observation with its amendments; signed text is never editable, only amended. A long note shows its
 * beginning with »Vis hele notatet«. `target`: the note a search hit or a handover line opened (marked, focusable).
 */
export const ObservationCard = forwardRef<HTMLElement, { observation: Observation; query?: SearchQuery | null; showFamily?: boolean; canAmend?: boolean; target?: boolean }>(
  function ObservationCard({ observation, query = null, showFamily = false, canAmend = true, target = false }, ref) {
    const [amending, setAmending] = useState(false);
    const folded = foldedText(observation.text);
    const [open, setOpen] = useState(() => folded === null || matchesBeyond(observation.text, folded, query));
    const textId = `notat-${observation.id}-tekst`;
    // data-testid stays "entry": the browser tests select observations by it (tests/e2e/daily-log.spec.ts).
    return (
      <article
        ref={ref}
        id={`notat-${observation.id}`}
        className={target ? 'observation target' : 'observation'}
        aria-label={`Notat ${formatDateTime(observation.observedAt)}`}
        data-testid="entry"
        tabIndex={target ? -1 : undefined}
      >
        <header className="observation-head">
          <strong>{formatDateTime(observation.observedAt).split(' ')[1]}</strong>
          <span className="muted">{shiftLabels[observation.shift]}</span>
          {showFamily && <span className="badge">{observation.familyName}</span>}
          {observation.category && <span className="badge">{observation.category.label}</span>}
          <ConcernBadge concern={observation.concern} />
          <span className="spacer" />
          <span className="muted small" title={`Underskrevet ${formatDateTime(observation.signedAt)}`}>
            {observation.author.name} ({observation.author.initials})
          </span>
        </header>
        {observation.persons.length > 0 && <div className="muted small">Vedrører: {observation.persons.map((p) => p.name).join(', ')}</div>}
        <p className="observation-text" id={textId}>
          <Highlight text={open || folded === null ? observation.text : folded} query={query} />
        </p>
        {folded !== null && (
          <div className="observation-actions no-print">
            <button type="button" className="link small" aria-expanded={open} aria-controls={textId} onClick={() => setOpen((o) => !o)}>
              {open ? 'Vis kun begyndelsen' : 'Vis hele notatet'}
            </button>
          </div>
        )}
        {observation.amendments.map((a) => (
          <div key={a.id} className="amendment">
            <div className="small">
              <strong>Rettelse</strong> af {a.author.name} den {formatDateTime(a.createdAt)} · Begrundelse: {a.reason}
            </div>
            <p className="observation-text">
              <Highlight text={a.text} query={query} />
            </p>
          </div>
        ))}
        {observation.concern === 'serious' && (
          <div className="small muted">
            {observation.acknowledgement
              ? `Kvitteret af ${observation.acknowledgement.by.name} den ${formatDateTime(observation.acknowledgement.at)}${observation.acknowledgement.note ? `: ${observation.acknowledgement.note}` : ''}`
              : 'Afventer kvittering fra en leder.'}
          </div>
        )}
        {canAmend && !amending && (
          <div className="observation-actions no-print">
            <button type="button" className="link small" onClick={() => setAmending(true)}>
              Tilføj rettelse
            </button>
          </div>
        )}
        {amending && <AmendForm observation={observation} onDone={() => setAmending(false)} />}
      </article>
    );
  },
);
