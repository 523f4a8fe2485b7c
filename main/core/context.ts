import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Channels, PublicChannel, SessionUser } from '../../common/channels';
import type { Database } from '../../db/schema';
import type { AccessAction } from './access-log';
import type { FamilyAccess } from './family-access';

/** What every handler gets. */
export interface CallContext {
  now: Date;
}

/**
 * What a handler of a channel that needs a session gets: the database (a transaction for write handlers), the
 * logged-in user, and the family gate that applies need-to-know and names the families the call touched in the
 * access log. All non-null by type.
 */
export interface SessionContext extends CallContext {
  db: Kysely<Database>;
  user: SessionUser;
  families: FamilyAccess;
  /** Runs after a write handler's transaction has committed (key-file changes that follow the database). */
  onCommit(work: () => void): void;
}

export type ContextOf<C extends ChannelName> = C extends PublicChannel ? CallContext : SessionContext;
export type InputOf<C extends ChannelName> = z.output<Channels[C]['input']>;

export interface AuditSpec<C extends ChannelName> {
  action: AccessAction;
  /** The kind of access in plain Danish ("dagbog", "familie", "forside"): the row's purpose. */
  subject: string | ((input: InputOf<C>, output: ChannelOutput<C>) => string);
  /** Context to keep (search terms, ids); never note text. CPR-like digit runs are masked when written. */
  detail?: (input: InputOf<C>, output: ChannelOutput<C>) => Record<string, unknown> | undefined;
}

export interface Handler<C extends ChannelName> {
  /**
   * How the call is written to the access log:
   * - an AuditSpec: the dispatcher writes one row per family the handler named through `ctx.families` (one row
   *   without a family when it named none), inside the write's transaction; repeated reads in a session are folded;
   * - 'self': the handler writes its own rows (login, setup and recovery change who is logged in);
   * - 'none': the channel touches no family or user data (the reason is given in a comment).
   */
  audit: AuditSpec<C> | 'self' | 'none';
  /** Runs inside one transaction together with its access-log rows: all or nothing. */
  write?: boolean;
  run(ctx: ContextOf<C>, input: InputOf<C>): Promise<ChannelOutput<C>>;
  /**
   * On the institution's server: what the call does instead when the server cannot be reached (a draft kept in the
   * workstation's own encrypted draft store). Without it the call is refused as server_unavailable.
   */
  offline?(ctx: OfflineContext, input: InputOf<C>): Promise<ChannelOutput<C>>;
}

/** What an offline fallback gets: who is logged in and the time; no database. */
export interface OfflineContext extends CallContext {
  user: SessionUser;
}

export type HandlerTable = { [C in ChannelName]: Handler<C> };

/** Keeps a domain's handler table typed against the channel table. */
export function handlers<T extends Partial<HandlerTable>>(table: T): T {
  return table;
}
