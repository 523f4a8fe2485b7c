import { randomUUID } from 'node:crypto';
import { endBreakGlass } from '../../db/access-control';
import type { SessionUser } from '../../common/channels';
import type { AccessLogWriter } from './access-log';
import type { EventHub } from './events';
import type { FamilyAccessPolicy } from './family-access';
import type { SerialQueue } from './queue';
import type { Unlocked } from '../keys/vault';
import { closeStore, localStore, type OpenStore } from './store';

export type LockReason = 'idle' | 'manual' | 'logout' | 'damaged';

/** A logged-in user's session. */
export interface ActiveSession {
  store: OpenStore;
  user: SessionUser;
  /** Random per login: the access log folds repeated views per session and can follow one session. */
  sessionId: string;
  idleLockMs: number;
  needToKnow: boolean;
  brokenGlass: Set<number>;
}

type State = { kind: 'closed' } | { kind: 'recovering'; store: OpenStore & { engine: 'sqlite' }; startedAt: number } | ({ kind: 'user' } & ActiveSession);

export interface SessionOptions {
  idleLockMsOverride?: number;
  idleCheckMs?: number;
  /** How long an abandoned recovery (code typed, no new password chosen) may keep the database open. */
  recoveryTimeoutMs?: number;
}

/**
 * Who is logged in, and the idle lock. Nobody logged in means the database is closed and the key bytes overwritten.
 * Ending a session writes its logout or lock row and the access log's anchor first.
 */
export class SessionState {
  private state: State = { kind: 'closed' };
  private readonly afterEnd: Array<() => void> = [];
  private lastActivity = Date.now();
  private readonly timer: NodeJS.Timeout;
  /** A recovery code shown but not yet confirmed by typing part of it back; memory only. */
  pendingRecoveryCode: string | null = null;

  constructor(
    private readonly deps: {
      queue: SerialQueue;
      accessLog: AccessLogWriter;
      events: EventHub;
      diagnose: (message: string) => void;
      /** Work that needs the open store before it is gone (the daily backup at logout and idle lock). */
      beforeEnd?: (store: OpenStore, reason: LockReason) => Promise<void>;
    },
    private readonly options: SessionOptions = {},
  ) {
    this.timer = setInterval(() => void this.checkIdle(), options.idleCheckMs ?? 1000);
    this.timer.unref();
  }

  /** The logged-in user's session, or null. */
  active(): ActiveSession | null {
    return this.state.kind === 'user' ? this.state : null;
  }

  /** The open store: a user's session or a recovery under way. */
  store(): OpenStore | null {
    return this.state.kind === 'closed' ? null : this.state.store;
  }

  /** This workstation's open encrypted file and its key (null when closed, or when the session is on the server). */
  unlocked(): Unlocked | null {
    const store = this.store();
    return store?.engine === 'sqlite' ? store.unlocked : null;
  }

  isRecovering(): boolean {
    return this.state.kind === 'recovering';
  }

  user(): SessionUser | null {
    return this.state.kind === 'user' ? this.state.user : null;
  }

  familyPolicy(): FamilyAccessPolicy {
    return this.state.kind === 'user' ? { needToKnow: this.state.needToKnow, brokenGlass: this.state.brokenGlass } : { needToKnow: true, brokenGlass: new Set() };
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  start(opened: Unlocked | OpenStore, user: SessionUser, settings: { idleLockMinutes: number; needToKnow: boolean }): ActiveSession {
    const store = 'engine' in opened ? opened : localStore(opened);
    if (this.state.kind !== 'closed' && this.state.store.db !== store.db) void this.closeState();
    this.deps.accessLog.newSession();
    this.state = {
      kind: 'user',
      store,
      user,
      sessionId: randomUUID(),
      idleLockMs: this.options.idleLockMsOverride ?? settings.idleLockMinutes * 60_000,
      needToKnow: settings.needToKnow,
      brokenGlass: new Set(),
    };
    this.lastActivity = Date.now();
    return this.state;
  }

  startRecovery(unlocked: Unlocked): void {
    if (this.state.kind !== 'closed') void this.closeState();
    this.state = { kind: 'recovering', store: { engine: 'sqlite', db: unlocked.db, unlocked }, startedAt: Date.now() };
  }

  /** After a re-key: the session goes on with the new connection and key (the old ones are closed). */
  replaceUnlocked(unlocked: Unlocked): void {
    if (this.state.kind === 'user') this.state = { ...this.state, store: localStore(unlocked) };
  }

  updateUser(user: SessionUser): void {
    if (this.state.kind === 'user' && this.state.user.id === user.id) this.state = { ...this.state, user };
  }

  applySettings(settings: { idleLockMinutes: number; needToKnow: boolean }): void {
    if (this.state.kind === 'user') {
      this.state = { ...this.state, idleLockMs: this.options.idleLockMsOverride ?? settings.idleLockMinutes * 60_000, needToKnow: settings.needToKnow };
    }
  }

  idleLockMs(): number {
    return this.state.kind === 'user' ? this.state.idleLockMs : 0;
  }

  /** Ends the session: logout or lock row, anchor, database closed, key bytes overwritten. */
  async end(reason: LockReason): Promise<void> {
    const state = this.state;
    if (state.kind === 'user') {
      const db = state.store.db;
      try {
        await db.transaction().execute(async (trx) => {
          await endBreakGlass(trx, state.sessionId);
          await this.deps.accessLog.write(trx, {
            action: reason === 'logout' ? 'logout' : 'lock',
            channel: reason === 'logout' ? 'session:logout' : 'session:lock',
            subject: reason === 'idle' ? 'låst efter inaktivitet' : reason === 'manual' ? 'låst' : reason === 'damaged' ? 'låst: databasen er beskadiget' : 'logget ud',
            userId: state.user.id,
            sessionId: state.sessionId,
          });
        });
      } catch (err) {
        this.deps.diagnose(`Could not log the end of a session: ${String(err)}`);
      }
    }
    if (state.kind === 'user' && reason !== 'manual' && reason !== 'damaged' && this.deps.beforeEnd) {
      try {
        await this.deps.beforeEnd(state.store, reason);
      } catch (err) {
        this.deps.diagnose(`Work before the end of a session failed: ${String(err)}`);
      }
    }
    if (state.kind !== 'closed') {
      try {
        await this.deps.accessLog.anchor(state.store.db);
      } catch (err) {
        this.deps.diagnose(`Could not write the access log anchor: ${String(err)}`);
      }
    }
    await this.closeState();
    for (const after of this.afterEnd.splice(0)) {
      try {
        after();
      } catch (err) {
        this.deps.diagnose(`Work after the end of a session failed: ${String(err)}`);
      }
    }
    if (state.kind !== 'closed') this.deps.events.emit('session:locked', { reason });
  }

  /** Runs once, right after this session has ended and its database is closed (before the renderer hears of it). */
  whenEnded(after: () => void): void {
    this.afterEnd.push(after);
  }

  private async closeState(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'closed' };
    this.pendingRecoveryCode = null;
    if (state.kind !== 'closed') await closeStore(state.store).catch((err: unknown) => this.deps.diagnose(`Closing the store failed: ${String(err)}`));
  }

  private async checkIdle(): Promise<void> {
    const state = this.state;
    if (state.kind === 'recovering' && Date.now() - state.startedAt > (this.options.recoveryTimeoutMs ?? this.options.idleLockMsOverride ?? 5 * 60_000)) {
      await this.deps.queue.run(() => (this.state === state ? this.end('idle') : undefined));
      return;
    }
    if (state.kind !== 'user' || Date.now() - this.lastActivity < state.idleLockMs) return;
    await this.deps.queue.run(() => (this.state.kind === 'user' && Date.now() - this.lastActivity >= this.state.idleLockMs ? this.end('idle') : undefined));
  }

  async shutdown(): Promise<void> {
    clearInterval(this.timer);
    if (this.state.kind !== 'closed') await this.end('logout');
  }
}
