import { z } from 'zod';
import { MAX_ID } from '../ids';
import type { Role } from '../roles';

/**
 * Who may call a channel: 'public' (nobody needs to be logged in), 'session' (any logged-in user) or a list of roles.
 * The backend gives a 'public' handler no database and no user; every other handler gets both, non-null by type.
 */
export type Access = 'public' | 'session' | readonly Role[];

export interface ChannelDef<A extends Access = Access, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: A;
  input: I;
  output: O;
}

export function channel<const A extends Access, I extends z.ZodType, O extends z.ZodType>(access: A, input: I, output: O): ChannelDef<A, I, O> {
  return { access, input, output };
}

/** Required text with Danish messages. */
export const text = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} skal udfyldes.`).max(max, `${label} må højst have ${max} tegn.`);

export const empty = z.strictObject({});
export const nothing = z.null();
export const id = z.number().int().positive().max(MAX_ID);
