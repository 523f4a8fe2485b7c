import { idleMaintenance } from '../../db/database';
import type { AccessLogWriter } from './access-log';
import type { SerialQueue } from './queue';
import type { SessionState } from './session';
import type { OpenStore } from './store';

/** How often the access log's anchor is refreshed while a session is open (also at lock, logout and close). */
const ANCHOR_INTERVAL_MS = 5 * 60_000;
/** A quiet spell long enough for the daily backup (which holds the database for its duration). */
const QUIET_MS = 2 * 60_000;

/**
 * Work that would otherwise land on a staff member's save, done once no call has come for a second: a bounded step
 * of full-text index merging, a WAL checkpoint, and refreshing the access log's anchor every few minutes.
 */
export class Maintenance {
  private lastCallAt = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      queue: SerialQueue;
      session: SessionState;
      accessLog: AccessLogWriter;
      diagnose: (message: string) => void;
      /** Work for a longer quiet spell (the daily backup, after two idle minutes). */
      whenQuiet?: (store: OpenStore) => Promise<void>;
    },
    intervalMs = 5000,
  ) {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Called on every channel call: maintenance waits for a quiet moment. */
  noteCall(): void {
    this.lastCallAt = Date.now();
  }

  private async tick(): Promise<void> {
    if (!this.deps.session.store() || Date.now() - this.lastCallAt < 1000) return;
    await this.deps.queue
      .run(async () => {
        const store = this.deps.session.store();
        if (!store) return;
        // The server does its own merging and checkpoints (autovacuum): only the workstation's file needs this.
        if (store.engine === 'sqlite') idleMaintenance(store.unlocked.sqlite);
        await this.deps.accessLog.anchor(store.db, ANCHOR_INTERVAL_MS);
        if (this.deps.whenQuiet && Date.now() - this.lastCallAt >= QUIET_MS) await this.deps.whenQuiet(store);
      })
      .catch((err: unknown) => this.deps.diagnose(`Maintenance failed: ${String(err)}`));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
