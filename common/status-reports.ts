import { z } from 'zod';
import { MAX_ID } from './ids';
import { underretningSchema } from './concerns';
import { dateSchema, todayIso } from './dates';
import { idList, nfc } from './fields';
import { outcomes, personKinds, phases } from './families';
import { goalAreas, goalReviewSchema, goalStatuses } from './goals';
import { observationSchema } from './journal';
import { ageAtSchema, appliedCutoffSchema } from './measurements';
import { zones } from './scoring';
import { teamRoles } from './team';
import { userRefSchema } from './users';

/**
 * Statusrapport til kommunen: a draft assembled by the backend from a chosen period (goals and their reviews,
 * measurements, serious concerns and underretninger) and the dagbog observations staff mark as relevant, with free-text
 * sections edited while it is a draft. The family's tovholder signs it (a leader when the tovholder is an external
 * team member without a login); the signed report is frozen as it was signed, complete enough to print, and kept.
 */
export const statusReportSections = ['summary', 'child', 'parents', 'interaction', 'network', 'parents_view', 'assessment'] as const;
export type StatusReportSection = (typeof statusReportSections)[number];
export const statusReportSectionLabels: Record<StatusReportSection, string> = {
  summary: 'Sammenfatning',
  child: 'Barnets trivsel og udvikling',
  parents: 'Forældrenes udvikling og forældrekompetencer',
  interaction: 'Samspil og mentalisering',
  network: 'Netværk og samarbejde',
  parents_view: 'Forældrenes egen vurdering',
  assessment: 'Samlet vurdering og anbefaling',
};

export const MAX_SECTION_CHARS = 20_000;
const sectionText = z.string().trim().max(MAX_SECTION_CHARS, `Højst ${MAX_SECTION_CHARS.toLocaleString('da-DK')} tegn.`).transform(nfc);

export const sectionsSchema = z.strictObject(Object.fromEntries(statusReportSections.map((s) => [s, sectionText.optional()])) as Record<StatusReportSection, z.ZodOptional<typeof sectionText>>);
export type Sections = Partial<Record<StatusReportSection, string>>;

const period = {
  periodFrom: dateSchema,
  periodTo: dateSchema.refine((d) => d <= todayIso(), 'Perioden slutter i fremtiden.'),
};
function periodInOrder(p: { periodFrom?: unknown; periodTo?: unknown }, ctx: z.RefinementCtx) {
  if (typeof p === 'object' && p !== null && typeof p.periodFrom === 'string' && typeof p.periodTo === 'string' && p.periodTo < p.periodFrom) {
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Perioden slutter før den begynder.' });
  }
}

export const MAX_REPORT_OBSERVATIONS = 200;

export const statusReportCreateSchema = z
  .strictObject({ familyId: z.number().int().positive().max(MAX_ID), ...period, observationIds: idList('Notater', MAX_REPORT_OBSERVATIONS).default([]) })
  .superRefine(periodInOrder, { when: () => true });

export const statusReportUpdateSchema = z
  .strictObject({
    reportId: z.number().int().positive().max(MAX_ID),
    periodFrom: period.periodFrom.optional(),
    periodTo: period.periodTo.optional(),
    observationIds: idList('Notater', MAX_REPORT_OBSERVATIONS).optional(),
    sections: sectionsSchema.optional(),
  })
  .superRefine(periodInOrder, { when: () => true });

export const reportMeasurementSchema = z.object({
  id: z.number().int(),
  instrumentName: z.string(),
  instrumentVersion: z.number().int(),
  personName: z.string(),
  measuredOn: z.string(),
  interval: z.number().int().nullable(),
  total: z.number().nullable(),
  zone: z.enum(zones).nullable(),
  cutoff: appliedCutoffSchema.nullable(),
  direction: z.string().nullable(),
  age: ageAtSchema.nullable(),
  rater: z.string(),
  corrected: z.boolean(),
});

/** Everything a printout needs, as assembled (draft) or as signed (frozen). */
export const statusReportContentSchema = z.object({
  family: z.object({
    id: z.number().int(),
    displayName: z.string(),
    municipality: z.string().nullable(),
    caseworkerName: z.string().nullable(),
    legalBasis: z.string(),
    startDate: z.string(),
    plannedEndDate: z.string(),
    endDate: z.string().nullable(),
    outcome: z.enum(outcomes).nullable(),
    phase: z.enum(phases),
    phases: z.array(z.object({ phase: z.enum(phases), fromDate: z.string() })),
  }),
  persons: z.array(z.object({ id: z.number().int(), kind: z.enum(personKinds), name: z.string(), birthDate: z.string().nullable(), dueDate: z.string().nullable() })),
  coordinator: z.object({ name: z.string(), internal: z.boolean() }).nullable(),
  team: z.array(z.object({ name: z.string(), role: z.enum(teamRoles), roleOther: z.string().nullable(), organisation: z.string().nullable(), internal: z.boolean() })),
  period: z.object({ from: z.string(), to: z.string() }),
  goals: z.array(
    z.object({
      id: z.number().int(),
      text: z.string(),
      area: z.enum(goalAreas),
      areaOther: z.string().nullable(),
      status: z.enum(goalStatuses),
      startDate: z.string(),
      targetDate: z.string().nullable(),
      scale: z.object({ min: z.number().int(), max: z.number().int(), lowLabel: z.string().nullable(), highLabel: z.string().nullable() }),
      /** The reviews inside the period, oldest first. */
      reviews: z.array(goalReviewSchema),
    }),
  ),
  measurements: z.array(reportMeasurementSchema),
  /** Serious concerns observed in the period, with what a leader did. */
  concerns: z.array(observationSchema),
  underretninger: z.array(underretningSchema),
  /** The observations staff marked as relevant, oldest first. */
  observations: z.array(observationSchema),
  sections: z.record(z.string(), z.string()),
  assembledAt: z.string(),
});
export type StatusReportContent = z.infer<typeof statusReportContentSchema>;

export const statusReportSummarySchema = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  status: z.enum(['draft', 'signed']),
  periodFrom: z.string(),
  periodTo: z.string(),
  createdBy: userRefSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  signed: z.object({ by: userRefSchema, at: z.string(), as: z.enum(['coordinator', 'leader']) }).nullable(),
});
export type StatusReportSummary = z.infer<typeof statusReportSummarySchema>;

export const statusReportSchema = statusReportSummarySchema.extend({
  observationIds: z.array(z.number().int()),
  sections: z.record(z.string(), z.string()),
  content: statusReportContentSchema,
});
export type StatusReport = z.infer<typeof statusReportSchema>;
