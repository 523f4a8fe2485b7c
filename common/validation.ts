import { z } from 'zod';
import type { FieldIssue } from './errors';

let configured = false;

const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  int: 'et helt tal',
  boolean: 'ja eller nej',
  array: 'en liste',
  object: 'en gruppe af felter',
  date: 'en dato',
};

/**
 * Danish messages for zod's built-in checks everywhere zod is used: zod's own Danish locale, except for wrong types,
 * which it words for programmers ("forventede streng, fik undefined"): a missing field says it must be filled in, a
 * wrong kind of value says what is expected, in words a staff member reads.
 */
export function useDanishZodMessages(): void {
  if (configured) return;
  z.config({
    ...z.locales.da(),
    customError: (issue) => {
      if (issue.code === 'invalid_type') {
        if (issue.input === undefined || issue.input === null) return 'Skal udfyldes.';
        return `Skal være ${typeNames[issue.expected] ?? 'en anden slags værdi'}.`;
      }
      if (issue.code === 'unrecognized_keys') return `Ukendt felt: ${issue.keys.map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k)).join(', ')}.`;
      return undefined;
    },
  });
  configured = true;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Every string in a payload in Unicode NFC, so text is stored one way whatever keyboard or paste it came from (an "é"
 * typed as e + accent and as one character are the same). Other values pass through; depth is bounded.
 */
export function normalizeStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => normalizeStrings(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = normalizeStrings(v, depth + 1);
  return out;
}
