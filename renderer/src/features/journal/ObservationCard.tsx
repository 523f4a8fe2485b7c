import { useState } from 'react';
import { shiftLabels, type Observation } from '../../../../common/journal';
import type { SearchQuery } from '../../../../common/search';
import { formatDateTime } from '../../ui/format';
import { Highlight } from '../../ui/Highlight';
import { AmendForm } from './AmendForm';
import { ConcernBadge } from './ConcernBadge';

/** One signed observation with its amendments; signed text is never editable, only amended. */
export function ObservationCard({ observation, query = null, showFamily = false, canAmend = true }: { observation: Observation; query?: SearchQuery | null; showFamily?: boolean; canAmend?: boolean }) {
  const [amending, setAmending] = useState(false);
  // data-testid stays "entry": the browser tests select observations by it (tests/e2e/daily-log.spec.ts).
  return (
    <article className="observation" aria-label={`Notat ${formatDateTime(observation.observedAt)}`} data-testid="entry">
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
      <p className="observation-text">
        <Highlight text={observation.text} query={query} />
      </p>
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
        <button type="button" className="link small no-print" onClick={() => setAmending(true)}>
          Tilføj rettelse
        </button>
      )}
      {amending && <AmendForm observation={observation} onDone={() => setAmending(false)} />}
    </article>
  );
}
