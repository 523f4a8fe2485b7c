import { z } from 'zod';
import { addMonths, dateSchema, isRealDate, todayIso } from './dates';
import { underretningSchema } from './concerns';
import { dischargeStatusSchema } from './discharge';
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

/**
 * The birth date a CPR number states: ddmmåå, with the century from the seventh digit (CPR-kontoret's rule: 0–3 →
 * 1900s; 4 and 9 → 2000–2036, else 1900s; 5–8 → 2000–2057, else 1858–1899). Only the date is checked, never the
 * modulus-11 control: numbers issued since 2007 need not satisfy it.
 */
export function cprBirthDate(cpr: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})-?(\d)\d{3}$/.exec(cpr);
  if (!m) return null;
  const [, dd, mm, yy, seventh] = m as unknown as [string, string, string, string, string];
  const y = Number(yy);
  const s = Number(seventh);
  const century = s <= 3 ? 1900 : s === 4 || s === 9 ? (y <= 36 ? 2000 : 1900) : y <= 57 ? 2000 : 1800;
  const date = `${century + y}-${mm}-${dd}`;
  return isRealDate(date) ? date : null;
}

/** CPR: ddmmåå-xxxx whose first six digits are a real, past date. Kept inside the encrypted database; masked on screen; never in logs or file names. */
export const cprSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s/g, ''))
  .refine((s) => /^\d{6}-?\d{4}$/.test(s), 'CPR-nummeret skal have formen ddmmåå-xxxx.')
  .transform((s) => (s.includes('-') ? s : `${s.slice(0, 6)}-${s.slice(6)}`))
  .refine((s) => cprBirthDate(s) !== null, 'CPR-nummerets første seks cifre er ikke en dato, der findes (fx 31.02).')
  .refine((s) => (cprBirthDate(s) ?? '') <= todayIso(), 'CPR-nummerets dato ligger i fremtiden.');

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

export const birthDateSchema = dateSchema.refine((d) => d <= todayIso(), 'Fødselsdatoen ligger i fremtiden.').refine((d) => d >= '1900-01-01', 'Fødselsdatoen er for langt tilbage.');

/** The name an unborn child is shown by until it is born and named. */
export const UNBORN_CHILD_NAME = 'Ufødt barn';

/**
 * A person. Every rule is checked at once, so a form shows all its problems together: a real CPR date, a birth date
 * not in the future, a terminsdato between a month ago and ten months ahead (for an unborn child; a born child keeps
 * its terminsdato, within four months of the birth, for the corrected age of a premature child), and an unborn
 * child needs no name.
 */
export const personInputSchema = z
  .strictObject({
    kind: z.enum(personKinds, { error: 'Vælg hvem personen er.' }),
    name: z.string().trim().max(120, 'Navn må højst have 120 tegn.').default(''),
    cpr: optional(cprSchema),
    birthDate: optional(birthDateSchema),
    dueDate: optional(dateSchema),
  })
  .superRefine((p, ctx) => {
    // With `when`, this also runs when a field failed, or on a payload that is not an object at all.
    if (typeof p !== 'object' || p === null) return;
    const unborn = p.kind === 'child' && !p.birthDate;
    if (!p.name && !unborn) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Navn skal udfyldes.' });
    if (p.kind === 'child' && !p.birthDate && !p.dueDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Angiv fødselsdato, eller terminsdato hvis barnet ikke er født.' });
    }
    const due = typeof p.dueDate === 'string' && isRealDate(p.dueDate) ? p.dueDate : null;
    const birth = typeof p.birthDate === 'string' && isRealDate(p.birthDate) ? p.birthDate : null;
    if (due && !p.birthDate) {
      const today = todayIso();
      if (due < addMonths(today, -1) || due > addMonths(today, 10)) {
        ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Terminsdatoen skal ligge mellem en måned før og ti måneder efter i dag.' });
      }
    }
    if (due && birth && (due < addMonths(birth, -4) || due > addMonths(birth, 4))) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Terminsdatoen skal ligge højst fire måneder fra fødselsdatoen.' });
    }
    if (typeof p.cpr === 'string' && birth && cprBirthDate(p.cpr) && cprBirthDate(p.cpr) !== birth) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Fødselsdatoen passer ikke med CPR-nummeret.' });
    }
  }, { when: () => true });

export const familyFieldsSchema = z.strictObject({
  displayName: z.string().trim().min(1, 'Familiens navn skal udfyldes.').max(120, 'Familiens navn må højst have 120 tegn.'),
  municipality: optionalText(120, 'Kommune'),
  caseworkerName: optionalText(120, 'Sagsbehandler'),
  caseworkerContact: optionalText(200, 'Kontakt'),
  legalBasis: z.string().trim().min(1, 'Lovgrundlag skal udfyldes.').max(300).default(DEFAULT_LEGAL_BASIS),
  startDate: dateSchema
    .refine((d) => d <= addMonths(todayIso(), 12), 'Startdatoen må højst ligge et år frem.')
    .refine((d) => d >= addMonths(todayIso(), -60), 'Startdatoen må højst ligge fem år tilbage.'),
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
  /** Every serious concern, newest first, with what was done. */
  concernHistory: z.array(observationSchema),
  underretninger: z.array(underretningSchema),
  /** The newest udslusningsplan as the overview and the close dialog need it (destination as outcome, unfinished and overdue steps); null: none yet. */
  dischargePlan: dischargeStatusSchema.nullable(),
});
export type FamilyDetail = z.infer<typeof familyDetailSchema>;
