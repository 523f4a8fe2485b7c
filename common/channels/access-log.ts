import { z } from 'zod';
import { channel } from './define';

export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  channel: z.string(),
  familyId: z.number().int().nullable(),
  familyName: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** The access log (adgangslog), for leaders. */
export const accessLogChannels = {
  'accessLog:list': channel(
    ['leader', 'admin'],
    z.strictObject({
      userId: z.number({ error: 'Vælg en bruger.' }).int().positive().optional(),
      familyId: z.number().int().positive().optional(),
      action: z.string().max(40).optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ entries: z.array(accessLogEntrySchema), nextBeforeId: z.number().int().nullable() }),
  ),
} as const;
