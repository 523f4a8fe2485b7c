import { z } from 'zod';
import { MAX_ID } from './ids';
import { dateSchema } from './dates';
import { agreementStatuses } from './network';
import { partyInputSchema, partySchema } from './parties';
import { versionMetaSchema } from './safety-plan';
import { list, optionalDate, optionalText, requiredText } from './text-input';
import { userRefSchema } from './users';

/**
 * The udslusningsplan (kerneelement 5), made with the parents, the team and others: where the family goes, ordered
 * steps with dates, who is responsible and their status, agreements (own, or linked from the network), and the
 * support after the stay. Every change — a step's status too — is a new version with date, author and reason.
 */
export const destinations = ['own_home', 'other_intervention', 'child_placed'] as const;
export type Destination = (typeof destinations)[number];
export const destinationLabels: Record<Destination, string> = {
  own_home: 'Eget hjem',
  other_intervention: 'Anden indsats',
  child_placed: 'Anbringelse af barnet',
};
/** The family's outcome code (common/families.ts `outcomes`) a destination becomes when the family is closed. */
export const destinationOutcome: Record<Destination, 'own_home' | 'other_intervention' | 'child_placed'> = {
  own_home: 'own_home',
  other_intervention: 'other_intervention',
  child_placed: 'child_placed',
};

export const stepStatuses = ['planned', 'done', 'postponed', 'cancelled'] as const;
export type StepStatus = (typeof stepStatuses)[number];
export const stepStatusLabels: Record<StepStatus, string> = { planned: 'Planlagt', done: 'Gennemført', postponed: 'Udskudt', cancelled: 'Aflyst' };
/** Steps still to happen: they count as unfinished when closing and as overdue once their last day has passed. */
export const openStepStatuses: readonly StepStatus[] = ['planned', 'postponed'];

const itemKey = z.number().int().positive().max(MAX_ID).optional();
const STEP_ENDS_BEFORE_START = 'Trinnet slutter, før det begynder.';

export const stepInputSchema = z.strictObject({
  key: itemKey,
  /** "Første dag hjemme", "Første weekend", "Flytning". */
  title: requiredText('Trinnets navn', 120),
  startsOn: dateSchema,
  /** The last day of a step that runs over several days; none for a single day. */
  endsOn: optionalDate,
  responsible: partyInputSchema,
  description: optionalText('Hvad der sker', 2000),
  status: z.enum(stepStatuses, { error: 'Vælg status.' }).default('planned'),
  evaluation: optionalText('Evaluering', 2000),
});

export const planAgreementInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('own'), key: itemKey, responsible: partyInputSchema, what: requiredText('Hvad der er aftalt', 1000), when: optionalText('Hvornår', 200), dueDate: optionalDate }),
    /** An agreement made with the network (network:addAgreement or a netværksmøde), linked into the plan. */
    z.strictObject({ kind: z.literal('network'), key: itemKey, networkAgreementId: z.number().int().positive().max(MAX_ID) }),
  ],
  { error: 'Vælg om aftalen er planens egen eller en netværksaftale.' },
);

export const supportInputSchema = z.strictObject({
  key: itemKey,
  /** The receiving service: "Ambulant familiebehandling, Greve Kommune", sundhedspleje … */
  service: requiredText('Modtagende indsats', 200),
  contactName: optionalText('Kontaktperson', 120),
  contact: optionalText('Kontakt', 200),
  handoverMeetingOn: optionalDate,
  handedOver: optionalText('Hvad der overleveres', 4000),
});

export const dischargePlanContentSchema = z
  .strictObject({
    familyId: z.number().int().positive().max(MAX_ID),
    /** The version the editor started from (null for the first): a plan changed meanwhile is not overwritten. */
    baseVersion: z.number().int().positive().max(MAX_ID).nullable(),
    reason: requiredText('Hvorfor planen laves eller ændres', 500),
    destination: z.enum(destinations, { error: 'Vælg hvor familien skal hen.' }),
    targetDate: dateSchema,
    madeWith: list(partyInputSchema, 30, 'personer').min(1, 'Vælg hvem planen er lavet sammen med.'),
    steps: list(stepInputSchema, 40, 'trin'),
    agreements: list(planAgreementInputSchema, 40, 'aftaler').default([]),
    support: list(supportInputSchema, 10, 'indsatser').default([]),
    /** At anbringelse: the careful separation of parents and child. */
    separationPlan: optionalText('Plan for adskillelsen', 4000),
    /** At anbringelse: continued contact (samvær). */
    contactNotes: optionalText('Samvær og fortsat kontakt', 4000),
  })
  .superRefine((plan, ctx) => {
    if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.steps)) return;
    plan.steps.forEach((s, i) => {
      if (s && typeof s.startsOn === 'string' && typeof s.endsOn === 'string' && s.endsOn < s.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'endsOn'], message: STEP_ENDS_BEFORE_START });
      }
    });
  }, { when: () => true });
export type DischargePlanContent = z.output<typeof dischargePlanContentSchema>;

export const stepStatusInputSchema = z
  .strictObject({
    familyId: z.number().int().positive().max(MAX_ID),
    baseVersion: z.number().int().positive().max(MAX_ID),
    stepKey: z.number().int().positive().max(MAX_ID),
    status: z.enum(stepStatuses, { error: 'Vælg status.' }),
    evaluation: optionalText('Evaluering', 2000),
    /** New dates for a step that is moved (udskudt); none: the dates stay. */
    startsOn: dateSchema.optional(),
    endsOn: optionalDate,
    /** Why; none: "Status for <trin> ændret til <status>." */
    reason: optionalText('Begrundelse', 500),
  })
  .superRefine((s, ctx) => {
    if (typeof s !== 'object' || s === null) return;
    if (typeof s.startsOn === 'string' && typeof s.endsOn === 'string' && s.endsOn < s.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: STEP_ENDS_BEFORE_START });
  }, { when: () => true });

export const stepSchema = z.object({
  key: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  responsible: partySchema,
  description: z.string().nullable(),
  status: z.enum(stepStatuses),
  evaluation: z.string().nullable(),
});
export type Step = z.infer<typeof stepSchema>;

export const planAgreementSchema = z.object({
  key: z.number().int(),
  responsible: partySchema,
  what: z.string(),
  when: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Linked from the network module; its follow-up status lives there (`networkStatus`, read now, not versioned). */
  networkAgreementId: z.number().int().nullable(),
  networkStatus: z.enum(agreementStatuses).nullable(),
});
export type PlanAgreement = z.infer<typeof planAgreementSchema>;

export const supportSchema = z.object({
  key: z.number().int(),
  service: z.string(),
  contactName: z.string().nullable(),
  contact: z.string().nullable(),
  handoverMeetingOn: z.string().nullable(),
  handedOver: z.string().nullable(),
});
export type Support = z.infer<typeof supportSchema>;

export const dischargePlanVersionSchema = z.object({
  familyId: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  author: userRefSchema,
  reason: z.string(),
  destination: z.enum(destinations),
  targetDate: z.string(),
  madeWith: z.array(partySchema),
  steps: z.array(stepSchema),
  agreements: z.array(planAgreementSchema),
  support: z.array(supportSchema),
  separationPlan: z.string().nullable(),
  contactNotes: z.string().nullable(),
});
export type DischargePlanVersion = z.infer<typeof dischargePlanVersionSchema>;

/** A step placed against today. */
export const timelineEntrySchema = z.object({
  key: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  /** The last planned day (endsOn, or startsOn for a one-day step). */
  lastDay: z.string(),
  status: z.enum(stepStatuses),
  responsible: z.string(),
  /** past: its last day is before today; current: today is within it; future: it starts after today. */
  when: z.enum(['past', 'current', 'future']),
  /** Its last day has passed and it is still planlagt or udskudt. */
  overdue: z.boolean(),
  /** Days from today to its start (negative: started that many days ago). */
  daysFromToday: z.number().int(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const stepHistorySchema = z.object({
  key: z.number().int(),
  title: z.string(),
  /** The step's status in the first version it appeared in, then every change of status. */
  changes: z.array(z.object({ version: z.number().int(), status: z.enum(stepStatuses), at: z.string(), by: userRefSchema, reason: z.string(), evaluation: z.string().nullable() })),
});

export const dischargeViewSchema = z.object({
  familyId: z.number().int(),
  today: z.string(),
  /** The version asked for, or the newest; null: no plan yet. */
  plan: dischargePlanVersionSchema.nullable(),
  currentVersion: z.number().int().nullable(),
  versions: z.array(versionMetaSchema),
  /** The shown version's steps by date, against today; with the target date and the stay's first day for the axis. */
  timeline: z.object({ stayStart: z.string(), targetDate: z.string().nullable(), entries: z.array(timelineEntrySchema) }),
  /** Every step's status over the versions (the newest version's steps and removed ones). */
  stepHistory: z.array(stepHistorySchema),
});

export const stepBriefSchema = z.object({
  key: z.number().int(),
  title: z.string(),
  startsOn: z.string(),
  lastDay: z.string(),
  status: z.enum(stepStatuses),
  responsible: z.string(),
  overdue: z.boolean(),
});

/** The plan as the family's overview and the close dialog need it. */
export const dischargeStatusSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  destination: z.enum(destinations),
  /** The outcome the close dialog offers (families:close's `outcome`). */
  suggestedOutcome: z.enum(['own_home', 'other_intervention', 'child_placed']),
  targetDate: z.string(),
  /** Steps still planlagt or udskudt, by date: shown when closing. */
  unfinishedSteps: z.array(stepBriefSchema),
  overdueSteps: z.array(stepBriefSchema),
  nextStep: stepBriefSchema.nullable(),
});
export type DischargeStatus = z.infer<typeof dischargeStatusSchema>;

/** One overdue step on the leaders' list. */
export const overdueStepSchema = stepBriefSchema.extend({
  familyId: z.number().int(),
  familyName: z.string(),
  planVersion: z.number().int(),
  daysOverdue: z.number().int(),
});
