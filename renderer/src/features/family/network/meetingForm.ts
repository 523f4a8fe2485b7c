import { z } from 'zod';
import { agreementStatuses, meetingInputSchema, type NetworkAgreement } from '../../../../../common/network';
import { partyListInput, partyListSchema } from '../plans/parties';
import { today } from '../../../ui/format';
import { agreementFormSchema, agreementInput } from './AgreementDialogs';

/** The netværksmøde form: its fields, the values it starts with, and the channel input it becomes. */
const shape = meetingInputSchema.shape;
export const meetingFormSchema = z.object({
  heldOn: shape.heldOn,
  participants: partyListSchema('Vælg hvem der deltog.'),
  topics: z.array(z.object({ text: z.string().max(300, 'Emnet må højst have 300 tegn.') })),
  summary: shape.summary,
  agreements: z.array(agreementFormSchema),
  followUps: z.array(
    z
      .object({ agreementId: z.number(), what: z.string(), status: z.union([z.literal(''), z.enum(agreementStatuses)]), note: z.string().max(1000, 'Noten må højst have 1000 tegn.') })
      .refine((f) => f.status !== 'not_kept' || f.note.trim() !== '', { path: ['note'], message: 'Skriv kort hvad der skete, når en aftale ikke er overholdt.' }),
  ),
});
export type MeetingForm = z.input<typeof meetingFormSchema>;

export function emptyMeeting(openAgreements: NetworkAgreement[]): MeetingForm {
  return {
    heldOn: today(),
    participants: { codes: [], others: '' },
    topics: [{ text: '' }],
    summary: '',
    agreements: [],
    followUps: openAgreements.map((a) => ({ agreementId: a.id, what: a.what, status: '', note: '' })),
  };
}

export function meetingInput(familyId: number, v: z.output<typeof meetingFormSchema>) {
  return {
    familyId,
    heldOn: v.heldOn,
    participants: partyListInput(v.participants),
    topics: v.topics.map((t) => t.text.trim()).filter(Boolean),
    summary: v.summary,
    agreements: v.agreements.map(agreementInput),
    followUps: v.followUps.flatMap((f) => (f.status ? [{ agreementId: f.agreementId, status: f.status, note: f.note.trim() || null }] : [])),
  };
}
