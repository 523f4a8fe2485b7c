import { z } from 'zod';
import { alliancePairSchema } from './alliance';
import { phases } from './families';
import { goalAreas, goalStatuses } from './goals';
import { cutoffRules, directions, instrumentSubjects } from './instruments';
import { ageAtSchema, measurementSchema } from './measurements';
import { scheduleItemSchema } from './schedule';
import { zones } from './scoring';

/** What the family's progression tab, its charts and the leaders' overview receive. Dates are ISO (YYYY-MM-DD). */

export const goalReviewDueSchema = z.object({ goalId: z.number().int(), text: z.string(), dueOn: z.string(), overdue: z.boolean(), targetPassed: z.boolean() });

export const familyProgressionSchema = z.object({
  familyId: z.number().int(),
  today: z.string(),
  /** Move-in: the first day of the phase Familieanbringelse; null before it. */
  moveInDate: z.string().nullable(),
  children: z.array(
    z.object({ personId: z.number().int(), name: z.string(), birthDate: z.string().nullable(), dueDate: z.string().nullable(), ageToday: ageAtSchema.nullable() }),
  ),
  /** Due, overdue, upcoming (within two weeks) and missed measurements. */
  due: z.array(scheduleItemSchema),
  /** Newest first, withdrawn ones included (marked). */
  measurements: z.array(measurementSchema),
  alliance: z.array(alliancePairSchema),
  goalReviews: z.array(goalReviewDueSchema),
});
export type FamilyProgression = z.infer<typeof familyProgressionSchema>;

export const chartPointSchema = z.object({
  measurementId: z.number().int(),
  date: z.string(),
  total: z.number().nullable(),
  zone: z.enum(zones).nullable(),
  flagged: z.boolean(),
  /** The cut-off that applied to this point (per interval for ASQ:SE-2). */
  cutoffValue: z.number().nullable(),
  monitoringFrom: z.number().nullable(),
  interval: z.number().int().nullable(),
  version: z.number().int(),
  /** Item scores, for instruments without a total (EA's scales). */
  items: z.array(z.number().nullable()),
  /** The child's (corrected) age in completed months; null for a parent. */
  ageMonths: z.number().int().nullable(),
});

export const chartSchema = z.object({
  familyId: z.number().int(),
  displayName: z.string(),
  startDate: z.string(),
  moveInDate: z.string().nullable(),
  plannedEndDate: z.string(),
  endDate: z.string().nullable(),
  /** Phase changes, for markers. */
  phases: z.array(z.object({ phase: z.enum(phases), fromDate: z.string() })),
  instruments: z.array(
    z.object({
      instrumentId: z.number().int(),
      name: z.string(),
      subject: z.enum(instrumentSubjects),
      direction: z.enum(directions).nullable(),
      hasTotal: z.boolean(),
      /** The axis: the lowest and highest total (or item score, without a total). */
      range: z.object({ min: z.number(), max: z.number() }),
      /** The cut-off band: rule, value (null when it differs per interval: see each point) and meaning. */
      cutoff: z.object({ rule: z.enum(cutoffRules), value: z.number().nullable(), label: z.string().nullable() }).nullable(),
      itemLabels: z.array(z.string()),
      series: z.array(z.object({ personId: z.number().int(), personName: z.string(), points: z.array(chartPointSchema) })),
    }),
  ),
  goals: z.array(
    z.object({
      goalId: z.number().int(),
      text: z.string(),
      area: z.enum(goalAreas),
      status: z.enum(goalStatuses),
      startDate: z.string(),
      targetDate: z.string().nullable(),
      scale: z.object({ min: z.number().int(), max: z.number().int(), lowLabel: z.string().nullable(), highLabel: z.string().nullable() }),
      reviews: z.array(z.object({ reviewId: z.number().int(), date: z.string(), staffScore: z.number().int().nullable(), parentScore: z.number().int().nullable() })),
    }),
  ),
  alliance: z.array(alliancePairSchema),
});
export type Chart = z.infer<typeof chartSchema>;

export const overviewSchema = z.object({
  today: z.string(),
  families: z.array(
    z.object({
      familyId: z.number().int(),
      displayName: z.string(),
      phase: z.enum(phases),
      coordinatorName: z.string().nullable(),
      /** The latest measurement per instrument and person, where it is flagged. */
      flagged: z.array(
        z.object({ measurementId: z.number().int(), instrumentName: z.string(), personName: z.string(), measuredOn: z.string(), total: z.number(), cutoff: z.number(), rule: z.enum(cutoffRules) }),
      ),
      overdueMeasurements: z.array(scheduleItemSchema),
      overdueReviews: z.array(goalReviewDueSchema),
      allianceAlerts: z.array(alliancePairSchema),
      /** Anything above to act on. */
      attention: z.boolean(),
    }),
  ),
});
export type ProgressionOverview = z.infer<typeof overviewSchema>;
