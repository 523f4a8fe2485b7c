import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';

/**
 * Events that happen while the database is closed (failed and refused logins) are sealed with the public key whose
 * private half lives inside the encrypted database, appended to a file, and moved into the access log at the next
 * login. Anyone with file access can append lines, so each one is validated and bounded, and the access log marks
 * them "ikke verificeret".
 */
export const EVENTS_FILE_NAME = 'familiespor.events';

/** At most this many events are read per file; a file cannot grow the access log without bound. */
export const MAX_SEALED_EVENTS = 500;
const MAX_LINE = 1024;
const MAX_FILE = MAX_SEALED_EVENTS * (MAX_LINE + 1) * 2;

const eventSchema = z.strictObject({
  at: z.iso.datetime(),
  action: z.enum(['login_failed', 'login_refused', 'key_file_tampered']),
  channel: z.enum(['session:login', 'recovery:start']),
  loginName: z.string().max(60),
  reason: z.string().max(80).optional(),
});
export type SealedEvent = z.infer<typeof eventSchema>;

export type TakenEvent = SealedEvent | { unreadable: number; dropped: number };

export class SealedEvents {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, EVENTS_FILE_NAME);
  }

  /** Seals and appends one event. Never throws: a failure to record must not change the answer to the login. */
  seal(publicKey: string, event: SealedEvent): boolean {
    try {
      const payload = Buffer.from(JSON.stringify({ ...event, loginName: event.loginName.slice(0, 60) }), 'utf8');
      const sealed = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, payload);
      if (fs.existsSync(this.file) && fs.statSync(this.file).size > MAX_FILE) return false;
      fs.appendFileSync(this.file, `${sealed.toString('base64')}\n`, { mode: 0o600 });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Opens the sealed events with the private key from the database. Events out of bounds (time, size, count) or not
   * opening are counted, not trusted. The file is emptied by `clear()` once the events are in the access log.
   */
  async take(db: Kysely<Database>, now: Date): Promise<TakenEvent[]> {
    if (!fs.existsSync(this.file)) return [];
    const row = await db.selectFrom('secrets').select('value').where('name', '=', 'event_private_key').executeTakeFirst();
    if (!row) return [];
    let text: string;
    try {
      const fd = fs.openSync(this.file, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(fs.fstatSync(fd).size, MAX_FILE));
        fs.readSync(fd, buffer, 0, buffer.length, 0);
        text = buffer.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // Not a readable file (replaced by a folder, no permission): counted, never a failed login for the user.
      return [{ unreadable: 1, dropped: 0 }];
    }
    const lines = text.split('\n').filter(Boolean);
    const events: TakenEvent[] = [];
    let unreadable = 0;
    const earliest = now.getTime() - 400 * 86_400_000;
    const latest = now.getTime() + 86_400_000;
    for (const line of lines.slice(0, MAX_SEALED_EVENTS)) {
      try {
        if (line.length > MAX_LINE) throw new Error('line too long');
        const plain = privateDecrypt({ key: row.value, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(line, 'base64'));
        const event = eventSchema.parse(JSON.parse(plain.toString('utf8')));
        const at = Date.parse(event.at);
        if (at < earliest || at > latest) throw new Error('time out of bounds');
        events.push(event);
      } catch {
        unreadable++;
      }
    }
    const dropped = Math.max(0, lines.length - MAX_SEALED_EVENTS);
    if (unreadable || dropped) events.push({ unreadable, dropped });
    return events;
  }

  clear(): void {
    try {
      fs.rmSync(this.file, { force: true, recursive: true });
    } catch {
      // Left for the next login.
    }
  }
}
