import { z } from 'zod';
import { channel, empty } from './define';

export const backupEntrySchema = z.object({
  id: z.string(),
  createdAt: z.string().nullable(),
  kind: z.string().nullable(),
  bytes: z.number().int().nullable(),
  schemaVersion: z.number().int().nullable(),
  status: z.enum(['ok', 'damaged', 'unreadable']),
  checkedAt: z.string().nullable(),
  problem: z.string().nullable(),
  /** 'server': a copy of the institution's server (checked when taken, and again with the backup code at a restore). */
  origin: z.enum(['workstation', 'server']),
});
export type BackupEntryView = z.infer<typeof backupEntrySchema>;

export const backupStatusSchema = z.object({
  folder: z.string(),
  /** The folder inside the data folder, used until the administrator chooses another (a USB stick, a network share). */
  defaultFolder: z.string(),
  folderOk: z.boolean(),
  folderProblem: z.string().nullable(),
  lastGoodAt: z.string().nullable(),
  backups: z.array(backupEntrySchema),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** Sikkerhedskopier (administrators). */
export const backupChannels = {
  'backups:status': channel(['admin'], empty, backupStatusSchema),
  /** On the institution's server the first backup makes the backup code, returned here once (null otherwise). */
  'backups:create': channel(['admin'], empty, backupEntrySchema.extend({ backupCode: z.string().nullable() })),
  'backups:verify': channel(['admin'], z.strictObject({ id: z.string().min(1).max(200) }), backupEntrySchema),
  'backups:setFolder': channel(
    ['admin'],
    z.strictObject({ folder: z.string().trim().min(1, 'Vælg en mappe.').max(1000, 'Stien er for lang.') }),
    backupStatusSchema,
  ),
} as const;
