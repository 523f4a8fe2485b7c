import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { deriveKey, newKdfParams, newRecoveryCode, normalizeRecoveryCode } from '../../db/crypto';
import { closeConnection, createKysely, DB_FILE_NAME, migrate, openEncrypted, WrongKeyError, type Sqlite } from '../../db/database';
import type { IntegrityResult } from '../../db/sqlite/integrity';
import { IntegrityCheck } from './integrity';
import { isV2, KEYFILE_NAME, loginLookup, makeSlot, readKeyFile, unwrapSlot, writeKeyFile, type KeyFile, type Slot, type SlotInit, type SlotV2 } from '../../db/keyfile';
import type { Database } from '../../db/schema';
import { ensureSearchIndex } from '../../db/search';
import { writeBackup } from '../backups/store';
import { checkSlot, registerLegacySlots, registerSlots } from './slot-list';

/** An unlocked database: only exists while somebody is logged in (or a recovery is under way). */
export interface Unlocked {
  sqlite: Sqlite;
  db: Kysely<Database>;
  key: Buffer;
  /** Which data key this is (the key file's slots may hold two during a re-key). */
  keyId: string;
}

/** Why an unwrapped slot was not let in; the database is open so the caller can log it, then close it. */
export type RefusalReason = 'revoked' | 'tampered' | 'inactive' | 'key_mismatch';

export type UnlockOutcome =
  | { ok: true; unlocked: Unlocked; slot: Slot; userId: number | null }
  | { ok: false; reason: 'wrong_secret' }
  /** The secret fits a slot whose bound fields were edited in the file: the database stays closed. */
  | { ok: false; reason: 'edited'; slot: Slot }
  | { ok: false; reason: RefusalReason; unlocked: Unlocked | null; slot: Slot; detail: string };

/** Points where tests make a key-file change fail, to prove the key file and the database agree afterwards. */
export type FaultPoint = 'keyfile:prepare' | 'keyfile:finalize' | 'commit';

const DATA_KEY_ID = 'data_key_id';

/**
 * Everything that touches the data folder's key material: the key file with its slots, and opening the encrypted
 * database with a key from a slot. The list of valid slots lives inside the database (`key_slots`); the key file is
 * checked against it at every login, and slot changes follow the database's commit (prepare, commit, finalize).
 */
export class Vault {
  readonly dbFile: string;
  readonly backupDir: string;
  private readonly integrity: IntegrityCheck;
  private readonly scryptN?: number;
  private readonly fault?: (point: FaultPoint) => void;
  private readonly onIndexProgress: (done: number, total: number) => void;

  constructor(
    readonly dataDir: string,
    options: {
      scryptN?: number;
      fault?: (point: FaultPoint) => void;
      onIndexProgress?: (done: number, total: number) => void;
      /** The background integrity check's answer (damage: the backend ends the session; the next login is refused). */
      onIntegrity?: (result: IntegrityResult) => void;
    } = {},
  ) {
    this.scryptN = options.scryptN;
    this.fault = options.fault;
    this.onIndexProgress = options.onIndexProgress ?? (() => undefined);
    this.integrity = new IntegrityCheck(options.onIntegrity ?? (() => undefined));
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

  databaseId(): string | null {
    try {
      return this.keyFile()?.databaseId ?? null;
    } catch {
      return null;
    }
  }

  /** True when a database exists without its key file: setup must not overwrite it. */
  orphanDatabase(): boolean {
    return !fs.existsSync(path.join(this.dataDir, KEYFILE_NAME)) && fs.existsSync(this.dbFile);
  }

  /** Creates the database and key file. The key file is written last: until then nothing counts as set up. */
  async create(
    institutionName: string,
    init: (unlocked: Unlocked) => Promise<{ userId: number; loginName: string; password: string }>,
  ): Promise<{ unlocked: Unlocked; recoveryCode: string }> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const key = randomBytes(32);
    const keyId = randomUUID();
    const created = [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`];
    let unlocked: Unlocked | null = null;
    try {
      const sqlite = openEncrypted(this.dbFile, key, { create: true });
      unlocked = { sqlite, db: createKysely(sqlite), key, keyId };
      await migrate(sqlite, unlocked.db);
      await ensureSearchIndex(unlocked.db);
      const { publicKey, privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 3072,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      await unlocked.db.insertInto('secrets').values([{ name: 'event_private_key', value: privateKey }, { name: DATA_KEY_ID, value: keyId }]).execute();
      const admin = await init(unlocked);
      const recoveryCode = newRecoveryCode();
      const file: KeyFile = { format: 'familiespor-keyfile', version: 2, databaseId: randomUUID(), institutionName, eventPublicKey: publicKey, slots: [] };
      const slots = [
        await makeSlot(file, key, keyId, admin.password, { kind: 'user', userId: admin.userId, loginName: admin.loginName }, this.scryptN),
        await makeSlot(file, key, keyId, recoveryCode, { kind: 'recovery' }, this.scryptN),
      ];
      await unlocked.db.transaction().execute((trx) => registerSlots(trx, slots, new Date().toISOString()));
      writeKeyFile(this.dataDir, { ...file, slots });
      return { unlocked, recoveryCode };
    } catch (err) {
      if (unlocked) close(unlocked);
      else key.fill(0);
      for (const f of created) fs.rmSync(f, { force: true });
      throw err;
    }
  }

  /** The slots a login name points to, newest first (two only while a change is between its steps). */
  private userSlots(file: KeyFile, loginName: string): Slot[] {
    const lookup = loginLookup(file.databaseId, loginName);
    return file.slots.filter((s) => s.kind === 'user' && s.lookup === lookup).reverse();
  }

  /** The first of `slots` that `secret` opens, with its data keys; or the first it fits but finds edited. */
  private async firstOpened(file: KeyFile, slots: Slot[], secret: string): Promise<{ slot: Slot; keys: Array<{ keyId: string | null; key: Buffer }> } | { slot: Slot; edited: true } | null> {
    if (slots.length === 0) {
      // Spend the same time as a real attempt, so response time does not reveal which login names exist.
      (await deriveKey(secret, newKdfParams(file.slots[0]?.kdf.N ?? this.scryptN))).fill(0);
      return null;
    }
    let edited: Slot | null = null;
    for (const slot of slots) {
      const result = await unwrapSlot(file, slot, secret);
      if ('keys' in result) return { slot, keys: result.keys };
      if ('edited' in result) edited ??= slot;
    }
    return edited ? { slot: edited, edited: true } : null;
  }

  /**
   * Unwraps a user's slot with their password and opens the database, then checks the slot against the list in the
   * database and the user row: same user id, same login name, active, not revoked.
   */
  async unlockUser(loginName: string, password: string): Promise<UnlockOutcome> {
    const file = this.requireKeyFile();
    return this.outcome(file, await this.firstOpened(file, this.userSlots(file, loginName), password), loginName);
  }

  private outcome(file: KeyFile, opened: Awaited<ReturnType<Vault['firstOpened']>>, loginName: string | null): Promise<UnlockOutcome> | UnlockOutcome {
    if (!opened) return { ok: false, reason: 'wrong_secret' };
    if ('edited' in opened) return { ok: false, reason: 'edited', slot: opened.slot };
    return this.openSlot(file, opened.slot, opened.keys, loginName);
  }

  async unlockRecovery(code: string): Promise<UnlockOutcome> {
    const file = this.requireKeyFile();
    return this.outcome(file, await this.firstOpened(file, file.slots.filter((s) => s.kind === 'recovery').reverse(), normalizeRecoveryCode(code)), null);
  }

  /** True when the password opens one of the login name's slots (the current-password check). */
  async passwordOpens(loginName: string, password: string): Promise<boolean> {
    const file = this.requireKeyFile();
    const opened = await this.firstOpened(file, this.userSlots(file, loginName), password);
    if (opened && 'keys' in opened) {
      for (const k of opened.keys) k.key.fill(0);
      return true;
    }
    return false;
  }

  private async openSlot(file: KeyFile, slot: Slot, keys: Array<{ keyId: string | null; key: Buffer }>, loginName: string | null): Promise<UnlockOutcome> {
    let unlocked: Unlocked | null = null;
    for (const candidate of keys) {
      if (unlocked) {
        candidate.key.fill(0);
        continue;
      }
      try {
        unlocked = await this.open(candidate.key, candidate.keyId);
      } catch (err) {
        if (!(err instanceof WrongKeyError)) {
          for (const k of keys) k.key.fill(0);
          throw err;
        }
        candidate.key.fill(0);
      }
    }
    if (!unlocked) return { ok: false, reason: 'key_mismatch', unlocked: null, slot, detail: 'Nøglefilen passer ikke til databasen.' };
    const refusal = await checkSlot(unlocked.db, file, slot, loginName);
    if (refusal) return { ok: false, reason: refusal.reason, unlocked, slot, detail: refusal.detail };
    return { ok: true, unlocked, slot, userId: slot.kind === 'user' ? (slot.userId ?? null) : null };
  }

  /** Opens this folder's database with a data key already in hand (a restore keeps the key it unlocked the backup with). */
  async open(key: Buffer, keyId: string | null): Promise<Unlocked> {
    const sqlite = openEncrypted(this.dbFile, key);
    try {
      this.integrity.atOpen(sqlite, this.dbFile, key);
      const db = createKysely(sqlite);
      // Before an update changes the schema: a verified backup with the key file of this moment.
      await migrate(sqlite, db, {
        beforeMigrating: () => {
          writeBackup({ sqlite, db, key, keyId: keyId ?? '' }, this.requireKeyFile(), this.backupDir, 'before_migration');
        },
      });
      // A changed search folding (or a migration that rebuilt the index) is re-indexed here, before anyone searches.
      await ensureSearchIndex(db, this.onIndexProgress);
      const stored = await db.selectFrom('secrets').select('value').where('name', '=', DATA_KEY_ID).executeTakeFirst();
      let id = stored?.value ?? null;
      if (!id) {
        // A database from before key ids (and key slot lists): name its key, and list the key file's slots once.
        const named = keyId ?? randomUUID();
        id = named;
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('secrets').values({ name: DATA_KEY_ID, value: named }).execute();
          await registerLegacySlots(trx, this.requireKeyFile());
        });
      }
      return { sqlite, db, key, keyId: id };
    } catch (err) {
      sqlite.close();
      throw err;
    }
  }

  /** The background integrity check's answer, once it has one (null: none is running). */
  integrityChecked(): Promise<IntegrityResult | null> {
    return this.integrity.checked();
  }

  /**
   * Stages a slot change inside a write transaction: the new slots are listed (and the replaced ones revoked) in the
   * database, and written to the key file beside the old ones before the commit (prepare). After the commit the
   * returned `finalize` removes the replaced slots from the file. A crash or failure at any point leaves a state the
   * next login reconciles: a slot not listed in the database never opens it, whatever the file says.
   */
  async stageSlots(
    trx: Kysely<Database>,
    unlocked: Unlocked,
    change: { add: Array<{ init: SlotInit; secret: string }>; revoke: { userId?: number; recovery?: boolean }; reason: string },
  ): Promise<() => void> {
    const file = this.requireKeyFile();
    const at = new Date().toISOString();
    const added: SlotV2[] = [];
    for (const { init, secret } of change.add) added.push(await makeSlot(file, unlocked.key, unlocked.keyId, secret, init, this.scryptN));
    const { userId, recovery } = change.revoke;
    if (userId !== undefined || recovery) {
      await trx
        .updateTable('key_slots')
        .set({ revoked_at: at, revoked_reason: change.reason })
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([...(userId !== undefined ? [eb.and([eb('kind', '=', 'user'), eb('user_id', '=', userId)])] : []), ...(recovery ? [eb('kind', '=', 'recovery')] : [])]))
        .execute();
    }
    await registerSlots(trx, added, at);
    if (added.length) {
      this.fault?.('keyfile:prepare');
      writeKeyFile(this.dataDir, { ...file, slots: [...file.slots, ...added] });
    }
    return () => {
      this.fault?.('keyfile:finalize');
      const current = this.requireKeyFile();
      const addedIds = new Set(added.map((s) => s.id));
      const revoked = (s: Slot) => (userId !== undefined && s.kind === 'user' && s.userId === userId) || (recovery === true && s.kind === 'recovery');
      writeKeyFile(this.dataDir, { ...current, slots: [...current.slots.filter((s) => !revoked(s) && !addedIds.has(s.id)), ...added] });
    };
  }

  /**
   * Makes the key file agree with the database after a login: slots the database does not list as valid are dropped
   * (a change that failed between its steps, a revoked slot, an edited copy), and data keys of an earlier key are
   * dropped once the slot holds the current one.
   */
  async reconcile(unlocked: Unlocked): Promise<{ dropped: number }> {
    const file = this.requireKeyFile();
    const valid = new Set((await unlocked.db.selectFrom('key_slots').select('slot_id').where('revoked_at', 'is', null).execute()).map((r) => r.slot_id));
    const slots: Slot[] = [];
    let changed = false;
    for (const slot of file.slots) {
      if (!valid.has(slot.id)) {
        changed = true;
        continue;
      }
      if (isV2(slot) && slot.dataKeys.length > 1 && slot.dataKeys.some((d) => d.keyId === unlocked.keyId)) {
        slots.push({ ...slot, dataKeys: slot.dataKeys.filter((d) => d.keyId === unlocked.keyId) });
        changed = true;
      } else {
        slots.push(slot);
      }
    }
    if (changed) writeKeyFile(this.dataDir, { ...file, slots });
    return { dropped: file.slots.length - slots.length };
  }

  setInstitutionName(name: string): void {
    const file = this.requireKeyFile();
    writeKeyFile(this.dataDir, { ...file, institutionName: name });
  }
}

/** Closes the database and overwrites the key bytes. */
export function close(unlocked: Unlocked): void {
  try {
    closeConnection(unlocked.sqlite);
  } finally {
    unlocked.key.fill(0);
  }
}

export { KEYFILE_NAME };
