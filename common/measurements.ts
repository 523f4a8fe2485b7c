import { z } from 'zod';
import { MAX_ID } from './ids';
import { dateSchema, todayIso } from './dates';
import { optionalText, requiredText } from './fields';
import { personKinds } from './families';
import { directions, instrumentSubjects } from './instruments';
import { itemAnswerSchema, zones } from './scoring';
import { userRefSchema } from './users';

/**
 * Measurements (målinger): item values entered by a rater for one person of the family; the backend scores them
 * with the same function the screen uses (common/scoring.ts). A measurement is never edited: a correction appends a
 * complete new version with a reason (the newest is in force; all are kept), and a measurement entered by mistake is
 * withdrawn the same way.
 */
const measurementFields = {
  measuredOn: dateSchema.refine((d) => d <= todayIso(), 'Datoen ligger i fremtiden.'),
  /** The staff member who rated (default: the one entering it); or `raterName` for an external coder. */
  raterId: z.number().int().positive().max(MAX_ID).nullable().optional().transform((v) => v ?? null),
  raterName: optionalText('Bedømmer', 120),
  /** The staff member the rated session was with (alliance instruments such as SRS). */
  staffId: z.number().int().positive().max(MAX_ID).nullable().optional().transform((v) => v ?? null),
  /** The questionnaire in months, for instruments with age intervals (ASQ:SE-2). */
  interval: z.number({ error: 'Vælg skemaets interval.' }).int().min(1).max(120).nullable().optional().transform((v) => v ?? null),
  items: z.array(itemAnswerSchema).max(100, 'Højst 100 punkter.'),
  note: optionalText('Note', 4000),
};

function oneRater(m: { raterId?: unknown; raterName?: unknown }, ctx: z.RefinementCtx) {
  if (typeof m === 'object' && m !== null && m.raterId && m.raterName) {
    ctx.addIssue({ code: 'custom', path: ['raterName'], message: 'Vælg enten en medarbejder eller skriv navnet på en ekstern bedømmer.' });
  }
}

export const measurementCreateSchema = z
  .strictObject({ familyId: z.number().int().positive().max(MAX_ID), personId: z.number({ error: 'Vælg hvem der er målt.' }).int().positive().max(MAX_ID), instrumentId: z.number({ error: 'Vælg et måleredskab.' }).int().positive().max(MAX_ID), ...measurementFields })
  .superRefine(oneRater, { when: () => true });

export const measurementCorrectSchema = z
  .strictObject({ measurementId: z.number().int().positive().max(MAX_ID), reason: requiredText('Begrundelse', 500), ...measurementFields })
  .superRefine(oneRater, { when: () => true });

export const measurementWithdrawSchema = z.strictObject({ measurementId: z.number().int().positive().max(MAX_ID), reason: requiredText('Begrundelse', 500) });

export const scoredItemSchema = z.object({ number: z.number().int(), value: z.number().nullable(), score: z.number().nullable(), concern: z.boolean(), text: z.string().nullable() });
export const appliedCutoffSchema = z.object({ rule: z.enum(['gte', 'gt', 'lte', 'lt']), value: z.number(), monitoringFrom: z.number().nullable(), label: z.string().nullable() });
export const ageAtSchema = z.object({ months: z.number().int(), days: z.number().int(), corrected: z.boolean(), weeksEarly: z.number().int() });

/** One version of a measurement: the original (reason null) or a correction. */
export const measurementRevisionSchema = z.object({
  id: z.number().int(),
  measuredOn: z.string(),
  interval: z.number().int().nullable(),
  rater: z.object({ userId: z.number().int().nullable(), name: z.string() }),
  staff: userRefSchema.nullable(),
  items: z.array(scoredItemSchema),
  total: z.number().nullable(),
  zone: z.enum(zones).nullable(),
  note: z.string().nullable(),
  withdrawn: z.boolean(),
  reason: z.string().nullable(),
  by: userRefSchema,
  at: z.string(),
});
export type MeasurementRevision = z.infer<typeof measurementRevisionSchema>;

export const measurementSchema = measurementRevisionSchema.omit({ id: true, reason: true, by: true, at: true }).extend({
  id: z.number().int(),
  familyId: z.number().int(),
  person: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(personKinds) }),
  instrument: z.object({
    id: z.number().int(),
    versionId: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    subject: z.enum(instrumentSubjects),
    scoring: z.enum(['sum', 'none']),
    direction: z.enum(directions).nullable(),
    perStaff: z.boolean(),
  }),
  flagged: z.boolean(),
  cutoff: appliedCutoffSchema.nullable(),
  /** The child's age on the day (corrected for prematurity when that applies); null for a parent. */
  age: ageAtSchema.nullable(),
  createdBy: userRefSchema,
  createdAt: z.string(),
  /** Every version, oldest first; the last is in force. */
  history: z.array(measurementRevisionSchema),
});
export type Measurement = z.infer<typeof measurementSchema>;
