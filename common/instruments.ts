import { z } from 'zod';
import { optionalText, requiredText } from './fields';

/** Two leaders saved a new version of the same instrument at the same moment: the second is told so, and keeps the form. */
export const INSTRUMENT_CHANGED_MESSAGE = 'Måleredskabet er ændret af en anden i samme øjeblik. Hent den nyeste version, og prøv igen.';

/**
 * Instruments (måleredskaber) as data: a definition says who is assessed, how many items with which values, how the
 * total is formed, the cut-off (fixed, or per age interval as in ASQ:SE-2), the direction and the recommended
 * frequency. Every change is a new version; a measurement keeps the version it was made with.
 *
 * All the built-in instruments are licensed: a definition holds numbers and short names only, never the wording of
 * an item. Labels are short scale names (EA's dimensions), at most 40 characters.
 */
export const instrumentSubjects = ['child', 'parent'] as const;
export type InstrumentSubject = (typeof instrumentSubjects)[number];
export const instrumentSubjectLabels: Record<InstrumentSubject, string> = { child: 'Barnet', parent: 'Forælderen' };

export const directions = ['higher_worse', 'higher_better'] as const;
export type Direction = (typeof directions)[number];
export const directionLabels: Record<Direction, string> = { higher_worse: 'Højere score er mere bekymrende', higher_better: 'Højere score er bedre' };

export const reporters = ['staff', 'parent', 'coder'] as const;
export const reporterLabels: Record<(typeof reporters)[number], string> = {
  staff: 'Observeret af en medarbejder',
  parent: 'Udfyldt af forælderen',
  coder: 'Kodet af en uddannet koder',
};

/** When a total is flagged: at or above (gte), above (gt), at or below (lte) or below (lt) the cut-off. */
export const cutoffRules = ['gte', 'gt', 'lte', 'lt'] as const;
export type CutoffRule = (typeof cutoffRules)[number];
export const cutoffRuleLabels: Record<CutoffRule, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };

const int = (label: string, min: number, max: number) =>
  z.number({ error: `${label}: angiv et tal.` }).int(`${label}: angiv et helt tal.`).min(min, `${label}: mindst ${min}.`).max(max, `${label}: højst ${max}.`);
const score = (label: string) => z.number({ error: `${label}: angiv et tal.` }).min(-1000, `${label}: mindst -1000.`).max(10_000, `${label}: højst 10.000.`);

export const ageSpecSchema = z.strictObject({ months: int('Måneder', 0, 120), days: int('Dage', 0, 30) });

/** One questionnaire of an instrument with age intervals (ASQ:SE-2): its age window, items and cut-off. */
export const intervalSchema = z.strictObject({
  /** The questionnaire's name in months ("6-måneders-skema"). */
  months: int('Interval', 1, 120),
  from: ageSpecSchema,
  to: ageSpecSchema,
  /** How many items this questionnaire has; null until the institution enters it from its manual (then 1 to items.count). */
  itemCount: int('Antal punkter', 1, 100).nullable().default(null),
  /** Entered by the institution from its licensed manual; null: no flag yet. */
  cutoff: score('Grænseværdi').nullable().default(null),
  /** The lowest (or, for lte/lt rules, highest) total in the monitoring zone below the cut-off; null: no zone. */
  monitoringFrom: score('Overvågningszone').nullable().default(null),
});
export type Interval = z.output<typeof intervalSchema>;

export const itemsSchema = z.strictObject({
  /** score: numbers; note: a short text per item (a structured observation such as NBO). */
  kind: z.enum(['score', 'note']).default('score'),
  /** The number of items (for an instrument with intervals: the most any questionnaire has). */
  count: int('Antal punkter', 1, 100),
  min: score('Laveste værdi').default(0),
  max: score('Højeste værdi').default(0),
  /** 0: whole numbers; 1: one decimal (ORS and SRS are marks on a 10 cm line). */
  decimals: z.union([z.literal(0), z.literal(1)], { error: 'Decimaler: 0 eller 1.' }).default(0),
  /** Only these values (ASQ:SE-2's 0, 5 and 10); null: anything in the range. */
  allowed: z.array(score('Tilladt værdi')).min(1, 'Angiv mindst én tilladt værdi.').max(20, 'Højst 20 tilladte værdier.').nullable().default(null),
  /** Item numbers (1-based) scored as min + max − value (PSS: 6 − value). */
  reverse: z.array(int('Omvendt punkt', 1, 100)).max(100, 'Højst 100 punkter.').default([]),
  /** Each item may be marked with a concern that adds these points to the total (ASQ:SE-2: 5); null: no concern marks. */
  concernPoints: score('Point for bekymring').nullable().default(null),
  /** Short names of the items or scales (never the items' wording), at most one per item. */
  labels: z.array(requiredText('Kort betegnelse', 40)).max(100, 'Højst 100 betegnelser.').default([]),
});

export const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    /** Due when the child's corrected age is inside a questionnaire's window (ASQ:SE-2). */
    z.strictObject({ kind: z.literal('age_intervals'), graceDays: int('Frist', 0, 90).default(14) }),
    /** First at move-in (or when a child enters the age band), then every `everyDays` after the latest measurement. */
    z.strictObject({
      kind: z.literal('every'),
      everyDays: int('Hyppighed i dage', 1, 730),
      graceDays: int('Frist i dage', 0, 90).default(7),
      /** Sooner after a flagged total (ADBB: a repeat within two weeks); null: the usual cadence. */
      repeatIfFlaggedDays: int('Gentag efter dage', 1, 365).nullable().default(null),
    }),
  ],
  { error: 'Vælg hvordan målingen planlægges.' },
);
export type Schedule = z.output<typeof scheduleSchema>;

export const instrumentDefinitionSchema = z
  .strictObject({
    name: requiredText('Navn', 60),
    fullName: optionalText('Fulde navn', 200),
    subject: z.enum(instrumentSubjects, { error: 'Vælg hvem der vurderes.' }),
    reporter: z.enum(reporters, { error: 'Vælg hvem der udfylder.' }).default('staff'),
    /** Child instruments: the ages (completed months, corrected) the instrument is made for. */
    ageBand: z.strictObject({ fromMonths: int('Fra alder', 0, 216), toMonths: int('Til alder', 0, 216) }).nullable().default(null),
    items: itemsSchema,
    /** sum: the total is the sum of the item scores (after reverse scoring) plus concern points; none: no total. */
    scoring: z.enum(['sum', 'none'], { error: 'Vælg om der regnes en total.' }).default('sum'),
    direction: z.enum(directions, { error: 'Vælg retning.' }).nullable().default(null),
    /** value null with intervals: the cut-off is per interval. */
    cutoff: z
      .strictObject({ rule: z.enum(cutoffRules, { error: 'Vælg hvornår en total markeres.' }), value: score('Grænseværdi').nullable().default(null), label: optionalText('Betydning', 120) })
      .nullable()
      .default(null),
    intervals: z.array(intervalSchema).min(1, 'Angiv mindst ét interval.').max(20, 'Højst 20 intervaller.').nullable().default(null),
    schedule: scheduleSchema.nullable().default(null),
    /** The recommended frequency in words ("ved hver samtale"). */
    frequencyNote: optionalText('Hyppighed', 200),
    /** Rated per session with one staff member (SRS): the alliance between a staff member and the family. */
    perStaff: z.boolean().default(false),
  })
  .superRefine((d, ctx) => {
    if (typeof d !== 'object' || d === null || typeof d.items !== 'object' || d.items === null) return;
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const { items } = d;
    if (items.kind === 'score') {
      if (!(items.min < items.max)) issue(['items', 'max'], 'Højeste værdi skal være større end laveste.');
      for (const v of items.allowed ?? []) if (v < items.min || v > items.max) issue(['items', 'allowed'], 'De tilladte værdier skal ligge mellem laveste og højeste værdi.');
    } else {
      if (d.scoring !== 'none') issue(['scoring'], 'Punkter med tekst giver ingen total.');
      if (items.concernPoints !== null) issue(['items', 'concernPoints'], 'Punkter med tekst kan ikke markeres med bekymring.');
      if (items.reverse.length) issue(['items', 'reverse'], 'Punkter med tekst kan ikke vendes.');
    }
    if (items.reverse.some((n) => n > items.count)) issue(['items', 'reverse'], `Et omvendt punkt findes ikke (der er ${items.count}).`);
    if (new Set(items.reverse).size !== items.reverse.length) issue(['items', 'reverse'], 'Et punkt er nævnt to gange.');
    if (items.labels.length > items.count) issue(['items', 'labels'], 'Der er flere betegnelser end punkter.');
    if (d.cutoff && d.scoring !== 'sum') issue(['cutoff'], 'En grænseværdi kræver en total.');
    if (d.ageBand && d.subject !== 'child') issue(['ageBand'], 'Kun et måleredskab til barnet har en alder.');
    if (d.ageBand && d.ageBand.fromMonths > d.ageBand.toMonths) issue(['ageBand', 'toMonths'], 'Til-alderen ligger før fra-alderen.');
    if (d.perStaff && d.subject !== 'parent') issue(['perStaff'], 'Samarbejdsalliancen vurderes af forælderen.');
    if (d.intervals) {
      if (d.subject !== 'child') issue(['intervals'], 'Kun et måleredskab til barnet har aldersintervaller.');
      const months = d.intervals.map((i) => i.months);
      if (months.some((m, i) => { const before = months[i - 1]; return before !== undefined && m <= before; })) issue(['intervals'], 'Intervallerne skal stå i stigende orden uden gentagelser.');
      d.intervals.forEach((iv, i) => {
        const from = iv.from.months * 31 + iv.from.days;
        if (from > iv.to.months * 31 + iv.to.days) issue(['intervals', i, 'to'], 'Aldersvinduet slutter før det begynder.');
        if (iv.itemCount !== null && iv.itemCount > items.count) issue(['intervals', i, 'itemCount'], `Højst ${items.count} punkter.`);
        if ((iv.cutoff !== null || iv.monitoringFrom !== null) && !d.cutoff) issue(['cutoff'], 'Vælg hvornår en total markeres.');
        if (iv.monitoringFrom !== null && iv.cutoff === null) issue(['intervals', i, 'monitoringFrom'], 'En overvågningszone kræver en grænseværdi.');
      });
      if (d.cutoff?.value !== null && d.cutoff?.value !== undefined) issue(['cutoff', 'value'], 'Grænseværdien angives pr. interval.');
    }
    if (d.schedule?.kind === 'age_intervals' && !d.intervals) issue(['schedule'], 'Planlægning efter alder kræver aldersintervaller.');
  });

export type InstrumentDefinition = z.output<typeof instrumentDefinitionSchema>;
export type InstrumentDefinitionInput = z.input<typeof instrumentDefinitionSchema>;

/**
 * What a leader may change in a built-in instrument: the cut-offs (value, rule and meaning, as the licensed manual has
 * them), the intervals' item counts and monitoring zones, the age band and the frequency.
 */
export function builtinChangeProblem(current: InstrumentDefinition, next: InstrumentDefinition): string | null {
  const scoringPart = (d: InstrumentDefinition) =>
    JSON.stringify({
      name: d.name,
      subject: d.subject,
      items: d.items,
      scoring: d.scoring,
      direction: d.direction,
      hasCutoff: d.cutoff !== null,
      intervals: d.intervals?.map((i) => [i.months, i.from, i.to]) ?? null,
      perStaff: d.perStaff,
    });
  return scoringPart(current) === scoringPart(next)
    ? null
    : 'Et indbygget måleredskab kan kun få nye grænseværdier, antal punkter og overvågningszoner pr. interval, aldersgrænser og hyppighed. Opret et nyt måleredskab for at ændre resten.';
}

export const instrumentVersionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const instrumentSchema = z.object({
  id: z.number().int(),
  /** A stable code for the built-in instruments ("adbb", "asq_se_2"); null for the institution's own. */
  key: z.string().nullable(),
  builtin: z.boolean(),
  active: z.boolean(),
  versionId: z.number().int(),
  version: z.number().int(),
  definition: instrumentDefinitionSchema,
  versions: z.array(instrumentVersionSchema),
});
export type Instrument = z.infer<typeof instrumentSchema>;
