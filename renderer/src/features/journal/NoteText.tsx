import { useDeferredValue } from 'react';
import { MAX_OBSERVATION_CHARS, textTooLong, visibleLength } from '../../../../common/journal';
import { formatDateTime } from '../../ui/format';

const n = (v: number) => v.toLocaleString('da-DK');

/** Why the text cannot be saved, honestly: it is still here, and what was saved before is still saved. */
export function tooLongMessage(text: string, savedAt: string | null): string | null {
  if (!textTooLong(text)) return null;
  const chars = visibleLength(text);
  const what =
    chars > MAX_OBSERVATION_CHARS
      ? `Teksten er for lang til at blive gemt: den har ${n(chars)} tegn, og et notat kan højst have ${n(MAX_OBSERVATION_CHARS)}.`
      : 'Teksten fylder for meget til at blive gemt (mange specialtegn eller emoji).';
  const kept = savedAt ? ` Kladden fra kl. ${formatDateTime(savedAt).split(' ')[1]} er stadig gemt, uden det sidste.` : '';
  return `${what} Den står stadig her i feltet – forkort den, eller del den i to notater.${kept}`;
}

/** The note's text with a counter of characters as the user sees them (an emoji or "é" is one). */
export function NoteText({ value, onChange, error, savedAt }: { value: string; onChange: (text: string) => void; error?: string; savedAt: string | null }) {
  const deferred = useDeferredValue(value);
  const count = visibleLength(deferred);
  const tooLong = tooLongMessage(deferred, savedAt);
  const shown = tooLong ?? error;
  return (
    <div className="field">
      <label htmlFor="entry-text">Notat</label>
      <textarea
        id="entry-text"
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`entry-text-count${shown ? ' entry-text-error' : ''}`}
      />
      <span className={count > MAX_OBSERVATION_CHARS ? 'counter over' : 'counter'} id="entry-text-count" data-testid="text-counter">
        {n(count)} af {n(MAX_OBSERVATION_CHARS)} tegn
      </span>
      {shown && (
        <span className="error" id="entry-text-error" role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}
