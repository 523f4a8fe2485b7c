import { addMonths, daysBetween } from './dates';

/**
 * A child's age in months and days, corrected for prematurity, as the ASQ age calculator counts it:
 * - age = whole months from the birth date (the same day of month, or the month's last day) plus the days since;
 * - a child born 3 weeks or more before the terminsdato (persons.due_date, kept after birth) has its age corrected
 *   by the whole weeks born early ("age minus the weeks born before the due date") until it is 24 months old by the
 *   calendar; from then on the age is the calendar age.
 * Dates are YYYY-MM-DD; every function is pure (no clock).
 */
export interface Age {
  months: number;
  days: number;
}

export interface ChildDates {
  birthDate: string;
  dueDate: string | null;
}

/** Born this many whole weeks early or more: the age is corrected. */
export const PREMATURE_WEEKS = 3;
/** Corrected until this calendar age. */
export const CORRECT_UNTIL_MONTHS = 24;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Whole months and remaining days from `from` to `to`; null when `to` is before `from`. */
export function ageBetween(from: string, to: string): Age | null {
  if (to < from) return null;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months--;
  return { months, days: daysBetween(addMonths(from, months), to) };
}

export function compareAge(a: Age, b: Age): number {
  return a.months - b.months || a.days - b.days;
}

/** Whole weeks born before the terminsdato (0 when not early or unknown). */
export function weeksEarly(child: ChildDates): number {
  if (!child.dueDate) return 0;
  const days = daysBetween(child.birthDate, child.dueDate);
  return days > 0 ? Math.floor(days / 7) : 0;
}

/** Whether the child's age is corrected at all (born 3 weeks or more early). */
export function isPremature(child: ChildDates): boolean {
  return weeksEarly(child) >= PREMATURE_WEEKS;
}

export interface ChildAge {
  /** The age used for instruments and schedules: corrected while that applies, else the calendar age. */
  age: Age;
  chronological: Age;
  corrected: boolean;
  weeksEarly: number;
}

/** The child's age on a date; null before birth. A corrected age before the terminsdato is 0 months 0 days. */
export function childAge(child: ChildDates, on: string): ChildAge | null {
  const chronological = ageBetween(child.birthDate, on);
  if (!chronological) return null;
  const weeks = weeksEarly(child);
  if (weeks < PREMATURE_WEEKS || chronological.months >= CORRECT_UNTIL_MONTHS) return { age: chronological, chronological, corrected: false, weeksEarly: weeks };
  const age = ageBetween(addDays(child.birthDate, weeks * 7), on) ?? { months: 0, days: 0 };
  return { age, chronological, corrected: true, weeksEarly: weeks };
}

/** The first date on which the age counted from `from` is at least `age`. */
function firstDateFrom(from: string, age: Age): string {
  return minDate(addDays(addMonths(from, age.months), age.days), addMonths(from, age.months + 1));
}

/** The first date on which the child's (corrected) age is at least `age`. */
export function firstDateAtAge(child: ChildDates, age: Age): string {
  const weeks = weeksEarly(child);
  if (weeks < PREMATURE_WEEKS) return firstDateFrom(child.birthDate, age);
  const corrected = firstDateFrom(addDays(child.birthDate, weeks * 7), age);
  const turns24 = addMonths(child.birthDate, CORRECT_UNTIL_MONTHS);
  if (corrected < turns24) return corrected;
  return maxDate(turns24, firstDateFrom(child.birthDate, age));
}

/** The last date on which the child's (corrected) age is at most `age`. */
export function lastDateAtAge(child: ChildDates, age: Age): string {
  return addDays(firstDateAtAge(child, { months: age.months, days: age.days + 1 }), -1);
}

/** "4 mdr. og 3 dage" */
export function formatAge(age: Age): string {
  const months = age.months === 1 ? '1 md.' : `${age.months} mdr.`;
  return `${months} og ${age.days} ${age.days === 1 ? 'dag' : 'dage'}`;
}
