import { z } from 'zod';
import { MAX_ID } from './ids';
import { dateSchema, todayIso } from './dates';
import { userRefSchema } from './users';

/**
 * Concerns that lead somewhere: a leader acknowledges a serious concern with what was done, and an underretning
 * (report of concern to the municipality; staff have a skærpet underretningspligt under Barnets lov, a personal duty)
 * is recorded as its own entry, never changed afterwards.
 */
export const acknowledgementActions = ['talked_with_family', 'contacted_caseworker', 'underretning_sent', 'team_informed', 'safety_plan', 'other'] as const;
export const acknowledgementActionLabels: Record<(typeof acknowledgementActions)[number], string> = {
  talked_with_family: 'Talt med familien',
  contacted_caseworker: 'Kontaktet sagsbehandleren',
  underretning_sent: 'Underretning sendt',
  team_informed: 'Indsatsteamet orienteret',
  safety_plan: 'Sikkerhedsplanen bragt i spil',
  other: 'Andet (se noten)',
};
export type AcknowledgementAction = (typeof acknowledgementActions)[number];

export const acknowledgementSchema = z.object({
  by: userRefSchema,
  at: z.string(),
  note: z.string().nullable(),
  actions: z.array(z.enum(acknowledgementActions)),
});

const text = (label: string, max: number) => z.string().trim().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst have ${max} tegn.`);

export const underretningInputSchema = z.strictObject({
  familyId: z.number().int().positive().max(MAX_ID),
  observationId: z.number().int().positive().max(MAX_ID).optional(),
  sentOn: dateSchema.refine((d) => d <= todayIso(), 'Datoen ligger i fremtiden.'),
  municipality: text('Kommune', 120),
  recipient: z.string().trim().max(200, 'Modtager må højst have 200 tegn.').optional(),
  reason: text('Begrundelse', 4000),
});

export const underretningSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  observationId: z.number().int().nullable(),
  sentOn: z.string(),
  municipality: z.string(),
  recipient: z.string().nullable(),
  reason: z.string(),
  sentBy: userRefSchema,
  createdAt: z.string(),
  amendments: z.array(z.object({ id: z.number().int(), author: userRefSchema, createdAt: z.string(), reason: z.string(), text: z.string() })),
});
export type Underretning = z.infer<typeof underretningSchema>;
