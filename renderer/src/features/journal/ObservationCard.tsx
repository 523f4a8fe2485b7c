import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { shiftLabels, type Observation } from '../../../../common/journal';
import { ApiError, call, errorText } from '../../app/api';
import { formatDateTime } from '../../ui/format';
import { Highlight } from '../../ui/Highlight';
import { Notice } from '../../ui/Field';

export function ConcernBadge({ concern }: { concern: Observation['concern'] }) {
  if (concern === 'none') return null;
  return <span className={`badge concern-${concern}`}>{concern === 'serious' ? 'Alvorlig bekymring' : 'Let bekymring'}</span>;
}

/** One signed observation with its amendments; signed text is never editable, only amended. */
export function ObservationCard({ observation, terms = [], showFamily = false, canAmend = true }: { observation: Observation; terms?: string[]; showFamily?: boolean; canAmend?: boolean }) {
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
        <Highlight text={observation.text} terms={terms} />
      </p>
      {observation.amendments.map((a) => (
        <div key={a.id} className="amendment">
          <div className="small">
            <strong>Rettelse</strong> af {a.author.name} den {formatDateTime(a.createdAt)} · Begrundelse: {a.reason}
          </div>
          <p className="observation-text">
            <Highlight text={a.text} terms={terms} />
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

function AmendForm({ observation, onDone }: { observation: Observation; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const mutation = useMutation({
    mutationFn: () => call('journal:amend', { observationId: observation.id, reason, text }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['family', observation.familyId] });
      onDone();
    },
  });
  const issues = mutation.error instanceof ApiError ? (mutation.error.error.issues ?? []) : [];
  const issue = (path: string) => issues.find((i) => i.path === path)?.message;
  return (
    <form
      className="amend-form"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          mutation.mutate();
        }
        if (e.key === 'Escape') onDone();
      }}
    >
      <p className="small muted">Det underskrevne notat ændres ikke. Rettelsen vises under det med dit navn, tidspunkt og begrundelse.</p>
      {mutation.isError && !issues.length && <Notice kind="error">{errorText(mutation.error)}</Notice>}
      <div className="field">
        <label htmlFor={`reason-${observation.id}`}>Begrundelse</label>
        <input id={`reason-${observation.id}`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus aria-invalid={issue('reason') ? true : undefined} />
        {issue('reason') && <span className="error">{issue('reason')}</span>}
      </div>
      <div className="field">
        <label htmlFor={`amend-${observation.id}`}>Rettelse</label>
        <textarea id={`amend-${observation.id}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={issue('text') ? true : undefined} />
        {issue('text') && <span className="error">{issue('text')}</span>}
      </div>
      <div className="actions">
        <button type="submit" disabled={mutation.isPending}>
          Gem rettelse
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Annullér
        </button>
        <span className="muted small">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> gemmer
        </span>
      </div>
    </form>
  );
}
