import { z } from 'zod';
import { MAX_ID } from '../ids';
import { dateSchema } from '../dates';
import { channel, empty, id, nothing } from './define';

export const accessLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  channel: z.string(),
  subject: z.string().nullable(),
  familyId: z.number().int().nullable(),
  familyName: z.string().nullable(),
  detail: z.string().nullable(),
  /** false for events read back from the sealed events file ("ikke verificeret"). */
  verified: z.boolean(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const chainReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstId: z.number().int().nullable(),
  lastId: z.number().int(),
  broken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
  anchor: z.object({
    status: z.enum(['ok', 'missing', 'behind', 'mismatch', 'other_database']),
    lastId: z.number().int().nullable(),
    at: z.string().nullable(),
  }),
});
export type ChainReport = z.infer<typeof chainReportSchema>;

export const familyAccessReportSchema = z.object({
  family: z.object({ id: z.number().int(), displayName: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  includeStaff: z.boolean(),
  rows: z.array(z.object({ at: z.string(), action: z.string(), subject: z.string().nullable(), userName: z.string().nullable() })),
});
export type FamilyAccessReport = z.infer<typeof familyAccessReportSchema>;

const reasonSchema = z.string().trim().min(10, 'Skriv en begrundelse på mindst 10 tegn.').max(300, 'Højst 300 tegn.');

/** The access log (adgangslog), for leaders; and "bryd glasset" for staff limited by need-to-know. */
export const accessLogChannels = {
  'accessLog:list': channel(
    ['leader', 'admin'],
    z.strictObject({
      userId: z.number({ error: 'Vælg en bruger.' }).int().positive().max(MAX_ID).optional(),
      familyId: id.optional(),
      action: z.string().max(40).optional(),
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      beforeId: id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ entries: z.array(accessLogEntrySchema), nextBeforeId: z.number().int().nullable() }),
  ),
  /** The filtered access log for a CSV file (at most 50,000 rows, newest first); logged as an export. */
  'accessLog:export': channel(
    ['leader', 'admin'],
    z.strictObject({
      userId: z.number({ error: 'Vælg en bruger.' }).int().positive().max(MAX_ID).optional(),
      familyId: id.optional(),
      action: z.string().max(40).optional(),
      from: dateSchema.optional(),
      to: dateSchema.optional(),
    }),
    z.object({ entries: z.array(accessLogEntrySchema), truncated: z.boolean() }),
  ),
  /** Walks the hash chain and compares it with the anchor kept outside the database. */
  'accessLog:verify': channel(['leader', 'admin'], empty, chainReportSchema),
  /** Re-anchors the chain after a restore: the anchor is set to the database's newest row (logged). */
  'accessLog:reanchor': channel(['admin'], z.strictObject({ reason: reasonSchema }), chainReportSchema),
  /** Every access to one family, for a citizen's access request (GDPR art. 15); staff names only when chosen. */
  'accessLog:familyReport': channel(
    ['leader', 'admin'],
    z.strictObject({ familyId: id, includeStaff: z.boolean().default(false), from: dateSchema.optional(), to: dateSchema.optional() }),
    familyAccessReportSchema,
  ),
  /** Need-to-know: opens one family for this session with a logged reason (urgent cases). */
  'access:breakGlass': channel('session', z.strictObject({ familyId: id, reason: reasonSchema }), nothing),
  /** The names of the families living at the institution, to choose one to break the glass for. */
  'access:directory': channel('session', empty, z.array(z.object({ id: z.number().int(), displayName: z.string(), onMyTeam: z.boolean() }))),
} as const;
