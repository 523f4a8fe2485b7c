import { generateKeyPairSync, privateDecrypt, publicEncrypt, randomBytes, randomUUID, constants } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { deriveKey, newKdfParams, newRecoveryCode, normalizeRecoveryCode } from '../db/crypto';
import { createKysely, DB_FILE_NAME, migrate, openEncrypted, type Sqlite } from '../db/database';
import { KEYFILE_NAME, loginLookup, makeSlot, readKeyFile, unwrapSlot, writeKeyFile, type KeyFile, type Slot } from '../db/keyfile';
import type { Database } from '../db/schema';

/** An unlocked database: only exists while somebody is logged in (or a recovery is under way). */
export interface Unlocked {
  sqlite: Sqlite;
  db: Kysely<Database>;
  key: Buffer;
}

export const EVENTS_FILE_NAME = 'familiespor.events';

/**
 * Everything that touches the data folder's files: the key file with its slots, the encrypted database,
 * and the sealed event file. Plain Node, no Electron.
 */
export class Vault {
  readonly dbFile: string;
  readonly backupDir: string;

  constructor(readonly dataDir: string, private readonly scryptN?: number) {
    this.dbFile = path.join(dataDir, DB_FILE_NAME);
    this.backupDir = path.join(dataDir, 'backups');
  }

  keyFile(): KeyFile | null {
    return readKeyFile(this.dataDir);
  }

  requireKeyFile(): KeyFile {
    const file = this.keyFile();
    if (!file) throw new Error('Not set up');
    return file;
  }

  /** True when a database exists without its key file: setup must not overwrite it. */
  orphanDatabase(): boolean {
    return !this.keyFile() && fs.existsSync(this.dbFile);
  }

  /** Creates the database and key file. The key file is written last: until then nothing counts as set up. */
  async create(
    institutionName: string,
    init: (unlocked: Unlocked) => Promise<{ userId: number; loginName: string; password: string }>,
  ): Promise<{ unlocked: Unlocked; recoveryCode: string }> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const key = randomBytes(32);
    const created = [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`];
    let unlocked: Unlocked | null = null;
    try {
      const sqlite = openEncrypted(this.dbFile, key, { create: true });
      unlocked = { sqlite, db: createKysely(sqlite), key };
      await migrate(sqlite, unlocked.db, key, this.backupDir);
      const { publicKey, privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 3072,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      await unlocked.db.insertInto('secrets').values({ name: 'event_private_key', value: privateKey }).execute();
      const admin = await init(unlocked);
      const recoveryCode = newRecoveryCode();
      const file: KeyFile = {
        format: 'familiespor-keyfile',
        version: 1,
        databaseId: randomUUID(),
        institutionName,
        eventPublicKey: publicKey,
        slots: [],
      };
      file.slots.push(await makeSlot(file, key, admin.password, { kind: 'user', userId: admin.userId, loginName: admin.loginName }, this.scryptN));
      file.slots.push(await makeSlot(file, key, recoveryCode, { kind: 'recovery' }, this.scryptN));
      writeKeyFile(this.dataDir, file);
      return { unlocked, recoveryCode };
    } catch (err) {
      if (unlocked) close(unlocked);
      else key.fill(0);
      for (const f of created) fs.rmSync(f, { force: true });
      throw err;
    }
  }

  /** Finds the slot for a login name, or null. */
  userSlot(loginName: string): Slot | null {
    const file = this.requireKeyFile();
    const lookup = loginLookup(file.databaseId, loginName);
    return file.slots.find((s) => s.kind === 'user' && s.lookup === lookup) ?? null;
  }

  /** Unwraps the data key with a user's password and opens the database; null when name or password is wrong. */
  async unlockWithPassword(loginName: string, password: string): Promise<{ unlocked: Unlocked; userId: number } | null> {
    const file = this.requireKeyFile();
    const slot = this.userSlot(loginName);
    if (!slot) {
      // Spend the same time as a real attempt, so response time does not reveal which login names exist.
      (await deriveKey(password, newKdfParams(file.slots[0]?.kdf.N))).fill(0);
      return null;
    }
    const key = await unwrapSlot(file, slot, password);
    if (!key) return null;
    return { unlocked: await this.open(key), userId: slot.userId! };
  }

  async unlockWithRecoveryCode(code: string): Promise<Unlocked | null> {
    const file = this.requireKeyFile();
    const slot = file.slots.find((s) => s.kind === 'recovery');
    if (!slot) return null;
    const key = await unwrapSlot(file, slot, normalizeRecoveryCode(code));
    return key ? this.open(key) : null;
  }

  private async open(key: Buffer): Promise<Unlocked> {
    let sqlite: Sqlite | null = null;
    try {
      sqlite = openEncrypted(this.dbFile, key);
      const unlocked = { sqlite, db: createKysely(sqlite), key };
      await migrate(sqlite, unlocked.db, key, this.backupDir);
      return unlocked;
    } catch (err) {
      sqlite?.close();
      key.fill(0);
      throw err;
    }
  }

  /** Replaces (or adds) a user's slot. The caller holds the data key because somebody is logged in. */
  async setUserPassword(unlocked: Unlocked, userId: number, loginName: string, password: string): Promise<void> {
    const file = this.requireKeyFile();
    const slot = await makeSlot(file, unlocked.key, password, { kind: 'user', userId, loginName }, this.scryptN);
    file.slots = [...file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)), slot];
    writeKeyFile(this.dataDir, file);
  }

  removeUserSlot(userId: number): void {
    const file = this.requireKeyFile();
    file.slots = file.slots.filter((s) => !(s.kind === 'user' && s.userId === userId));
    writeKeyFile(this.dataDir, file);
  }

  /** Makes a new recovery code; the old one stops working at once. */
  async regenerateRecoveryCode(unlocked: Unlocked): Promise<string> {
    const file = this.requireKeyFile();
    const code = newRecoveryCode();
    const slot = await makeSlot(file, unlocked.key, code, { kind: 'recovery' }, this.scryptN);
    file.slots = [...file.slots.filter((s) => s.kind !== 'recovery'), slot];
    writeKeyFile(this.dataDir, file);
    return code;
  }

  setInstitutionName(name: string): void {
    const file = this.requireKeyFile();
    writeKeyFile(this.dataDir, { ...file, institutionName: name });
  }

  /**
   * Records an event while the database is closed (a failed login). Sealed with the public key whose private
   * half lives inside the encrypted database, so the file reveals nothing and is moved into the access log at the next login.
   */
  sealEvent(event: { at: string; action: string; channel: string; loginName: string }): void {
    const file = this.keyFile();
    if (!file) return;
    const payload = Buffer.from(JSON.stringify({ ...event, loginName: event.loginName.slice(0, 60) }), 'utf8');
    const sealed = publicEncrypt({ key: file.eventPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, payload);
    fs.appendFileSync(path.join(this.dataDir, EVENTS_FILE_NAME), `${sealed.toString('base64')}\n`, { mode: 0o600 });
  }

  /** Opens the sealed events with the private key from the database and empties the file. */
  async takeSealedEvents(unlocked: Unlocked): Promise<Array<{ at: string; action: string; channel: string; loginName: string }>> {
    const file = path.join(this.dataDir, EVENTS_FILE_NAME);
    if (!fs.existsSync(file)) return [];
    const row = await unlocked.db.selectFrom('secrets').select('value').where('name', '=', 'event_private_key').executeTakeFirst();
    if (!row) return [];
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const events = [];
    for (const line of lines) {
      try {
        const plain = privateDecrypt(
          { key: row.value, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
          Buffer.from(line, 'base64'),
        );
        events.push(JSON.parse(plain.toString('utf8')));
      } catch {
        events.push({ at: new Date().toISOString(), action: 'login_failed', channel: 'session:login', loginName: '(ulæselig hændelse)' });
      }
    }
    return events;
  }

  clearSealedEvents(): void {
    fs.rmSync(path.join(this.dataDir, EVENTS_FILE_NAME), { force: true });
  }
}

/** Closes the database and overwrites the key bytes. */
export function close(unlocked: Unlocked): void {
  try {
    // Keeps the query planner's statistics fresh (SQLite's advice: run before closing a connection).
    try {
      if (!unlocked.sqlite.readonly) unlocked.sqlite.pragma('optimize');
    } catch {
      // statistics are an optimisation only
    }
    unlocked.sqlite.close();
  } finally {
    unlocked.key.fill(0);
  }
}

export { KEYFILE_NAME };
