import { z } from 'zod';
import { channels } from '../../../../common/channels';
import { DEFAULT_LEGAL_BASIS, personKinds, phases } from '../../../../common/families';
import { checkedByChannel } from '../../ui/channelCheck';
import { today } from '../../ui/format';

const input = channels['families:create'].input;

/** The form keeps text fields as strings; the channel schema (shared with the backend) reports every problem at once. */
export const newFamilySchema = checkedByChannel(
  z.object({
    displayName: z.string(),
    municipality: z.string(),
    caseworkerName: z.string(),
    caseworkerContact: z.string(),
    legalBasis: z.string(),
    phase: z.enum(phases),
    startDate: z.string(),
    plannedEndDate: z.string(),
    persons: z.array(z.object({ kind: z.enum(personKinds), name: z.string(), cpr: z.string(), birthDate: z.string(), dueDate: z.string() })),
  }),
  input,
).transform((v) => input.parse(v));

export type NewFamilyValues = z.input<typeof newFamilySchema>;
export type NewFamilyOutput = z.output<typeof newFamilySchema>;

export const emptyPerson = (kind: NewFamilyValues['persons'][number]['kind']) => ({ kind, name: '', cpr: '', birthDate: '', dueDate: '' });

export function emptyFamily(): NewFamilyValues {
  return {
    displayName: '',
    municipality: '',
    caseworkerName: '',
    caseworkerContact: '',
    legalBasis: DEFAULT_LEGAL_BASIS,
    phase: 'intake',
    startDate: today(),
    plannedEndDate: '',
    persons: [emptyPerson('mother')],
  };
}
