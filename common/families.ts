import { z } from 'zod';
import { dateSchema } from './dates';
import { observationSchema } from './journal';
import { coordinatorPeriodSchema, teamMemberSchema } from './team';

/** Families (forløb): phases, outcome, persons (CPR optional, masked), and the family's summary and detail. */
export const phases = ['intake', 'stay', 'closing'] as const;
export const phaseLabels: Record<(typeof phases)[number], string> = {
  intake: 'Indledende kontakt',
  stay: 'Familieanbringelse',
  closing: 'Afslutning',
};
export type Phase = (typeof phases)[number];

export const outcomes = ['own_home', 'other_intervention', 'child_placed', 'other'] as const;
export const outcomeLabels: Record<(typeof outcomes)[number], string> = {
  own_home: 'Eget hjem',
  other_intervention: 'Anden indsats',
  child_placed: 'Anbringelse af barnet',
  other: 'Andet',
};

export const personKinds = ['mother', 'father', 'co_mother', 'step_parent', 'child', 'sibling'] as const;
export const personKindLabels: Record<(typeof personKinds)[number], string> = {
  mother: 'Mor',
  father: 'Far',
  co_mother: 'Medmor',
  step_parent: 'Bonusforælder',
  child: 'Barn',
  sibling: 'Søskende',
};
export type PersonKind = (typeof personKinds)[number];

export const DEFAULT_LEGAL_BASIS = 'Barnets lov § 32, stk. 1: familieanbringelse i form af døgnophold';

/** CPR: ddmmåå-xxxx with a real date. Kept inside the encrypted database; masked on screen; never in logs or file names. */
export const cprSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .refine((s) => /^\d{6}-?\d{4}$/.test(s), 'CPR-nummeret skal have formen ddmmåå-xxxx.')
  .transform((s) => (s.includes('-') ? s : `${s.slice(0, 6)}-${s.slice(6)}`))
  .refine((s) => {
    const dd = Number(s.slice(0, 2));
    const mm = Number(s.slice(2, 4));
    return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
  }, 'CPR-nummerets første seks cifre skal være en dato.');

export function maskCpr(cpr: string | null): string | null {
  return cpr ? `${cpr.slice(0, 6)}-••••` : null;
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} må højst have ${max} tegn.`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** An optional field: empty text means "not given" (null); anything else must pass `schema` with its own message. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable()).optional().transform((v) => v ?? null);
}

export const personInputSchema = z
  .strictObject({
    kind: z.enum(personKinds, { error: 'Vælg hvem personen er.' }),
    name: z.string().trim().min(1, 'Navn skal udfyldes.').max(120, 'Navn må højst have 120 tegn.'),
    cpr: optional(cprSchema),
    birthDate: optional(dateSchema),
    dueDate: optional(dateSchema),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'child' && !p.birthDate && !p.dueDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Angiv fødselsdato, eller terminsdato hvis barnet ikke er født.' });
    }
    if (p.birthDate && p.dueDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Et født barn har ikke en terminsdato.' });
  });

export const familyFieldsSchema = z.strictObject({
  displayName: z.string().trim().min(1, 'Familiens navn skal udfyldes.').max(120, 'Familiens navn må højst have 120 tegn.'),
  municipality: optionalText(120, 'Kommune'),
  caseworkerName: optionalText(120, 'Sagsbehandler'),
  caseworkerContact: optionalText(200, 'Kontakt'),
  legalBasis: z.string().trim().min(1, 'Lovgrundlag skal udfyldes.').max(300).default(DEFAULT_LEGAL_BASIS),
  startDate: dateSchema,
  plannedEndDate: optional(dateSchema),
});

export const personSchema = z.object({
  id: z.number().int(),
  kind: z.enum(personKinds),
  name: z.string(),
  cprMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type Person = z.infer<typeof personSchema>;

export const familySummarySchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  phase: z.enum(phases),
  startDate: z.string(),
  plannedEndDate: z.string(),
  endDate: z.string().nullable(),
  daysInPlacement: z.number().int().nullable(),
  lastObservationAt: z.string().nullable(),
  openSeriousConcerns: z.number().int(),
  coordinatorName: z.string().nullable(),
});
export type FamilySummary = z.infer<typeof familySummarySchema>;

export const familyDetailSchema = familySummarySchema.extend({
  municipality: z.string().nullable(),
  caseworkerName: z.string().nullable(),
  caseworkerContact: z.string().nullable(),
  legalBasis: z.string(),
  outcome: z.enum(outcomes).nullable(),
  outcomeNote: z.string().nullable(),
  persons: z.array(personSchema),
  phases: z.array(z.object({ phase: z.enum(phases), fromDate: z.string(), recordedBy: z.string(), recordedAt: z.string() })),
  team: z.array(teamMemberSchema),
  coordinatorHistory: z.array(coordinatorPeriodSchema),
  openConcerns: z.array(observationSchema),
  latestObservations: z.array(observationSchema),
});
export type FamilyDetail = z.infer<typeof familyDetailSchema>;
