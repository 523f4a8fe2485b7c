import { addMonths, daysBetween } from '../../../../../common/dates';
import type { TimelineEntry } from '../../../../../common/discharge';

/**
 * The timeline's axis: from a little before the first step (or today) to a little after the target date (or the
 * last step), with a tick on the first of each month. Positions are percentages of the axis.
 */
export interface Scale {
  from: string;
  days: number;
  at: (date: string) => number;
  ticks: Array<{ date: string; left: number }>;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function timelineScale(entries: TimelineEntry[], today: string, targetDate: string | null): Scale {
  const starts = [today, ...entries.map((e) => e.startsOn)].sort();
  const ends = [today, ...(targetDate ? [targetDate] : []), ...entries.map((e) => e.lastDay)].sort();
  const from = addDays(starts[0] ?? today, -4);
  const to = addDays(ends.at(-1) ?? today, 5);
  const days = Math.max(daysBetween(from, to), 1);
  const at = (date: string) => Math.min(100, Math.max(0, (daysBetween(from, date) / days) * 100));
  const ticks: Scale['ticks'] = [];
  let month = `${from.slice(0, 7)}-01`;
  if (month < from) month = addMonths(month, 1);
  while (month <= to) {
    ticks.push({ date: month, left: at(month) });
    month = addMonths(month, 1);
  }
  return { from, days, at, ticks };
}

/** A step's bar: from its first day to the end of its last day (at least a sliver for a one-day step). */
export function barOf(scale: Scale, entry: TimelineEntry): { left: number; width: number } {
  const left = scale.at(entry.startsOn);
  const right = scale.at(addDays(entry.lastDay, 1));
  return { left, width: Math.max(right - left, 0.8) };
}
