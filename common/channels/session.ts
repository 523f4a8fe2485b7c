import { z } from 'zod';
import { MAX_ID } from '../ids';
import { initialsSchema, loginNameSchema, passwordSchema, sessionUserSchema } from '../users';
import { serverConfigSchema } from '../server';
import { dataFolderSchema } from '../data-folder';
import { channel, empty, nothing, text } from './define';

const recoveryCodeSchema = z.string().trim().min(20, 'Skriv hele gendannelseskoden.').max(60, 'Gendannelseskoden er for lang.');

/** First-run setup, login, lock, logout, own password and the recovery code. */
export const sessionChannels = {
  'app:status': channel(
    'public',
    empty,
    z.object({
      setupDone: z.boolean(),
      institutionName: z.string().nullable(),
      session: sessionUserSchema.nullable(),
      recovering: z.boolean(),
      /** The key file exists but cannot be read: nobody can log in until it is restored. */
      keyFileDamaged: z.boolean(),
      /** The institution's server this workstation uses; null: this computer's encrypted file. */
      server: z.object({ host: z.string(), database: z.string() }).nullable(),
    }),
  ),
  /** "Institutionens server" at setup: checks that the server answers with the institution's certificate, and keeps it. */
  'setup:connectServer': channel('public', z.strictObject(serverConfigSchema.shape), z.object({ host: z.string(), database: z.string() })),
  'setup:create': channel(
    'public',
    z.strictObject({
      institutionName: text('Institutionens navn', 120),
      admin: z.strictObject({
        name: text('Navn', 120),
        initials: initialsSchema,
        loginName: loginNameSchema,
        password: passwordSchema,
      }),
      /** Another local folder for the data than the one this workstation starts with (see setup:checkFolder). */
      dataFolder: dataFolderSchema.optional(),
    }),
    z.object({ user: sessionUserSchema, recoveryCode: z.string() }),
  ),
  'session:login': channel(
    'public',
    z.strictObject({ loginName: z.string().trim().min(1, 'Skriv dit brugernavn.').max(40), password: z.string().min(1, 'Skriv din adgangskode.').max(200) }),
    sessionUserSchema,
  ),
  'session:logout': channel('public', empty, nothing),
  'session:lock': channel('session', empty, nothing),
  /** Called on user activity (throttled) so the idle lock measures real inactivity. */
  'session:ping': channel('session', empty, z.object({ idleLockMs: z.number().int() })),
  'session:changePassword': channel(
    'session',
    z.strictObject({ currentPassword: z.string().min(1, 'Skriv din nuværende adgangskode.').max(200), newPassword: passwordSchema }),
    sessionUserSchema,
  ),
  'recovery:start': channel(
    'public',
    z.strictObject({ recoveryCode: recoveryCodeSchema }),
    z.object({ admins: z.array(z.object({ id: z.number().int(), name: z.string(), loginName: z.string() })) }),
  ),
  'recovery:complete': channel(
    'public',
    z.strictObject({ userId: z.number({ error: 'Vælg en bruger.' }).int().positive().max(MAX_ID), newPassword: passwordSchema }),
    z.object({ user: sessionUserSchema, recoveryCode: z.string() }),
  ),
  'recovery:regenerate': channel(['admin'], empty, z.object({ recoveryCode: z.string() })),
  'recovery:confirm': channel(['admin'], z.strictObject({ lastGroups: z.string().trim().min(1, 'Skriv de sidste to grupper af koden.').max(20) }), nothing),
} as const;
