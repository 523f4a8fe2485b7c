import { z } from 'zod';

/** Domain labels (screen text) and schemas for families, persons, the team and the daily log. */
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

export const teamRoles = ['caseworker', 'ambulant_family_therapist', 'health_visitor', 'midwife', 'psychologist', 'family_therapist', 'other'] as const;
export const teamRoleLabels: Record<(typeof teamRoles)[number], string> = {
  caseworker: 'Sagsbehandler',
  ambulant_family_therapist: 'Ambulant familiebehandler',
  health_visitor: 'Sundhedsplejerske',
  midwife: 'Jordemoder',
  psychologist: 'Psykolog',
  family_therapist: 'Familiebehandler',
  other: 'Andet',
};

export const shifts = ['day', 'evening', 'night'] as const;
export const shiftLabels: Record<(typeof shifts)[number], string> = { day: 'Dag', evening: 'Aften', night: 'Nat' };
export type Shift = (typeof shifts)[number];

export const concerns = ['none', 'mild', 'serious'] as const;
export const concernLabels: Record<(typeof concerns)[number], string> = { none: 'Ingen', mild: 'Let', serious: 'Alvorlig' };
export type Concern = (typeof concerns)[number];

export const DEFAULT_LEGAL_BASIS = 'Barnets lov § 32, stk. 1: familieanbringelse i form af døgnophold';

/** The shift a moment belongs to by the clock: dag 7-15, aften 15-23, nat 23-7. */
export function shiftAt(date: Date): Shift {
  const h = date.getHours();
  if (h >= 7 && h < 15) return 'day';
  if (h >= 15 && h < 23) return 'evening';
  return 'night';
}

function validDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const dateSchema = z
  .string({ error: 'Angiv en dato.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Angiv en dato.')
  .refine(validDate, 'Datoen findes ikke.');

export const timestampSchema = z.iso.datetime({ message: 'Angiv dato og klokkeslæt.' });

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

export const teamMemberSchema = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  name: z.string(),
  internal: z.boolean(),
  role: z.enum(teamRoles),
  roleOther: z.string().nullable(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  isCoordinator: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const familySummarySchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  phase: z.enum(phases),
  startDate: z.string(),
  plannedEndDate: z.string(),
  endDate: z.string().nullable(),
  daysInPlacement: z.number().int().nullable(),
  lastEntryAt: z.string().nullable(),
  openSeriousConcerns: z.number().int(),
  coordinatorName: z.string().nullable(),
});
export type FamilySummary = z.infer<typeof familySummarySchema>;

export const userRefSchema = z.object({ id: z.number().int(), name: z.string(), initials: z.string() });

export const amendmentSchema = z.object({ id: z.number().int(), author: userRefSchema, createdAt: z.string(), reason: z.string(), text: z.string() });

export const entrySchema = z.object({
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
  acknowledgement: z.object({ by: userRefSchema, at: z.string(), note: z.string().nullable() }).nullable(),
});
export type Entry = z.infer<typeof entrySchema>;

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
});
export type Draft = z.infer<typeof draftSchema>;

export const draftContentSchema = z.strictObject({
  familyId: z.number().int().positive().nullable(),
  observedAt: timestampSchema,
  shift: z.enum(shifts),
  categoryId: z.number().int().positive().nullable(),
  personIds: z.array(z.number().int().positive()).max(30),
  text: z.string().max(20_000, 'Notatet må højst have 20.000 tegn.'),
  concern: z.enum(concerns),
});

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
  coordinatorHistory: z.array(z.object({ memberId: z.number().int(), name: z.string(), fromAt: z.string(), toAt: z.string().nullable(), setBy: z.string() })),
  openConcerns: z.array(entrySchema),
  latestEntries: z.array(entrySchema),
});
export type FamilyDetail = z.infer<typeof familyDetailSchema>;

export const searchHitSchema = entrySchema.extend({ terms: z.array(z.string()) });
