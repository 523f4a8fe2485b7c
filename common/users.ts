import { z } from 'zod';
import { passwordProblem } from './password';
import { roleSchema } from './roles';

/** Staff accounts: login names, the session user, the user list and short references to a user. */
export const loginNameSchema = z
  .string()
  .trim()
  .min(2, 'Brugernavnet skal have mindst 2 tegn.')
  .max(40, 'Brugernavnet må højst have 40 tegn.')
  .regex(/^[a-zA-Z0-9æøåÆØÅ._-]+$/, 'Brugernavnet må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.');

export const initialsSchema = z.string().trim().min(1, 'Initialer skal udfyldes.').max(6, 'Initialer må højst have 6 tegn.');

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const sessionUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  initials: z.string(),
  loginName: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const userSchema = sessionUserSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

/** A user as shown beside what they wrote or did. */
export const userRefSchema = z.object({ id: z.number().int(), name: z.string(), initials: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;
