import path from 'node:path';
import { z } from 'zod';
import { readSmallJson, writeFileAtomic } from '../../db/files';

/**
 * Login throttling. Per login name: a growing wait between wrong attempts, and a temporary lock-out after
 * `maxFailures` wrong attempts within `windowMinutes` (of that one name only: locking the whole app would let one
 * person lock a 24-hour house). Across all names: a milder minimum spacing once many attempts fail.
 * Refused attempts run no key derivation. The state is kept in a small file (hashed names, times), so restarting
 * the app does not reset it; someone who can edit that file can also copy the key file and guess offline, which
 * scrypt's cost is there for.
 */
export const THROTTLE_FILE_NAME = 'familiespor.throttle.json';

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockoutMinutes: number;
  /** The wait after the second wrong attempt; doubled for each further one (up to `maxDelayMs`). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Across all names: failures within five minutes before every attempt must wait `globalDelayMs`. */
  globalThreshold: number;
  globalDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  windowMinutes: 15,
  lockoutMinutes: 15,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  globalThreshold: 30,
  globalDelayMs: 1000,
};

const stateSchema = z.object({
  names: z.record(z.string().max(64), z.object({ failures: z.array(z.number()).max(100), lockedUntil: z.number().nullable() })),
  global: z.array(z.number()).max(1000),
  lastAttempt: z.number(),
  policy: z.object({ maxFailures: z.number().int().min(1).max(100), windowMinutes: z.number().int().min(1).max(1440), lockoutMinutes: z.number().int().min(1).max(1440) }).optional(),
});
type State = z.infer<typeof stateSchema>;

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'locked_out' | 'too_soon'; retryAfterMs: number };

export class LoginThrottle {
  private readonly file: string;
  private state: State;

  /** `overrides` win over the administrator's setting (tests use short waits). */
  constructor(dataDir: string, private readonly overrides: Partial<ThrottlePolicy> = {}) {
    this.file = path.join(dataDir, THROTTLE_FILE_NAME);
    const parsed = stateSchema.safeParse(readSmallJson(this.file, 512 * 1024));
    this.state = parsed.success ? parsed.data : { names: {}, global: [], lastAttempt: 0 };
  }

  policy(): ThrottlePolicy {
    return { ...DEFAULT_THROTTLE, ...(this.state.policy ?? {}), ...this.overrides };
  }

  /** The administrator's setting, mirrored here from the database so it applies while the database is closed. */
  setPolicy(policy: Pick<ThrottlePolicy, 'maxFailures' | 'windowMinutes' | 'lockoutMinutes'>): void {
    this.state.policy = policy;
    this.save();
  }

  check(key: string, now = Date.now()): ThrottleVerdict {
    const p = this.policy();
    const entry = this.state.names[key];
    if (entry?.lockedUntil && entry.lockedUntil > now) return { allowed: false, reason: 'locked_out', retryAfterMs: entry.lockedUntil - now };
    const recent = (entry?.failures ?? []).filter((t) => t > now - p.windowMinutes * 60_000);
    // One typo costs nothing; from the second wrong attempt on, the wait doubles each time.
    const last = recent.at(-1);
    if (recent.length > 1 && last !== undefined) {
      const wait = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (recent.length - 2));
      const ready = last + wait;
      if (ready > now) return { allowed: false, reason: 'too_soon', retryAfterMs: ready - now };
    }
    const globalRecent = this.state.global.filter((t) => t > now - 5 * 60_000);
    if (globalRecent.length >= p.globalThreshold && this.state.lastAttempt + p.globalDelayMs > now) {
      return { allowed: false, reason: 'too_soon', retryAfterMs: this.state.lastAttempt + p.globalDelayMs - now };
    }
    return { allowed: true };
  }

  /** Records a wrong attempt; returns true when it starts a lock-out. */
  failed(key: string, now = Date.now()): boolean {
    const p = this.policy();
    const entry = this.state.names[key] ?? { failures: [], lockedUntil: null };
    entry.failures = [...entry.failures.filter((t) => t > now - p.windowMinutes * 60_000), now].slice(-50);
    let lockedOut = false;
    if (entry.failures.length >= p.maxFailures) {
      entry.lockedUntil = now + p.lockoutMinutes * 60_000;
      entry.failures = [];
      lockedOut = true;
    }
    this.state.names[key] = entry;
    this.state.global = [...this.state.global.filter((t) => t > now - 5 * 60_000), now].slice(-500);
    this.state.lastAttempt = now;
    this.save();
    return lockedOut;
  }

  succeeded(key: string, now = Date.now()): void {
    delete this.state.names[key];
    this.state.lastAttempt = now;
    this.save();
  }

  private save(): void {
    try {
      // Names whose lock-out and failures have expired are forgotten.
      const now = Date.now();
      for (const [k, v] of Object.entries(this.state.names)) {
        if ((!v.lockedUntil || v.lockedUntil < now) && v.failures.every((t) => t < now - 24 * 3_600_000)) delete this.state.names[k];
      }
      writeFileAtomic(this.file, JSON.stringify(this.state));
    } catch {
      // Throttling works from memory when the file cannot be written.
    }
  }
}
