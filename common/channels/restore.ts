import { z } from 'zod';
import { channel, empty, nothing } from './define';

const pathSchema = z.string().trim().min(1, 'Vælg sikkerhedskopien.').max(1000, 'Stien er for lang.');

export const restorePreviewSchema = z.object({
  createdAt: z.string().nullable(),
  kind: z.string().nullable(),
  institutionName: z.string(),
  schemaVersion: z.number().int().nullable(),
  /** The backup was made by a newer Familiespor: it cannot be restored by this one. */
  tooNew: z.boolean(),
  bytes: z.number().int().nullable(),
});

export const restoreContentsSchema = z.object({
  families: z.number().int(),
  openFamilies: z.number().int(),
  observations: z.number().int(),
  newestObservationAt: z.string().nullable(),
  users: z.number().int(),
  schemaVersion: z.number().int(),
  /** It will be brought to this version when restored. */
  currentSchemaVersion: z.number().int(),
});

/**
 * Gendannelse: from a backup folder (or a file in it), unlocked with an administrator's password of its time or its
 * recovery code. Public, so a fresh machine with no data folder can restore; refused while someone other than an
 * administrator is logged in.
 */
export const restoreChannels = {
  'restore:inspect': channel('public', z.strictObject({ path: pathSchema }), restorePreviewSchema),
  /** Good backups in this workstation's remembered backup folders, newest first (the login screen offers the newest). */
  'restore:candidates': channel('public', empty, z.array(z.object({ path: z.string(), createdAt: z.string(), kind: z.string() }))),
  'restore:unlock': channel(
    'public',
    z.union([
      z.strictObject({ path: pathSchema, loginName: z.string().trim().min(1, 'Skriv brugernavnet.').max(40), password: z.string().min(1, 'Skriv adgangskoden.').max(200) }),
      z.strictObject({ path: pathSchema, recoveryCode: z.string().trim().min(20, 'Skriv hele gendannelseskoden.').max(60) }),
    ]),
    restoreContentsSchema,
  ),
  /** Puts the unlocked backup in place; the current database is kept aside, never deleted. Everyone logs in anew. */
  'restore:apply': channel('public', empty, z.object({ keptAside: z.string().nullable() })),
  'restore:cancel': channel('public', empty, nothing),
} as const;
