import { z } from 'zod';
import { shiftTimesSchema } from '../shift-time';
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
  /** Staff see only the families whose indsatsteam they are on (leaders and administrators see all). */
  needToKnow: z.boolean(),
  /** Wrong passwords in 15 minutes before one login name is locked out for a while. */
  loginMaxFailures: z.number().int(),
  loginLockoutMinutes: z.number().int(),
  /** How long access-log rows are kept. */
  accessLogRetentionYears: z.number().int(),
  /** Years after a stay ended before a closed family may be deleted. */
  familyRetentionYears: z.number().int(),
  /** When the day, evening and night shifts start (minutes after midnight). */
  shiftTimes: shiftTimesSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** The institution's settings. */
export const settingsChannels = {
  'settings:get': channel('session', empty, settingsSchema),
  'settings:update': channel(
    ['admin'],
    z.strictObject({
      institutionName: text('Institutionens navn', 120),
      idleLockMinutes: idleLockMinutesSchema,
      needToKnow: z.boolean().optional(),
      loginMaxFailures: z.number({ error: 'Angiv et antal forsøg.' }).int('Angiv et helt antal.').min(3, 'Mindst 3 forsøg.').max(20, 'Højst 20 forsøg.').optional(),
      loginLockoutMinutes: z.number({ error: 'Angiv et antal minutter.' }).int('Angiv hele minutter.').min(1, 'Mindst 1 minut.').max(240, 'Højst 240 minutter.').optional(),
      accessLogRetentionYears: z.number({ error: 'Angiv et antal år.' }).int('Angiv hele år.').min(1, 'Mindst 1 år.').max(20, 'Højst 20 år.').optional(),
      familyRetentionYears: z.number({ error: 'Angiv et antal år.' }).int('Angiv hele år.').min(1, 'Mindst 1 år.').max(30, 'Højst 30 år.').optional(),
      shiftTimes: shiftTimesSchema
        .refine((t) => new Set([t.day, t.evening, t.night]).size === 3, 'Vagterne skal starte på forskellige tidspunkter.')
        .optional(),
    }),
    settingsSchema,
  ),
} as const;
