import { z } from 'zod';
import { dateSchema } from '../../../../../common/dates';
import { dischargePlanContentSchema, planAgreementInputSchema, stepInputSchema, stepStatuses, supportInputSchema, type DischargePlanVersion, type Destination } from '../../../../../common/discharge';
import { emptyParty, partyField, partyFieldSchema, partyInput, partyListField, partyListInput, partyListSchema } from '../plans/parties';

/**
 * The udslusningsplan's form: the whole plan as a new version, begun from the newest (items keep their keys, so
 * versions compare item by item). Built from the channel's own field schemas; dates as the date fields give them.
 */
const optionalDay = z.union([z.literal(''), dateSchema]);
const stepShape = stepInputSchema.shape;
const stepForm = z
  .object({
    key: z.number().optional(),
    title: stepShape.title,
    startsOn: dateSchema,
    endsOn: optionalDay,
    responsible: partyFieldSchema,
    description: stepShape.description,
    status: z.enum(stepStatuses),
    evaluation: stepShape.evaluation,
  })
  .refine((s) => !s.endsOn || s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'Trinnet slutter, før det begynder.' });

const ownShape = planAgreementInputSchema.options[0].shape;
const agreementForm = z
  .object({ key: z.number().optional(), kind: z.enum(['own', 'network']), networkAgreementId: z.string(), responsible: z.object({ code: z.string(), name: z.string(), role: z.string() }), what: z.string(), when: ownShape.when, dueDate: optionalDay })
  .superRefine((a, ctx) => {
    if (a.kind === 'network') {
      if (!a.networkAgreementId) ctx.addIssue({ code: 'custom', path: ['networkAgreementId'], message: 'Vælg netværksaftalen.' });
      return;
    }
    const who = partyFieldSchema.safeParse(a.responsible);
    if (!who.success) for (const issue of who.error.issues) ctx.addIssue({ code: 'custom', path: ['responsible', ...issue.path.map(String)], message: issue.message });
    if (!a.what.trim()) ctx.addIssue({ code: 'custom', path: ['what'], message: 'Hvad der er aftalt skal udfyldes.' });
  });

const supportShape = supportInputSchema.shape;
const supportForm = z.object({ key: z.number().optional(), service: supportShape.service, contactName: supportShape.contactName, contact: supportShape.contact, handoverMeetingOn: optionalDay, handedOver: supportShape.handedOver });

const planShape = dischargePlanContentSchema.shape;
export const dischargeFormSchema = z.object({
  destination: z.string().min(1, 'Vælg hvor familien skal hen.'),
  targetDate: dateSchema,
  madeWith: partyListSchema('Vælg hvem planen er lavet sammen med.'),
  reason: planShape.reason,
  steps: z.array(stepForm),
  agreements: z.array(agreementForm),
  support: z.array(supportForm),
  separationPlan: planShape.separationPlan,
  contactNotes: planShape.contactNotes,
});
export type DischargeForm = z.input<typeof dischargeFormSchema>;
export type StepForm = z.input<typeof stepForm>;

export const emptyStep: StepForm = { title: '', startsOn: '', endsOn: '', responsible: emptyParty, description: '', status: 'planned', evaluation: '' };
export const emptyPlanAgreement: DischargeForm['agreements'][number] = { kind: 'own', networkAgreementId: '', responsible: emptyParty, what: '', when: '', dueDate: '' };
export const emptySupport: DischargeForm['support'][number] = { service: '', contactName: '', contact: '', handoverMeetingOn: '', handedOver: '' };

export function dischargeFormValues(plan: DischargePlanVersion | null, plannedEndDate: string): DischargeForm {
  if (!plan) return { destination: '', targetDate: plannedEndDate, madeWith: { codes: [], others: '' }, reason: 'Planen er lavet.', steps: [emptyStep], agreements: [], support: [], separationPlan: '', contactNotes: '' };
  return {
    destination: plan.destination,
    targetDate: plan.targetDate,
    madeWith: partyListField(plan.madeWith),
    reason: '',
    steps: plan.steps.map((s) => ({ key: s.key, title: s.title, startsOn: s.startsOn, endsOn: s.endsOn ?? '', responsible: partyField(s.responsible), description: s.description ?? '', status: s.status, evaluation: s.evaluation ?? '' })),
    agreements: plan.agreements.map((a) =>
      a.networkAgreementId !== null
        ? { ...emptyPlanAgreement, key: a.key, kind: 'network', networkAgreementId: String(a.networkAgreementId) }
        : { key: a.key, kind: 'own', networkAgreementId: '', responsible: partyField(a.responsible), what: a.what, when: a.when ?? '', dueDate: a.dueDate ?? '' },
    ),
    support: plan.support.map((s) => ({ key: s.key, service: s.service, contactName: s.contactName ?? '', contact: s.contact ?? '', handoverMeetingOn: s.handoverMeetingOn ?? '', handedOver: s.handedOver ?? '' })),
    separationPlan: plan.separationPlan ?? '',
    contactNotes: plan.contactNotes ?? '',
  };
}

export function dischargeInput(familyId: number, baseVersion: number | null, v: z.output<typeof dischargeFormSchema>) {
  return {
    familyId,
    baseVersion,
    reason: v.reason,
    destination: v.destination as Destination,
    targetDate: v.targetDate,
    madeWith: partyListInput(v.madeWith),
    steps: v.steps.map((s) => ({ ...s, endsOn: s.endsOn || null, responsible: partyInput(s.responsible) })),
    agreements: v.agreements.map((a) =>
      a.kind === 'network'
        ? { kind: 'network' as const, key: a.key, networkAgreementId: Number(a.networkAgreementId) }
        : { kind: 'own' as const, key: a.key, responsible: partyInput(a.responsible), what: a.what.trim(), when: a.when, dueDate: a.dueDate || null },
    ),
    support: v.support.map((s) => ({ ...s, handoverMeetingOn: s.handoverMeetingOn || null })),
    separationPlan: v.separationPlan,
    contactNotes: v.contactNotes,
  };
}
