import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { childAge, compareAge } from '../../../../../common/age';
import type { Person } from '../../../../../common/families';
import type { InstrumentDefinition } from '../../../../../common/instruments';
import { measurementCreateSchema, type Measurement } from '../../../../../common/measurements';
import { CHILD_KINDS, PARENT_KINDS } from '../../../../../common/schedule';
import { cutoffFor, expectedItemCount, intervalOf, liveTotal, scoreMeasurement, zoneOf, type ItemAnswer } from '../../../../../common/scoring';

/** The measurement form as typed: numbers as text (a Danish decimal comma is fine), choices as strings. */
export const measurementFormSchema = z
  .object({
    instrumentId: z.string().min(1, 'Vælg et måleredskab.'),
    personId: z.string().min(1, 'Vælg hvem der er målt.'),
    measuredOn: measurementCreateSchema.shape.measuredOn,
    interval: z.string(),
    raterKind: z.enum(['me', 'staff', 'external']),
    raterId: z.string(),
    raterName: z.string().trim().max(120, 'Bedømmer må højst have 120 tegn.'),
    staffId: z.string(),
    items: z.array(z.object({ value: z.string(), concern: z.boolean(), text: z.string() })),
    note: z.string().max(4000, 'Noten må højst have 4.000 tegn.'),
    reason: z.string().max(500, 'Begrundelsen må højst have 500 tegn.'),
  })
  .superRefine((v, ctx) => {
    if (v.raterKind === 'staff' && !v.raterId) ctx.addIssue({ code: 'custom', path: ['raterId'], message: 'Vælg medarbejderen, der bedømte.' });
    if (v.raterKind === 'external' && !v.raterName) ctx.addIssue({ code: 'custom', path: ['raterName'], message: 'Skriv navnet på den eksterne bedømmer.' });
  });
export type MeasurementForm = z.input<typeof measurementFormSchema>;
export type ItemForm = MeasurementForm['items'][number];
export type MeasurementFormApi = UseFormReturn<MeasurementForm, unknown, z.output<typeof measurementFormSchema>>;

export const emptyItem = (): ItemForm => ({ value: '', concern: false, text: '' });

/** "7,5" and "7.5" are 7.5; empty is null; anything else NaN (reported as "skriv et tal"). */
export function parseNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

export function toAnswers(def: InstrumentDefinition, items: ItemForm[]): ItemAnswer[] {
  // A field registered before the form has its item (the count just changed) reads as empty.
  return items.map((i) =>
    def.items.kind === 'note' ? { text: i?.text ?? '' } : { value: parseNumber(i?.value), ...(def.items.concernPoints !== null ? { concern: Boolean(i?.concern) } : {}) },
  );
}

/** How many item fields the form shows: the questionnaire's count, else the instrument's. */
export function itemCountFor(def: InstrumentDefinition, intervalMonths: number | null): number {
  return expectedItemCount(def, def.intervals ? intervalOf(def, intervalMonths) : null) ?? def.items.count;
}

/**
 * Everything the scoring function says about the items as typed (the same function the backend scores with): the live
 * total, its zone and cut-off, and one Danish message per item path ("items.3.value"). Unparseable text is "not a
 * number" here, before it would read as "missing" there.
 */
export function liveScore(def: InstrumentDefinition, intervalMonths: number | null, items: ItemForm[]) {
  const answers = toAnswers(def, items);
  const issues = new Map<string, string>();
  items.forEach((item, i) => {
    if (def.items.kind === 'score' && Number.isNaN(parseNumber(item?.value))) issues.set(`items.${i}.value`, `Punkt ${i + 1}: skriv et tal.`);
  });
  const clean = answers.map((a) => (typeof a.value === 'number' && Number.isNaN(a.value) ? { ...a, value: null } : a));
  // With no count for the questionnaire yet, trailing empty items are left out (1 to the instrument's count).
  const expected = expectedItemCount(def, def.intervals ? intervalOf(def, intervalMonths) : null);
  let scored = clean;
  if (expected === null) {
    let end = clean.length;
    while (end > 1 && clean[end - 1]?.value === null && !clean[end - 1]?.text) end--;
    scored = clean.slice(0, end);
  }
  const result = scoreMeasurement(def, def.intervals ? intervalMonths : null, scored);
  if (!result.ok) for (const issue of result.issues) if (!issues.has(issue.path)) issues.set(issue.path, issue.message);
  const total = liveTotal(def, clean);
  const cutoff = cutoffFor(def, def.intervals ? intervalMonths : null);
  return { answers: scored, issues, total, cutoff, zone: zoneOf(total, cutoff) };
}

/** The family's persons the instrument is for: born children for child instruments, parents for parent ones. */
export function personsFor(def: InstrumentDefinition | undefined, persons: Person[]): Person[] {
  if (!def) return [];
  return persons.filter((p) => (def.subject === 'child' ? CHILD_KINDS.includes(p.kind) && p.birthDate !== null : PARENT_KINDS.includes(p.kind)));
}

/** The questionnaire whose age window holds the child's (corrected) age on the day. */
export function fittingInterval(def: InstrumentDefinition, person: Person | undefined, on: string): number | null {
  if (!def.intervals || !person?.birthDate) return null;
  const at = childAge({ birthDate: person.birthDate, dueDate: person.dueDate }, on);
  if (!at) return null;
  return def.intervals.find((i) => compareAge(at.age, i.from) >= 0 && compareAge(at.age, i.to) <= 0)?.months ?? null;
}

/** The form filled from a measurement in force (a correction starts from it). */
export function formFromMeasurement(m: Measurement): MeasurementForm {
  return {
    instrumentId: String(m.instrument.id),
    personId: String(m.person.id),
    measuredOn: m.measuredOn,
    interval: m.interval === null ? '' : String(m.interval),
    raterKind: m.rater.userId === null ? 'external' : 'staff',
    raterId: m.rater.userId === null ? '' : String(m.rater.userId),
    raterName: m.rater.userId === null ? m.rater.name : '',
    staffId: m.staff ? String(m.staff.id) : '',
    items: m.items.map((i) => ({ value: i.value === null ? '' : String(i.value).replace('.', ','), concern: i.concern, text: i.text ?? '' })),
    note: m.note ?? '',
    reason: '',
  };
}

/** The channel's fields from the form (the same for create and correct). */
export function measurementFields(def: InstrumentDefinition, v: MeasurementForm, answers: ItemAnswer[]) {
  return {
    measuredOn: v.measuredOn,
    raterId: v.raterKind === 'staff' && v.raterId ? Number(v.raterId) : null,
    raterName: v.raterKind === 'external' ? v.raterName : undefined,
    staffId: def.perStaff && v.staffId ? Number(v.staffId) : null,
    interval: def.intervals && v.interval ? Number(v.interval) : null,
    items: answers,
    note: v.note || undefined,
  };
}
