import { z } from 'zod';
import { roleSchema } from '../roles';
import { serverConfigSchema } from '../server';
import { channel } from './define';

/** Where the data goes and the database owner's password, which IT types (as for `prepare-server -- opgrader`). */
export const moveInputSchema = z.strictObject({
  server: z.strictObject(serverConfigSchema.shape),
  ownerPassword: z.string().min(1, 'Skriv ejerens adgangskode (den, IT valgte ved oprettelsen).').max(200, 'Adgangskoden er for lang.'),
});
export type MoveInput = z.input<typeof moveInputSchema>;

const tableCountSchema = z.object({ table: z.string(), source: z.number().int(), copied: z.number().int(), target: z.number().int() });
const chainSchema = z.object({ ok: z.boolean(), checked: z.number().int(), problem: z.string().nullable() });
const movedUserSchema = z.object({ loginName: z.string(), name: z.string(), role: roleSchema, active: z.boolean() });

export const moveCheckSchema = z.object({
  /** True when the move can run: the server answers, its database is empty and this version, the chain holds. */
  ready: z.boolean(),
  problems: z.array(z.string()),
  tables: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  chain: chainSchema,
  users: z.array(movedUserSchema),
});
export type MoveCheck = z.infer<typeof moveCheckSchema>;

export const moveResultSchema = z.object({
  tables: z.array(tableCountSchema),
  chain: chainSchema,
  /** One-time passwords to hand out (shown once; each user chooses their own at the first login on the server). */
  passwords: z.array(movedUserSchema.extend({ password: z.string() })),
  durationMs: z.number(),
});
export type MoveResult = z.infer<typeof moveResultSchema>;

/** "Flyt til institutionens server" (administrators, on this workstation's encrypted file). */
export const moveChannels = {
  'move:check': channel(['admin'], moveInputSchema, moveCheckSchema),
  'move:run': channel(['admin'], moveInputSchema, moveResultSchema),
} as const;
