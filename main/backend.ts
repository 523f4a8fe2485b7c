import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { channels, isChannelName, mayCall, type ChannelName, type EventName, type EventPayload, type SessionUser } from '../common/channels';
import { AppFailure, errorMessages, fail, ok, type Result } from '../common/errors';
import { toFieldIssues, useDanishZodMessages } from '../common/validation';
import { DatabaseTooNewError } from '../db/database';
import { unsafeLocationReason } from '../db/location';
import type { Database } from '../db/schema';
import type { AuditAction, Handler, HandlerContext, HandlerTable } from './registry';
import { accessLogHandlers } from './services/access-log';
import { categoryHandlers } from './services/categories';
import { familyHandlers } from './services/families';
import { logHandlers } from './services/log';
import { overviewHandlers } from './services/overview';
import { teamHandlers } from './services/team';
import { sessionHandlers } from './services/session';
import { settingsHandlers, readSettings } from './services/settings';
import { userHandlers } from './services/users';
import { close, Vault, type Unlocked } from './vault';

export interface BackendOptions {
  /** Folder with the database, key file and backups. */
  dataDir: string;
  /** scrypt cost for new slots (default 2^17); tests use a lower cost. */
  scryptN?: number;
  /** Overrides the idle lock setting (browser tests). */
  idleLockMsOverride?: number;
  /** How often the idle timer looks (ms). */
  idleCheckMs?: number;
  /** How often idle-time maintenance (WAL checkpoint) may run (ms). */
  maintenanceMs?: number;
  log?: (message: string) => void;
}

type State =
  | { kind: 'closed' }
  | { kind: 'recovering'; unlocked: Unlocked }
  | { kind: 'user'; unlocked: Unlocked; user: SessionUser; idleLockMs: number };

/** Channels a user who must change password may still call. */
const allowedWhileMustChange = new Set<ChannelName>(['app:status', 'session:changePassword', 'session:logout', 'session:lock', 'session:ping']);

const allHandlers: HandlerTable = {
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...accessLogHandlers,
  ...familyHandlers,
  ...teamHandlers,
  ...logHandlers,
  ...categoryHandlers,
  ...overviewHandlers,
};

export interface Backend {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): Promise<void>;
  readonly dataDir: string;
}

/**
 * The backend core: session, authorization, validation, access log and services, without Electron.
 * Transports (ipcMain, the loopback HTTP bridge, tests) call dispatch().
 */
export class BackendCore implements Backend {
  readonly vault: Vault;
  private state: State = { kind: 'closed' };
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout;
  private listeners = new Set<(event: EventName, payload: unknown) => void>();
  /** A recovery code shown but not yet confirmed by typing part of it back; memory only. */
  pendingRecoveryCode: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lastCallAt = 0;
  private maintenanceTimer: NodeJS.Timeout;

  constructor(readonly options: BackendOptions) {
    useDanishZodMessages();
    this.vault = new Vault(options.dataDir, options.scryptN);
    this.idleTimer = setInterval(() => void this.checkIdle(), options.idleCheckMs ?? 1000);
    this.idleTimer.unref();
    this.maintenanceTimer = setInterval(() => void this.maintain(), options.maintenanceMs ?? 5000);
    this.maintenanceTimer.unref();
  }

  /**
   * Work that would otherwise land on a staff member's save, done while nobody is waiting (no call for a second):
   * a bounded step of full-text index merging, then moving the WAL into the database file (PASSIVE never blocks
   * readers; the autocheckpoint is only a safety net).
   */
  private async maintain(): Promise<void> {
    if (this.state.kind === 'closed' || Date.now() - this.lastCallAt < 1000) return;
    await (this.queue = this.queue.then(() => {
      if (this.state.kind === 'closed') return;
      const { sqlite } = this.state.unlocked;
      sqlite.prepare("insert into observation_search (observation_search, rank) values ('merge', 500)").run();
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    })).catch((err: unknown) => this.log(`Maintenance failed: ${String(err)}`));
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get scryptN(): number | undefined {
    return this.options.scryptN;
  }

  /** One call at a time: login, lock and writes never interleave. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>> {
    const run = this.queue.then(() => this.dispatchNow(channel, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatchNow(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    this.lastCallAt = Date.now();
    if (!isChannelName(channel)) return fail('unknown_channel');
    const def = channels[channel];
    const handler = allHandlers[channel] as Handler<ChannelName>;
    const user = this.state.kind === 'user' ? this.state.user : null;
    if (!mayCall(def.access, user?.role ?? null)) {
      if (user) await this.audit({ action: 'denied', channel, userId: user.id });
      return fail(user ? 'forbidden' : 'unauthenticated');
    }
    if (user?.mustChangePassword && !allowedWhileMustChange.has(channel)) return fail('must_change_password');
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) return fail('invalid_input', errorMessages.invalid_input, toFieldIssues(parsed.error));
    if (user) this.lastActivity = Date.now();

    try {
      const value = await this.runHandler(channel, handler, parsed.data, user);
      // Parsing the output strips anything the contract does not name (no column leaks to the renderer).
      return ok(def.output.parse(value));
    } catch (err) {
      if (err instanceof AppFailure) return fail(err.code, err.message, err.issues);
      if (err instanceof DatabaseTooNewError) return fail('db_too_new');
      this.log(`Channel ${channel} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return fail('internal');
    }
  }

  private async runHandler(channel: ChannelName, handler: Handler<ChannelName>, input: unknown, user: SessionUser | null): Promise<unknown> {
    const db = this.db();
    const now = new Date();
    const spec = handler.audit;
    if (handler.write && db) {
      return db.transaction().execute(async (trx) => {
        const ctx: HandlerContext = { core: this, user, db: trx, now };
        const value = await handler.run(ctx, input as never);
        if (typeof spec === 'object') await this.auditCall(trx, channel, spec, input, value, user, now, ctx.auditFamilyId);
        return value;
      });
    }
    const ctx: HandlerContext = { core: this, user, db, now };
    const value = await handler.run(ctx, input as never);
    if (typeof spec === 'object' && db) await this.auditCall(db, channel, spec, input, value, user, now, ctx.auditFamilyId);
    return value;
  }

  private async auditCall(
    db: Kysely<Database>,
    channel: ChannelName,
    spec: Exclude<Handler<ChannelName>['audit'], 'self' | 'none'>,
    input: unknown,
    value: unknown,
    user: SessionUser | null,
    now: Date,
    contextFamilyId?: number | null,
  ): Promise<void> {
    const detail = spec.detail?.(input as never, value as never);
    await db
      .insertInto('access_log')
      .values({
        at: now.toISOString(),
        user_id: user?.id ?? null,
        action: spec.action,
        channel,
        family_id: spec.familyId?.(input as never, value as never) ?? contextFamilyId ?? null,
        detail: detail ? JSON.stringify(detail) : null,
      })
      .execute();
  }

  /** Writes one access-log row outside a channel's own transaction. */
  async audit(entry: { action: AuditAction; channel: string; userId: number | null; familyId?: number | null; detail?: Record<string, unknown>; at?: string }, db = this.db()): Promise<void> {
    if (!db) return;
    await db
      .insertInto('access_log')
      .values({
        at: entry.at ?? new Date().toISOString(),
        user_id: entry.userId,
        action: entry.action,
        channel: entry.channel,
        family_id: entry.familyId ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })
      .execute();
  }

  db(): Kysely<Database> | null {
    return this.state.kind === 'closed' ? null : this.state.unlocked.db;
  }

  unlocked(): Unlocked | null {
    return this.state.kind === 'closed' ? null : this.state.unlocked;
  }

  requireUnlocked(): Unlocked {
    const unlocked = this.unlocked();
    if (!unlocked) throw new AppFailure('unauthenticated');
    return unlocked;
  }

  sessionUser(): SessionUser | null {
    return this.state.kind === 'user' ? this.state.user : null;
  }

  isRecovering(): boolean {
    return this.state.kind === 'recovering';
  }

  /** Checks the data folder before anything is written there. */
  assertSafeLocation(): void {
    const reason = unsafeLocationReason(this.dataDir);
    if (reason) throw new AppFailure('unsafe_location');
  }

  async startSession(unlocked: Unlocked, user: SessionUser): Promise<void> {
    if (this.state.kind !== 'closed' && this.state.unlocked !== unlocked) this.endState();
    const settings = await readSettings(unlocked.db);
    const idleLockMs = this.options.idleLockMsOverride ?? settings.idleLockMinutes * 60_000;
    this.state = { kind: 'user', unlocked, user, idleLockMs };
    this.lastActivity = Date.now();
  }

  startRecovery(unlocked: Unlocked): void {
    if (this.state.kind !== 'closed') this.endState();
    this.state = { kind: 'recovering', unlocked };
  }

  updateSessionUser(user: SessionUser): void {
    if (this.state.kind === 'user' && this.state.user.id === user.id) this.state = { ...this.state, user };
  }

  setIdleLockMinutes(minutes: number): void {
    if (this.state.kind === 'user') this.state = { ...this.state, idleLockMs: this.options.idleLockMsOverride ?? minutes * 60_000 };
  }

  idleLockMs(): number {
    return this.state.kind === 'user' ? this.state.idleLockMs : 0;
  }

  /** Ends the session: the database is closed and the key bytes are overwritten. */
  async endSession(reason: 'idle' | 'manual' | 'logout'): Promise<void> {
    if (this.state.kind === 'user') {
      const action: AuditAction = reason === 'logout' ? 'logout' : 'lock';
      await this.audit({ action, channel: reason === 'logout' ? 'session:logout' : 'session:lock', userId: this.state.user.id, detail: { reason } }).catch(() => undefined);
    }
    const hadSession = this.state.kind !== 'closed';
    this.endState();
    if (hadSession) this.emit('session:locked', { reason });
  }

  private endState(): void {
    if (this.state.kind !== 'closed') close(this.state.unlocked);
    this.state = { kind: 'closed' };
    this.pendingRecoveryCode = null;
  }

  private async checkIdle(): Promise<void> {
    // An abandoned recovery (code typed, no new password chosen) must not keep the database open.
    if (this.state.kind === 'recovering' && Date.now() - this.lastCallAt > (this.options.idleLockMsOverride ?? 5 * 60_000)) {
      await (this.queue = this.queue.then(() => this.endSession('idle')));
      return;
    }
    if (this.state.kind !== 'user') return;
    if (Date.now() - this.lastActivity < this.state.idleLockMs) return;
    await (this.queue = this.queue.then(() => (this.state.kind === 'user' && Date.now() - this.lastActivity >= this.state.idleLockMs ? this.endSession('idle') : undefined)));
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  log(message: string): void {
    (this.options.log ?? ((m) => console.error(m)))(message);
  }

  async close(): Promise<void> {
    clearInterval(this.idleTimer);
    clearInterval(this.maintenanceTimer);
    await this.queue.catch(() => undefined);
    if (this.state.kind === 'user') await this.endSession('logout');
    this.endState();
  }

  context(): HandlerContext {
    return { core: this, user: this.sessionUser(), db: this.db(), now: new Date() };
  }
}

export class UnsafeLocationError extends Error {
  constructor(readonly dir: string, readonly reason: string) {
    super(`${errorMessages.unsafe_location} (${reason})`);
  }
}

/** Creates the backend for a data folder; refuses network drives and synced folders before touching anything. */
export function createBackend(options: BackendOptions): BackendCore {
  const reason = unsafeLocationReason(options.dataDir);
  if (reason) throw new UnsafeLocationError(options.dataDir, reason);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return new BackendCore(options);
}
