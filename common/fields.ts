import { z } from 'zod';
import { MAX_ID } from './ids';

/**
 * Text fields of the progression records: trimmed, bounded, with Danish messages, and NFC-normalised in the schema
 * itself, so what the screen validates is exactly what is stored ("é" typed as e + accent is stored as one letter).
 */
export const nfc = (s: string): string => s.normalize('NFC');

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} skal udfyldes.` })
    .trim()
    .min(1, `${label} skal udfyldes.`)
    .max(max, `${label} må højst have ${max.toLocaleString('da-DK')} tegn.`)
    .transform(nfc);
}

/** Optional text: empty or missing is null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} må højst have ${max.toLocaleString('da-DK')} tegn.`)
    .transform((s) => (s === '' ? null : nfc(s)))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

/** A list of ids with a bound and a Danish message. */
export function idList(label: string, max: number) {
  return z
    .array(z.number().int().positive().max(MAX_ID), { error: `${label}: angiv en liste.` })
    .max(max, `${label}: højst ${max} ad gangen.`);
}
