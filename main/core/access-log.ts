import type { Kysely } from 'kysely';
import { writeAnchor } from '../../db/anchor';
import { appendAccessLog, chainHead, type AccessLogValues } from '../../db/access-log';
import type { Database } from '../../db/schema';

export type AccessAction =
  | 'read'
  | 'search'
  | 'draft'
  | 'create'
  | 'change'
  | 'export'
  | 'print'
  | 'login'
  | 'login_failed'
  | 'login_refused'
  | 'logout'
  | 'lock'
  | 'recovery'
  | 'denied'
  | 'break_glass'
  | 'key_file_tampered'
  | 'verify';

/** Actions that only look (and private drafts saved as one types): repeated in one session they are written once. */
const foldable = new Set<AccessAction>(['read', 'search', 'draft']);

export interface AccessRecord {
  action: AccessAction;
  channel: string;
  subject?: string | null;
  detail?: Record<string, unknown> | null;
  /** One row per family; none: one row without a family. */
  familyIds?: Iterable<number>;
  userId: number | null;
  sessionId?: string | null;
  at?: string;
  /** false for events read back from the sealed events file. */
  verified?: boolean;
}

/** CPR-like runs of digits (ddmmåå-xxxx, or six or more digits) are never written to the access log. */
export function maskDigits(text: string): string {
  return text.replace(/\d{6}[-\s]?\d{4}|\d{6,}/g, (run) => run.replace(/\d/g, '•'));
}

function masked(value: unknown): unknown {
  if (typeof value === 'string') return maskDigits(value);
  if (Array.isArray(value)) return value.map(masked);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v)]));
  return value;
}

/**
 * The one writer of the access log: masks digits, writes one row per family into the hash chain, folds repeated reads
 * of the same thing in one session, and keeps the chain's anchor outside the database.
 */
export class AccessLogWriter {
  private folded = new Set<string>();
  private anchoredAt = 0;

  constructor(private readonly target: { dataDir: string; databaseId: () => string | null }) {}

  /** Writes the record's rows. `db` should be a transaction (a write's own, or one opened for a read). */
  async write(db: Kysely<Database>, record: AccessRecord): Promise<void> {
    const families = [...(record.familyIds ?? [])];
    const detail = record.detail ? JSON.stringify(masked(record.detail)) : null;
    const at = record.at ?? new Date().toISOString();
    const rows: AccessLogValues[] = [];
    const foldKeys: string[] = [];
    for (const familyId of families.length ? families : [null]) {
      if (foldable.has(record.action) && record.sessionId) {
        const key = JSON.stringify([record.sessionId, record.action, record.channel, record.subject ?? null, familyId, detail]);
        if (this.folded.has(key)) continue;
        foldKeys.push(key);
      }
      rows.push({
        at,
        user_id: record.userId,
        session_id: record.sessionId ?? null,
        action: record.action,
        channel: record.channel,
        subject: record.subject ? maskDigits(record.subject) : null,
        family_id: familyId,
        detail,
        verified: record.verified === false ? 0 : 1,
      });
    }
    if (rows.length) await appendAccessLog(db, rows);
    for (const key of foldKeys) this.folded.add(key);
  }

  /** Forgets what was folded: a new session logs its first views again. */
  newSession(): void {
    this.folded.clear();
  }

  /**
   * Writes the chain's newest id and hash outside the database: at lock, logout and close, and at most every few
   * minutes otherwise (`minIntervalMs`), never on every read.
   */
  async anchor(db: Kysely<Database>, minIntervalMs = 0): Promise<void> {
    const databaseId = this.target.databaseId();
    if (!databaseId || Date.now() - this.anchoredAt < minIntervalMs) return;
    const head = await chainHead(db);
    writeAnchor(this.target.dataDir, { databaseId, lastId: head.id, hash: head.hash, at: new Date().toISOString() });
    this.anchoredAt = Date.now();
  }
}
