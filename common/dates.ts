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
