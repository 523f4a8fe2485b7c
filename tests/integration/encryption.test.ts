import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIPHER, DB_FILE_NAME, openEncrypted, WrongKeyError } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import { EVENTS_FILE_NAME } from '../../main/keys/sealed-events';
import { indexText } from '../../common/search';
import { ADMIN, attempt, must, setUp, tempDir } from '../helpers';

function containsBytes(haystack: Buffer, needle: string): boolean {
  return haystack.includes(Buffer.from(needle, 'utf8')) || haystack.includes(Buffer.from(needle, 'utf16le'));
}

describe('encryption at rest', () => {
  it('leaves no plaintext in the database, its WAL, the key file or the event file', async () => {
    const { backend } = await setUp();
    const secretName = 'Zebulon Klartekstsen';
    const secretLogin = 'zebulonk';
    const secretPassword = 'hemmelig æblegrød 42';
    await must(backend, 'users:create', { name: secretName, initials: 'ZK', loginName: secretLogin, role: 'staff', temporaryPassword: secretPassword });
    const family = await must(backend, 'families:create', {
      displayName: 'Familien Hemmeligsen',
      startDate: '2026-09-01',
      persons: [{ kind: 'mother', name: 'Mona Hemmeligsen', cpr: '0102031234' }],
    });
    const [category] = await must(backend, 'journal:categories', {});
    const note = await must(backend, 'journal:sign', {
      familyId: family.id,
      observedAt: new Date().toISOString(),
      shift: 'day',
      categoryId: category!.id,
      personIds: [],
      text: 'Mor sang vuggeviser for den lille hele aftenen',
      concern: 'none',
    });
    await must(backend, 'journal:amend', { observationId: note.id, reason: 'Tilføjelse', text: 'Barnet faldt i søvn klokken otte' });
    const key = Buffer.from(backend.unlocked()!.key);
    const dir = backend.dataDir;
    const secrets = [
      secretName, secretLogin, secretPassword, ADMIN.name, ADMIN.password, 'Familiehuset', key.toString('hex'), key.toString('base64'),
      'Familien Hemmeligsen', 'Mona Hemmeligsen', '0102031234', '010203-1234', 'vuggeviser', 'klokken otte', indexText('vuggeviser'),
    ];
    const scan = (names: string[]) => {
      for (const name of names) {
        const file = path.join(dir, name);
        expect(fs.existsSync(file), `${name} exists`).toBe(true);
        const bytes = fs.readFileSync(file);
        expect(bytes.includes(Buffer.from('SQLite format 3')), `${name} has a SQLite header`).toBe(false);
        for (const secret of secrets) {
          // The institution name is kept in the key file on purpose (the login screen shows it).
          if (secret === 'Familiehuset' && name === KEYFILE_NAME) continue;
          expect(containsBytes(bytes, secret), `${name} contains "${secret.slice(0, 12)}…"`).toBe(false);
        }
      }
    };
    // While logged in: the WAL holds the latest writes.
    scan([DB_FILE_NAME, `${DB_FILE_NAME}-wal`, KEYFILE_NAME]);
    await must(backend, 'session:logout', {});
    // A failed login while the database is closed is sealed into the event file.
    await attempt(backend, 'session:login', { loginName: secretLogin, password: 'forkert forkert' });
    scan([DB_FILE_NAME, KEYFILE_NAME, EVENTS_FILE_NAME]);
    await backend.close();
  });

  it('closes the database and zeroes the key when nobody is logged in', async () => {
    const { backend } = await setUp();
    const key = backend.unlocked()!.key;
    expect(key.some((b) => b !== 0)).toBe(true);
    await must(backend, 'session:logout', {});
    expect(backend.unlocked()).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    const locked = await attempt(backend, 'users:list', {});
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.code).toBe('unauthenticated');
    await backend.close();
  });

  it('makes new files with AEGIS-256 and still opens files made with the earlier cipher (ChaCha20-Poly1305)', () => {
    const key = randomBytes(32);
    const earlier = path.join(tempDir(), DB_FILE_NAME);
    const made = openEncrypted(earlier, key, { create: true, cipher: 'chacha20' });
    made.exec("create table t (x); insert into t values ('fra før')");
    made.close();
    const reopened = openEncrypted(earlier, key);
    expect(reopened.prepare('select x from t').pluck().get()).toBe('fra før');
    reopened.close();
    expect(() => openEncrypted(earlier, randomBytes(32))).toThrow(WrongKeyError);

    expect(CIPHER).toBe('aegis');
    const fresh = path.join(tempDir(), DB_FILE_NAME);
    const created = openEncrypted(fresh, key, { create: true });
    created.exec('create table t (x)');
    created.close();
    expect(fs.statSync(fresh).size).toBeGreaterThan(0);
    expect(fs.readFileSync(fresh).includes(Buffer.from('SQLite format'))).toBe(false);
    expect(() => openEncrypted(fresh, key, { cipher: 'chacha20' })).toThrow(WrongKeyError);
    openEncrypted(fresh, key).close();
  });
});
