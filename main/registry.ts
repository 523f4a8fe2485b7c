import type { Kysely } from 'kysely';
import type { ChannelInput, ChannelName, ChannelOutput, SessionUser, Channels } from '../common/channels';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { BackendCore } from './backend';

export type AuditAction =
  | 'read'
  | 'search'
  | 'create'
  | 'change'
  | 'export'
  | 'print'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'lock'
  | 'recovery'
  | 'denied';

export interface HandlerContext {
  core: BackendCore;
  /** The logged-in user; null only for public channels. */
  user: SessionUser | null;
  /** The database (a transaction for write handlers); null when nobody is logged in. */
  db: Kysely<Database> | null;
  now: Date;
  /** A handler may name the family its call concerned when the input does not (for the access log). */
  auditFamilyId?: number | null;
}

export interface AuditSpec<C extends ChannelName> {
  action: AuditAction;
  familyId?: (input: z.output<Channels[C]['input']>, output: ChannelOutput<C>) => number | null | undefined;
  /** Context to keep (search terms, ids); never note text or CPR numbers. */
  detail?: (input: z.output<Channels[C]['input']>, output: ChannelOutput<C>) => Record<string, unknown> | undefined;
}

export interface Handler<C extends ChannelName> {
  /**
   * How the call is written to the access log:
   * - an AuditSpec: the dispatcher writes the row (inside the same transaction for writes);
   * - 'self': the handler writes its own rows (login, setup, recovery change who is logged in);
   * - 'none': the channel touches no family or user data (reason given in a comment).
   */
  audit: AuditSpec<C> | 'self' | 'none';
  /** Runs inside one transaction together with its access-log row: all or nothing. */
  write?: boolean;
  run(ctx: HandlerContext, input: z.output<Channels[C]['input']>): Promise<ChannelOutput<C>>;
}

export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** Helper that keeps each domain's handler table typed against the channel table. */
export function handlers<T extends Partial<HandlerTable>>(table: T): T {
  return table;
}

export type { ChannelInput };
