import { z } from 'zod';
import { acknowledgementActions, underretningInputSchema, underretningSchema } from '../concerns';
import { observationSchema } from '../journal';
import { channel, empty, id, nothing } from './define';

/** Serious concerns waiting for a leader, what was done about them, and underretninger. */
export const concernChannels = {
  'concerns:pending': channel(['leader', 'admin'], empty, z.array(observationSchema)),
  'concerns:acknowledge': channel(
    ['leader', 'admin'],
    z.strictObject({
      observationId: id,
      actions: z.array(z.enum(acknowledgementActions)).min(1, 'Vælg hvad der er gjort.').max(acknowledgementActions.length),
      note: z.string().trim().min(1, 'Skriv kort hvad der er gjort, og hvad der er aftalt.').max(1000, 'Højst 1.000 tegn.'),
    }),
    nothing,
  ),
  /** Any staff member records an underretning: the skærpede underretningspligt is personal. */
  'underretninger:create': channel('session', underretningInputSchema, underretningSchema),
  /** A correction is appended; the underretning itself never changes. */
  'underretninger:amend': channel(
    'session',
    z.strictObject({
      underretningId: id,
      reason: z.string().trim().min(1, 'Skriv hvorfor der rettes.').max(500, 'Højst 500 tegn.'),
      text: z.string().trim().min(1, 'Skriv rettelsen.').max(4000, 'Højst 4.000 tegn.'),
    }),
    underretningSchema,
  ),
} as const;
