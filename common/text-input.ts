import { z } from 'zod';
import { dateSchema } from './dates';

/**
 * Text fields of the network and plan records: trimmed, stored NFC-normalised (an "ø" typed as o + combining stroke
 * is stored as the one letter), and bounded; every message in Danish and naming the field.
 */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} skal udfyldes.` })
    .transform((s) => s.trim().normalize('NFC'))
    .pipe(z.string().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst have ${max} tegn.`));

/** Optional text: empty or missing is null. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label} skal være tekst.` })
    .transform((s) => s.trim().normalize('NFC'))
    .pipe(z.string().max(max, `${label} må højst have ${max} tegn.`))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** An optional date: empty or missing is null. */
export const optionalDate = z
  .preprocess((v) => (v === '' ? null : v), dateSchema.nullable())
  .optional()
  .transform((v) => v ?? null);

/** A list with a Danish message at its maximum. */
export const list = <T extends z.ZodType>(item: T, max: number, what: string) => z.array(item).max(max, `Højst ${max} ${what}.`);

/** Dates as the screen shows them: dd.mm.åååå. */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
