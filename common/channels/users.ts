import { z } from 'zod';
import { MAX_ID } from '../ids';
import { roleSchema } from '../roles';
import { initialsSchema, loginNameSchema, passwordSchema, userRefSchema, userSchema } from '../users';
import { channel, empty, text } from './define';

const userId = z.number({ error: 'Vælg en bruger.' }).int().positive().max(MAX_ID);

/** Staff accounts (administrators), and the directory of active staff every user may pick from. */
export const userChannels = {
  'users:list': channel(['admin'], empty, z.array(userSchema)),
  'users:create': channel(
    ['admin'],
    z.strictObject({
      name: text('Navn', 120),
      initials: initialsSchema,
      loginName: loginNameSchema,
      role: roleSchema,
      temporaryPassword: passwordSchema,
    }),
    userSchema,
  ),
  'users:update': channel(['admin'], z.strictObject({ userId, name: text('Navn', 120), initials: initialsSchema, role: roleSchema }), userSchema),
  'users:resetPassword': channel(['admin'], z.strictObject({ userId, temporaryPassword: passwordSchema }), userSchema),
  'users:deactivate': channel(['admin'], z.strictObject({ userId }), userSchema),
  'users:activate': channel(['admin'], z.strictObject({ userId, temporaryPassword: passwordSchema }), userSchema),
  /** Active staff (for choosing team members); leaders and administrators may ask for deactivated ones too (filtering the access log). */
  'users:directory': channel('session', z.strictObject({ includeInactive: z.boolean().default(false) }), z.array(userRefSchema.extend({ active: z.boolean() }))),
} as const;
