import { z } from 'zod';
import { MAX_ID } from './ids';
import { timestampSchema } from './dates';
import { acknowledgementSchema } from './concerns';
import { userRefSchema } from './users';

/** The dagbog (journal): observations (one signed note each), drafts, amendments, shifts and concern levels. */
export const shifts = ['day', 'evening', 'night'] as const;
export const shiftLabels: Record<(typeof shifts)[number], string> = { day: 'Dag', evening: 'Aften', night: 'Nat' };
export type Shift = (typeof shifts)[number];

export const concerns = ['none', 'mild', 'serious'] as const;
export const concernLabels: Record<(typeof concerns)[number], string> = { none: 'Ingen', mild: 'Let', serious: 'Alvorlig' };
export type Concern = (typeof concerns)[number];

/** The shift a moment belongs to by the clock: dag 7-15, aften 15-23, nat 23-7. */
export function shiftAt(date: Date): Shift {
  const h = date.getHours();
  if (h >= 7 && h < 15) return 'day';
  if (h >= 15 && h < 23) return 'evening';
  return 'night';
}

/** Corrections one note (or underretning) may get; more means a new record is the clearer one. */
export const MAX_AMENDMENTS = 50;

/** The most a note may hold, counted in characters as the user sees them (an emoji or "é" is one). */
export const MAX_OBSERVATION_CHARS = 20_000;
/** And in bytes behind it (UTF-8), so that 20,000 characters of emoji or combining marks stay bounded. */
export const MAX_OBSERVATION_BYTES = 100_000;

const graphemes = new Intl.Segmenter('da', { granularity: 'grapheme' });

/** Characters as the user sees them (grapheme clusters). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** Why a note's text is too long, in Danish, or null. */
export function textTooLong(text: string, maxChars = MAX_OBSERVATION_CHARS, maxBytes = MAX_OBSERVATION_BYTES): string | null {
  const chars = visibleLength(text);
  if (chars > maxChars) return `Teksten er for lang: højst ${maxChars.toLocaleString('da-DK')} tegn, den har ${chars.toLocaleString('da-DK')}. Teksten er ikke gemt – del den i to notater.`;
  if (new TextEncoder().encode(text).length > maxBytes) return 'Teksten fylder for meget (mange specialtegn eller emoji). Teksten er ikke gemt – del den i to notater.';
  return null;
}

/** A note's text: bounded in visible characters and in bytes, with a message that says how long it is. */
export const observationTextSchema = z.string().superRefine((text, ctx) => {
  const problem = textTooLong(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const amendmentSchema = z.object({ id: z.number().int(), author: userRefSchema, createdAt: z.string(), reason: z.string(), text: z.string() });

export const observationSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  familyName: z.string(),
  observedAt: z.string(),
  shift: z.enum(shifts),
  category: z.object({ id: z.number().int(), label: z.string() }).nullable(),
  text: z.string(),
  concern: z.enum(concerns),
  author: userRefSchema,
  signedAt: z.string(),
  persons: z.array(z.object({ id: z.number().int(), name: z.string() })),
  amendments: z.array(amendmentSchema),
  acknowledgement: acknowledgementSchema.nullable(),
});
export type Observation = z.infer<typeof observationSchema>;

export const draftSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int().nullable(),
  familyName: z.string().nullable(),
  observedAt: z.string(),
  shift: z.enum(shifts),
  categoryId: z.number().int().nullable(),
  personIds: z.array(z.number().int()),
  text: z.string(),
  concern: z.enum(concerns),
  updatedAt: z.string(),
  /** On the institution's server: this save went to the workstation's own encrypted draft store (the server was away). */
  savedLocally: z.boolean().optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/**
 * A draft's id: positive for a draft in the database; negative for a draft kept only in this workstation's own
 * encrypted draft store while the institution's server was away (it gets a positive id once it reaches the server).
 */
export const draftIdSchema = z
  .number()
  .int()
  .min(-MAX_ID)
  .max(MAX_ID)
  .refine((n) => n !== 0, 'Kladden findes ikke.');

export const draftContentSchema = z.strictObject({
  familyId: z.number().int().positive().max(MAX_ID).nullable(),
  observedAt: timestampSchema,
  shift: z.enum(shifts),
  categoryId: z.number().int().positive().max(MAX_ID).nullable(),
  personIds: z.array(z.number().int().positive().max(MAX_ID)).max(30),
  text: observationTextSchema,
  concern: z.enum(concerns),
});
export type DraftContent = z.output<typeof draftContentSchema>;


