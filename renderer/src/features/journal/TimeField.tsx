import { format, isToday, isYesterday } from 'date-fns';
import { da } from 'date-fns/locale';
import { useState } from 'react';
import { timeFieldText } from './draftContent';

/** The syntax, shown beside the field (common/shift-time.ts parseTypedTime reads it). */
export const TIME_SYNTAX = 'Fx 18 · 18.00 · i går 22.40 · 24.11 18.00';

/** Why a typed time cannot be used, or null. A note is about something that has happened: not the future. */
export function timeProblem(at: Date | null, now = new Date()): string | null {
  if (!at) return 'Tidspunktet kan ikke læses. Skriv fx 18, 18.00, i går 22.40 eller 24.11 18.00.';
  if (at.getTime() > now.getTime() + 5 * 60_000) return 'Tidspunktet ligger i fremtiden. Skriv hvornår det skete.';
  return null;
}

/** "i dag, torsdag 03.12.2026 kl. 18.00": what the typed time was read as. */
function readAs(at: Date): string {
  const day = isToday(at) ? 'i dag, ' : isYesterday(at) ? 'i går, ' : '';
  return `${day}${format(at, "EEEE dd.MM.yyyy 'kl.' HH.mm", { locale: da })}`;
}

/**
 * The note's time as typed text — no date picker: Shift+Tab never lands in a calendar icon, and digits never run on
 * into the year. Shows how the text was read; when the field is left, a readable time is written out in full.
 * An unreadable time is pointed out once the field is left (or at signing); a future one at once.
 */
export function TimeField({ value, at, onChange, forced }: { value: string; at: Date | null; onChange: (text: string) => void; forced?: string }) {
  const [left, setLeft] = useState(false);
  const problem = timeProblem(at);
  const shown = forced ?? (at ? problem : left ? problem : null);
  const ids = ['entry-observedAt-hint', at && !shown ? 'entry-observedAt-read' : null, shown ? 'entry-observedAt-error' : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor="entry-observedAt">Tidspunkt</label>
      <input
        id="entry-observedAt"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={shown ? true : undefined}
        aria-describedby={ids}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          setLeft(true);
          if (at && !problem) onChange(timeFieldText(at));
        }}
      />
      <span className="hint" id="entry-observedAt-hint">
        {TIME_SYNTAX}
      </span>
      {at && !shown && (
        <span className="hint read-as" id="entry-observedAt-read" data-testid="time-read-as">
          = {readAs(at)}
        </span>
      )}
      {shown && (
        <span className="error" id="entry-observedAt-error" role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}
