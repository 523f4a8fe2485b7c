import { z } from 'zod';
import { agreementInputSchema, followUpInputSchema, meetingInputSchema, meetingSchema, networkOverviewSchema, networkPersonFieldsSchema } from '../network';
import { optionalText, requiredText } from '../text-input';
import { channel, id } from './define';

/** The family's network, its agreements with their follow-up, and netværksmøder. Every output names its family. */
export const networkChannels = {
  /** Persons, agreements, meetings and the network map's data. */
  'network:get': channel('session', z.strictObject({ familyId: id }), networkOverviewSchema),
  'network:addPerson': channel('session', networkPersonFieldsSchema.extend({ familyId: id }), networkOverviewSchema),
  'network:updatePerson': channel('session', networkPersonFieldsSchema.extend({ networkPersonId: id }), networkOverviewSchema),
  /** The person leaves the network map; agreements and plans that name them keep doing so. */
  'network:removePerson': channel('session', z.strictObject({ networkPersonId: id, reason: optionalText('Begrundelse', 500) }), networkOverviewSchema),
  /** An agreement made outside a meeting: who helps with what, when. Never changed afterwards; followed up. */
  'network:addAgreement': channel('session', agreementInputSchema.extend({ familyId: id }), networkOverviewSchema),
  /** The agreement's status now (open, kept, not kept) with a note; earlier follow-ups stay. */
  'network:followUp': channel('session', followUpInputSchema, networkOverviewSchema),
  'networkMeetings:create': channel('session', meetingInputSchema, meetingSchema),
  'networkMeetings:get': channel('session', z.strictObject({ meetingId: id }), meetingSchema),
  /** A correction is appended; the meeting's record itself never changes. */
  'networkMeetings:amend': channel(
    'session',
    z.strictObject({ meetingId: id, reason: requiredText('Hvorfor der rettes', 500), text: requiredText('Rettelsen', 4000) }),
    meetingSchema,
  ),
} as const;
