import { z } from 'zod';
import type { Shift } from './journal';

/**
 * The institution's shift times and the typed times staff write notes with.
 *
 * Shifts: day from `day`, evening from `evening`, night from `night` (default 07.00, 15.00, 23.00), as minutes after
 * midnight. A note's shift follows the note's time, not the clock at which it is written.
 */
export const shiftTimesSchema = z.object({
  day: z.number().int().min(0).max(1439),
  evening: z.number().int().min(0).max(1439),
  night: z.number().int().min(0).max(1439),
});
export type ShiftTimes = z.infer<typeof shiftTimesSchema>;
export const DEFAULT_SHIFT_TIMES: ShiftTimes = { day: 7 * 60, evening: 15 * 60, night: 23 * 60 };

/** The shift a moment belongs to (local time). */
export function shiftOf(date: Date, times: ShiftTimes = DEFAULT_SHIFT_TIMES): Shift {
  const m = date.getHours() * 60 + date.getMinutes();
  const order = (['day', 'evening', 'night'] as const).map((s) => [s, times[s]] as const).sort((a, b) => a[1] - b[1]);
  const latest = order.at(-1);
  if (!latest) throw new Error('shiftOf: no shifts to choose from');
  let current: Shift = latest[0];
  for (const [shift, start] of order) if (m >= start) current = shift;
  return current;
}

/** When the shift block containing `date` started (local time). */
export function shiftStart(date: Date, times: ShiftTimes = DEFAULT_SHIFT_TIMES): Date {
  const shift = shiftOf(date, times);
  const start = new Date(date);
  start.setHours(Math.floor(times[shift] / 60), times[shift] % 60, 0, 0);
  if (start > date) start.setDate(start.getDate() - 1);
  return start;
}

/** The start of the shift block before the one `date` is in: what a shift handover covers by default. */
export function previousShiftStart(date: Date, times: ShiftTimes = DEFAULT_SHIFT_TIMES): Date {
  const current = shiftStart(date, times);
  return shiftStart(new Date(current.getTime() - 60_000), times);
}

/** "14.05" from minutes after midnight. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}.${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes after midnight from "7", "07", "7.30", "07:30", "0730"; null when not a time. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/**
 * A typed note time (local). The syntax, also shown beside the field:
 *   "18" or "18.00" or "1800"      today at 18.00 — or yesterday, when today's 18.00 is still to come
 *   "i går 22.40"                  yesterday at 22.40 ("igår" too; "i forgårs" is two days back)
 *   "24.11 18.00", "24.11.2026 18.00", "24/11 18"   that date
 * Returns null when the text is not such a time.
 */
export function parseTypedTime(text: string, now: Date = new Date()): Date | null {
  const t = text.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');
  let days = 0;
  let rest = t;
  const relative = /^(i ?forgårs|i ?går|i ?dag)\s*(.*)$/.exec(t);
  if (relative) {
    // Both groups always take part in a match.
    const [, when = '', after = ''] = relative;
    days = when.includes('forgårs') ? 2 : when.includes('går') ? 1 : 0;
    rest = after;
  }
  const dated = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}))?\.?\s+(.+)$/.exec(rest);
  if (dated && !relative) {
    const clock = parseClock(dated[4] ?? ''); // the time group always takes part in a match
    if (clock === null) return null;
    const year = dated[3] ? Number(dated[3]) : now.getFullYear();
    const d = new Date(year, Number(dated[2]) - 1, Number(dated[1]), Math.floor(clock / 60), clock % 60);
    if (d.getDate() !== Number(dated[1]) || d.getMonth() !== Number(dated[2]) - 1) return null;
    // A day and month without a year that would lie ahead means last year (written up after New Year).
    if (!dated[3] && d.getTime() > now.getTime() + 5 * 60_000) d.setFullYear(d.getFullYear() - 1);
    return d;
  }
  const clock = parseClock(rest);
  if (clock === null) return null;
  const d = new Date(now);
  d.setDate(d.getDate() - days);
  d.setHours(Math.floor(clock / 60), clock % 60, 0, 0);
  // A bare time still to come today means the last time it was that (a night shift writing up the evening).
  if (!relative && d.getTime() > now.getTime() + 5 * 60_000) d.setDate(d.getDate() - 1);
  return d;
}
