import { z } from 'zod';

/** Dates (YYYY-MM-DD) and timestamps (ISO 8601) as they cross the channel boundary. */
export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const dateSchema = z
  .string({ error: 'Angiv en dato.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Angiv en dato.')
  .refine(isRealDate, 'Datoen findes ikke.');

export const timestampSchema = z.iso.datetime({ message: 'Angiv dato og klokkeslæt.' });

/** Today in local time, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** The date `months` months after `date` (same day of month, or the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
