import { z } from 'zod';
import { channel, empty, text } from './define';

export const idleLockMinutesSchema = z
  .number({ error: 'Angiv et antal minutter.' })
  .int('Angiv hele minutter.')
  .min(1, 'Mindst 1 minut.')
  .max(120, 'Højst 120 minutter.');

export const settingsSchema = z.object({
  institutionName: z.string(),
  idleLockMinutes: z.number().int(),
  recoveryConfirmed: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The institution's settings. */
export const settingsChannels = {
  'settings:get': channel('session', empty, settingsSchema),
  'settings:update': channel(['admin'], z.strictObject({ institutionName: text('Institutionens navn', 120), idleLockMinutes: idleLockMinutesSchema }), settingsSchema),
} as const;
