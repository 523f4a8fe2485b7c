import { z } from 'zod';
import { dischargePlanVersionSchema, timelineEntrySchema } from './discharge';
import { phases } from './families';
import { goalAreaLabels, goalStatusLabels, type Goal } from './goals';
import { networkAgreementSchema, networkPersonSchema } from './network';
import { safetyPlanVersionSchema } from './safety-plan';
import { teamRoles } from './team';
import { userRefSchema } from './users';

/**
 * The overleveringspakke for the receiving service and the municipality: the family, the udslusningsplan, the status
 * of the udviklingsmål, the network agreements and the sikkerhedsplan — everything a printout needs, in one read.
 * CPR numbers are left out: the municipality has them, and a printout travels.
 */
export const handoverGoalSchema = z.object({
  goalId: z.number().int(),
  /** The goal in the parents' own words. */
  title: z.string(),
  area: z.string().nullable(),
  status: z.string(),
  startDate: z.string().nullable(),
  targetDate: z.string().nullable(),
  latestReview: z.object({ date: z.string(), score: z.number().nullable(), note: z.string().nullable() }).nullable(),
});
export type HandoverGoal = z.infer<typeof handoverGoalSchema>;

/** A goal as the overleveringspakke lists it: its area and status in words, and the newest review (opfølgning). */
export function handoverGoalOf(g: Goal): HandoverGoal {
  const review = g.reviews.at(-1);
  return {
    goalId: g.id,
    title: g.text,
    area: g.area === 'other' && g.areaOther ? g.areaOther : goalAreaLabels[g.area],
    status: goalStatusLabels[g.status],
    startDate: g.startDate,
    targetDate: g.targetDate,
    latestReview: review ? { date: review.reviewedOn, score: review.staffScore ?? review.parentScore, note: review.note ?? review.parentComment } : null,
  };
}

export const handoverPackageSchema = z.object({
  familyId: z.number().int(),
  generatedAt: z.string(),
  generatedBy: userRefSchema,
  family: z.object({
    displayName: z.string(),
    phase: z.enum(phases),
    startDate: z.string(),
    plannedEndDate: z.string(),
    endDate: z.string().nullable(),
    municipality: z.string().nullable(),
    caseworkerName: z.string().nullable(),
    caseworkerContact: z.string().nullable(),
    legalBasis: z.string(),
    persons: z.array(z.object({ name: z.string(), kind: z.string(), kindLabel: z.string(), birthDate: z.string().nullable(), dueDate: z.string().nullable() })),
    team: z.array(
      z.object({ name: z.string(), role: z.enum(teamRoles), roleLabel: z.string(), organisation: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), isCoordinator: z.boolean() }),
    ),
  }),
  /** The newest version of the udslusningsplan, or null when there is none. */
  dischargePlan: dischargePlanVersionSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  /** The udviklingsmål and how far each has come. */
  goals: z.array(handoverGoalSchema),
  network: z.object({
    /** The current network (removed persons left out), for names and contact details. */
    persons: z.array(networkPersonSchema),
    agreements: z.array(networkAgreementSchema),
    lastMeetingOn: z.string().nullable(),
  }),
  /** The newest version of the sikkerhedsplan, or null when there is none. */
  safetyPlan: safetyPlanVersionSchema.nullable(),
});
export type HandoverPackage = z.infer<typeof handoverPackageSchema>;
