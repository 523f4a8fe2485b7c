import { z } from 'zod';
import { MAX_ID } from './ids';
import { addDays } from './age';
import { dateSchema, todayIso } from './dates';
import { idList, optionalText, requiredText } from './fields';
import { observationSchema } from './journal';
import { userRefSchema } from './users';

/**
 * Udviklingsmål (the forældrehandleplan): a few concrete goals in the parents' own words, each with an area (a core
 * element or theme), a start, a target date, a status and a scale for reviews. A goal is never edited: a change is an
 * appended revision (the newest is in force), and reviews (opfølgning) are appended, never changed.
 *
 * A review is due `reviewEveryDays` (default 28: every four weeks) after the latest review, or after the goal's start
 * when it has none; an active goal past that day is overdue. Paused and ended goals are never overdue.
 */
export const goalAreas = [
  'interaction',
  'child_wellbeing',
  'care_structure',
  'mentalization',
  'network',
  'safety',
  'parent_wellbeing',
  'practical',
  'discharge',
  'cooperation',
  'other',
] as const;
export type GoalArea = (typeof goalAreas)[number];
export const goalAreaLabels: Record<GoalArea, string> = {
  interaction: 'Samspil mellem forælder og barn',
  child_wellbeing: 'Barnets trivsel og udvikling',
  care_structure: 'Omsorg og struktur i hverdagen',
  mentalization: 'Mentalisering og tilknytning',
  network: 'Netværk',
  safety: 'Sikkerhed',
  parent_wellbeing: 'Forælderens egen trivsel og behandling',
  practical: 'Bolig, økonomi, uddannelse og job',
  discharge: 'Udslusning til eget hjem',
  cooperation: 'Samarbejdet med indsatsteamet',
  other: 'Andet',
};

export const goalStatuses = ['active', 'paused', 'achieved', 'partly_achieved', 'not_achieved'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
export const goalStatusLabels: Record<GoalStatus, string> = {
  active: 'I gang',
  paused: 'Sat på pause',
  achieved: 'Nået',
  partly_achieved: 'Delvist nået',
  not_achieved: 'Ikke nået',
};

export const DEFAULT_REVIEW_EVERY_DAYS = 28;

/** When the next review is due, and whether it is overdue; null for a goal that is not active. */
export function reviewDue(goal: { status: GoalStatus; startDate: string; reviewEveryDays: number }, lastReviewOn: string | null, today: string): { dueOn: string; overdue: boolean } | null {
  if (goal.status !== 'active') return null;
  const dueOn = addDays(lastReviewOn ?? goal.startDate, goal.reviewEveryDays);
  return { dueOn, overdue: today > dueOn };
}

const goalFields = {
  text: requiredText('Målet', 500),
  area: z.enum(goalAreas, { error: 'Vælg et område.' }),
  areaOther: optionalText('Område', 120),
  targetDate: dateSchema.nullable().optional().transform((v) => v ?? null),
};

function checkGoal(g: { area?: unknown; areaOther?: unknown; startDate?: unknown; targetDate?: unknown }, ctx: z.RefinementCtx) {
  if (typeof g !== 'object' || g === null) return;
  if (g.area === 'other' && !g.areaOther) ctx.addIssue({ code: 'custom', path: ['areaOther'], message: 'Skriv hvilket område.' });
  if (typeof g.startDate === 'string' && typeof g.targetDate === 'string' && g.targetDate < g.startDate) {
    ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'Måldatoen ligger før startdatoen.' });
  }
}

export const goalCreateSchema = z
  .strictObject({
    familyId: z.number().int().positive().max(MAX_ID),
    ...goalFields,
    startDate: dateSchema,
    scaleMin: z.number().int('Skalaen: hele tal.').min(-10, 'Skalaen: mindst -10.').max(100, 'Skalaen: højst 100.').default(0),
    scaleMax: z.number().int('Skalaen: hele tal.').min(-10, 'Skalaen: mindst -10.').max(100, 'Skalaen: højst 100.').default(10),
    scaleLowLabel: optionalText('Skalaens laveste trin', 60),
    scaleHighLabel: optionalText('Skalaens højeste trin', 60),
    reviewEveryDays: z.number().int('Angiv hele dage.').min(7, 'Mindst hver 7. dag.').max(182, 'Højst hver 182. dag.').default(DEFAULT_REVIEW_EVERY_DAYS),
  })
  .superRefine((g, ctx) => {
    if (typeof g !== 'object' || g === null) return;
    checkGoal(g, ctx);
    if (typeof g.scaleMin === 'number' && typeof g.scaleMax === 'number' && g.scaleMin >= g.scaleMax) {
      ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'Skalaens højeste trin skal være større end det laveste.' });
    }
  }, { when: () => true });

/** A revision carries the goal's whole current wording and status, with why it changed. */
export const goalReviseSchema = z
  .strictObject({
    goalId: z.number().int().positive().max(MAX_ID),
    ...goalFields,
    startDate: dateSchema,
    status: z.enum(goalStatuses, { error: 'Vælg en status.' }),
    reason: requiredText('Begrundelse', 500),
  })
  .superRefine(checkGoal, { when: () => true });

export const goalReviewInputSchema = z
  .strictObject({
    goalId: z.number().int().positive().max(MAX_ID),
    reviewedOn: dateSchema.refine((d) => d <= todayIso(), 'Datoen ligger i fremtiden.'),
    staffScore: z.number({ error: 'Angiv et tal.' }).int('Angiv et helt tal.').nullable().optional().transform((v) => v ?? null),
    /** The parents' own assessment, beside the staff's. */
    parentScore: z.number({ error: 'Angiv et tal.' }).int('Angiv et helt tal.').nullable().optional().transform((v) => v ?? null),
    parentComment: optionalText('Forældrenes egne ord', 2000),
    note: optionalText('Note', 4000),
    participantPersonIds: idList('Deltagere fra familien', 20).default([]),
    participantUserIds: idList('Deltagende medarbejdere', 20).default([]),
    otherParticipants: z.array(requiredText('Deltager', 120)).max(10, 'Højst 10 andre deltagere.').default([]),
  })
  .superRefine((r, ctx) => {
    if (typeof r !== 'object' || r === null) return;
    if ((r.staffScore ?? null) === null && (r.parentScore ?? null) === null) {
      ctx.addIssue({ code: 'custom', path: ['staffScore'], message: 'Angiv en score: medarbejdernes, forældrenes eller begge.' });
    }
  }, { when: () => true });

export const goalParticipantSchema = z.object({ kind: z.enum(['person', 'staff', 'other']), id: z.number().int().nullable(), name: z.string() });

export const goalReviewSchema = z.object({
  id: z.number().int(),
  reviewedOn: z.string(),
  staffScore: z.number().int().nullable(),
  parentScore: z.number().int().nullable(),
  parentComment: z.string().nullable(),
  note: z.string().nullable(),
  participants: z.array(goalParticipantSchema),
  by: userRefSchema,
  at: z.string(),
});
export type GoalReview = z.infer<typeof goalReviewSchema>;

export const goalRevisionSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  area: z.enum(goalAreas),
  areaOther: z.string().nullable(),
  startDate: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(goalStatuses),
  reason: z.string().nullable(),
  by: userRefSchema,
  at: z.string(),
});

export const goalSchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  text: z.string(),
  area: z.enum(goalAreas),
  areaOther: z.string().nullable(),
  startDate: z.string(),
  targetDate: z.string().nullable(),
  status: z.enum(goalStatuses),
  scale: z.object({ min: z.number().int(), max: z.number().int(), lowLabel: z.string().nullable(), highLabel: z.string().nullable() }),
  reviewEveryDays: z.number().int(),
  createdBy: userRefSchema,
  createdAt: z.string(),
  /** Every version of the goal, oldest first; the last is in force. */
  revisions: z.array(goalRevisionSchema),
  /** Oldest first. */
  reviews: z.array(goalReviewSchema),
  reviewDue: z.object({ dueOn: z.string(), overdue: z.boolean() }).nullable(),
  /** The target date has passed while the goal is still active. */
  targetPassed: z.boolean(),
  /** Dagbog observations linked to the goal, newest first. */
  observations: z.array(z.object({ linkedAt: z.string(), linkedBy: userRefSchema, observation: observationSchema })),
});
export type Goal = z.infer<typeof goalSchema>;
