import type { Kysely } from 'kysely';
import { channels, isChannelName, mayCall, type ChannelName } from '../../common/channels';
import { AppFailure, errorMessages, fail, ok, type FieldIssue, type Result } from '../../common/errors';
import { normalizeStrings, toFieldIssues } from '../../common/validation';
import { DatabaseTooNewError, storageFailure } from '../../db/database';
import { serverFailure, versionTaken } from '../../db/postgres/connect';
import { INSTRUMENT_CHANGED_MESSAGE } from '../../common/instruments';
import { PLAN_CHANGED_MESSAGE } from '../../common/plan-keys';
import type { Database } from '../../db/schema';
import type { FaultPoint } from '../keys/vault';
import type { AccessLogWriter } from './access-log';
import type { CallContext, Handler, HandlerTable, OfflineContext, SessionContext } from './context';
import { familyAccess, type FamilyAccess } from './family-access';
import type { SerialQueue } from './queue';
import type { ActiveSession, SessionState } from './session';

/** Channels a user who must change password may still call. */
const allowedWhileMustChange = new Set<ChannelName>(['app:status', 'session:changePassword', 'session:logout', 'session:lock', 'session:ping']);

/** Error replies never carry unbounded input back: at most this many issues, each shortened. */
const MAX_ISSUES = 20;
const MAX_ISSUE_TEXT = 200;

function bounded(issues: FieldIssue[]): FieldIssue[] {
  const cut = (s: string) => (s.length > MAX_ISSUE_TEXT ? `${s.slice(0, MAX_ISSUE_TEXT)}…` : s);
  return issues.slice(0, MAX_ISSUES).map((i) => ({ path: cut(i.path), message: cut(i.message) }));
}

export interface DispatcherDeps {
  queue: SerialQueue;
  session: SessionState;
  accessLog: AccessLogWriter;
  handlers: HandlerTable;
  diagnose: (message: string) => void;
  fault?: (point: FaultPoint) => void;
}

/**
 * Takes one call from a transport: checks the channel name, who may call it, the input (zod), runs the handler with
 * the context its channel needs, writes the access log, and checks the output against the contract. Never throws:
 * every outcome is a Result, and nothing a caller sends can crash it.
 */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>> {
    return this.deps.queue.run(() => this.dispatchNow(channel, input)).catch((err: unknown) => {
      this.deps.diagnose(`Dispatch failed: ${describe(err)}`);
      return fail('internal');
    });
  }

  private async dispatchNow(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannelName(name)) return fail('unknown_channel');
    const def = channels[name];
    const session = this.deps.session.active();
    const user = session?.user ?? null;
    if (!mayCall(def.access, user?.role ?? null)) {
      if (session) await this.logDenied(session, name, null);
      return fail(user ? 'forbidden' : 'unauthenticated');
    }
    if (user?.mustChangePassword && !allowedWhileMustChange.has(name)) return fail('must_change_password');
    const parsed = def.input.safeParse(normalizeStrings(rawInput));
    if (!parsed.success) return fail('invalid_input', errorMessages.invalid_input, bounded(toFieldIssues(parsed.error)));
    if (session) this.deps.session.touch();

    const handler = this.deps.handlers[name] as Handler<ChannelName>;
    const now = new Date();
    try {
      const value =
        def.access === 'public'
          ? await (handler.run as (ctx: CallContext, input: unknown) => Promise<unknown>)({ now }, parsed.data)
          : await this.runWithSession(name, handler, parsed.data, now);
      // Parsing the output strips anything the contract does not name (no column leaks to the renderer).
      return ok(def.output.parse(value));
    } catch (err) {
      if (err instanceof AppFailure) return fail(err.code, err.message, err.issues ? bounded(err.issues) : undefined);
      if (err instanceof DatabaseTooNewError) return fail('db_too_new');
      const taken = versionTaken(err);
      if (taken) return fail('conflict', taken === 'plan' ? PLAN_CHANGED_MESSAGE : INSTRUMENT_CHANGED_MESSAGE);
      const storage = storageFailure(err);
      if (storage) {
        this.deps.diagnose(`Channel ${name} failed on storage: ${describe(err)}`);
        return fail(storage);
      }
      // The institution's server went away (or is restarting) in the middle of the call: nothing was committed that
      // was not acknowledged, and the user is told in Danish that the server is away, not that something broke.
      const server = serverFailure(err);
      if (server === 'server_unavailable' && handler.offline && session) {
        const offline = handler.offline as (ctx: OfflineContext, input: unknown) => Promise<unknown>;
        try {
          return ok(def.output.parse(await offline({ now, user: session.user }, parsed.data)));
        } catch (fallback) {
          this.deps.diagnose(`Channel ${name} could not be kept on this workstation: ${describe(fallback)}`);
        }
      }
      if (server === 'server_unavailable' || server === 'disk_full' || server === 'storage_readonly') {
        this.deps.diagnose(`Channel ${name} failed on the server connection: ${describe(err)}`);
        return fail(server);
      }
      this.deps.diagnose(`Channel ${name} failed: ${describe(err)}`);
      return fail('internal');
    }
  }

  private async runWithSession(channel: ChannelName, handler: Handler<ChannelName>, input: unknown, now: Date): Promise<unknown> {
    const session = this.deps.session.active();
    if (!session) throw new AppFailure('unauthenticated');
    const run = handler.run as (ctx: SessionContext, input: unknown) => Promise<unknown>;
    const policy = this.deps.session.familyPolicy();
    let families: FamilyAccess | null = null;
    try {
      if (handler.write) {
        const commits: Array<() => void> = [];
        const value = await session.store.db.transaction().execute(async (trx) => {
          families = familyAccess(trx, session.user, policy);
          const value = await run({ db: trx, user: session.user, now, families, onCommit: (work) => commits.push(work) }, input);
          await this.record(trx, session, channel, handler, input, value, families, now);
          this.deps.fault?.('commit');
          return value;
        });
        for (const work of commits) {
          try {
            work();
          } catch (err) {
            // The database has committed; the key file catches up at the next login (Vault.reconcile).
            this.deps.diagnose(`After-commit step of ${channel} failed: ${describe(err)}`);
          }
        }
        return value;
      }
      const db = session.store.db;
      families = familyAccess(db, session.user, policy);
      const value = await run({ db, user: session.user, now, families, onCommit: () => undefined }, input);
      const named = families;
      if (typeof handler.audit === 'object') await db.transaction().execute((trx) => this.record(trx, session, channel, handler, input, value, named, now));
      return value;
    } catch (err) {
      const refused = (families as FamilyAccess | null)?.refused ?? null;
      if (err instanceof AppFailure && err.code === 'forbidden') await this.logDenied(session, channel, refused);
      throw err;
    }
  }

  private async record(
    db: Kysely<Database>,
    session: ActiveSession,
    channel: ChannelName,
    handler: Handler<ChannelName>,
    input: unknown,
    value: unknown,
    families: FamilyAccess,
    now: Date,
  ): Promise<void> {
    const spec = handler.audit;
    if (typeof spec !== 'object') return;
    await this.deps.accessLog.write(db, {
      action: spec.action,
      channel,
      subject: typeof spec.subject === 'function' ? spec.subject(input as never, value as never) : spec.subject,
      detail: spec.detail?.(input as never, value as never) ?? null,
      familyIds: families.named,
      userId: session.user.id,
      sessionId: session.sessionId,
      at: now.toISOString(),
    });
  }

  private async logDenied(session: ActiveSession, channel: ChannelName, familyId: number | null): Promise<void> {
    try {
      await session.store.db.transaction().execute((trx) =>
        this.deps.accessLog.write(trx, {
          action: 'denied',
          channel,
          subject: familyId ? 'ikke i indsatsteamet' : 'ingen adgang',
          familyIds: familyId ? [familyId] : [],
          userId: session.user.id,
          sessionId: session.sessionId,
        }),
      );
    } catch (err) {
      this.deps.diagnose(`Could not log a refused call: ${describe(err)}`);
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
