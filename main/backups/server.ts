import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkCopy } from '../../db/backup';
import { newRecoveryCode, normalizeRecoveryCode } from '../../db/crypto';
import { closeConnection, createKysely, DB_FILE_NAME, openEncrypted } from '../../db/database';
import { isV2, KEYFILE_NAME, makeSlot, readKeyFile, sealDataKey, unwrapSlot, type KeyFile, type SlotV2 } from '../../db/keyfile';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { Database } from '../../db/schema';
import { TransferError, type CopyReport } from '../../db/transfer/copy';
import { copyServerToFile } from '../../db/transfer/file';
import { copyToServer, type ServerCopy } from '../../db/transfer/to-server';
import { writeFileAtomic } from '../../db/files';
import { finishBackup, newBackupDir, readManifest, verifyBackup, type BackupEntry, type BackupKind } from './store';

/**
 * Backups of the institution's server made from the app by an administrator: an encrypted copy of every table in the
 * same folder layout as a workstation's backups (database, key file, manifest), restorable into an empty server
 * database by IT with the owner's password.
 *
 * The key: each backup has a random data key, sealed to the server's backup key pair. Its private half is sealed under
 * the backup code (25 symbols, like a recovery code) shown once to the administrator who makes the first backup, and
 * kept as a slot in the server's settings, so any administrator can make a backup later without knowing the code, and
 * only the code opens one. (Not the administrators' passwords: those live on the server as SCRAM verifiers the app
 * cannot use, they change, and a backup must open when the server and its logins are gone.)
 */
const SLOT_SETTING = 'serverBackupSlot';
export const LAST_BACKUP_SETTING = 'lastServerBackup';

const lastBackupSchema = z.object({ at: z.string(), by: z.string(), id: z.string(), ok: z.boolean(), tables: z.number().int(), rows: z.number().int() });
export type LastServerBackup = z.infer<typeof lastBackupSchema>;

async function setting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : null;
}

async function writeSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value: json }).onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute();
}

export async function lastServerBackup(db: Kysely<Database>): Promise<LastServerBackup | null> {
  return lastBackupSchema.safeParse(await setting(db, LAST_BACKUP_SETTING)).data ?? null;
}

function storedSlot(value: unknown): SlotV2 | null {
  return value && typeof value === 'object' && isV2(value as SlotV2) ? (value as SlotV2) : null;
}

/**
 * The server's backup slot, made (with a new backup code, returned once) when there is none yet. Never replaced: two
 * administrators taking the first backup at the same moment get one slot, and only the one whose slot was kept is
 * shown a code (a replaced slot would leave the other code opening no later backup).
 */
async function backupSlot(db: Kysely<Database>, identity: { databaseId: string }): Promise<{ slot: SlotV2; newCode: string | null }> {
  const stored = storedSlot(await setting(db, SLOT_SETTING));
  if (stored) return { slot: stored, newCode: null };
  const code = newRecoveryCode();
  const placeholder = randomBytes(32);
  const slot = await makeSlot(identity, placeholder, randomUUID(), code, { kind: 'recovery' });
  placeholder.fill(0);
  const json = JSON.stringify(slot);
  await db.insertInto('settings').values({ key: SLOT_SETTING, value: json }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const kept = storedSlot(await setting(db, SLOT_SETTING));
  if (!kept) throw new Error('The server backup slot could not be stored');
  return JSON.stringify(kept) === json ? { slot, newCode: code } : { slot: kept, newCode: null };
}

export interface ServerBackupResult {
  entry: BackupEntry;
  report: CopyReport;
  /** The backup code, when this backup made it (the first one): shown once. */
  newCode: string | null;
}

/** A verified backup of the server database into `root` (counts, chain, and the file reopened with its key). */
export async function writeServerBackup(db: Kysely<Database>, root: string, kind: BackupKind, by: string): Promise<ServerBackupResult> {
  const databaseId = String(await setting(db, 'databaseId'));
  const institutionName = String((await setting(db, 'institutionName')) ?? '');
  const { slot, newCode } = await backupSlot(db, { databaseId });
  const dir = newBackupDir(root, kind);
  const key = randomBytes(32);
  try {
    const dbFile = path.join(dir, DB_FILE_NAME);
    const report = await copyServerToFile(db, dbFile, key);
    const keyId = randomUUID();
    const keyFile: KeyFile = {
      format: 'familiespor-keyfile',
      version: 2,
      databaseId,
      institutionName,
      eventPublicKey: '',
      slots: [{ ...slot, dataKeys: [sealDataKey({ databaseId }, slot, slot.publicKey, key, keyId)] }],
    };
    writeFileAtomic(path.join(dir, KEYFILE_NAME), JSON.stringify(keyFile, null, 2));
    const check = checkCopy(dbFile, key);
    if (!check.ok) throw new Error(`The backup failed its check: ${check.problem ?? 'unknown'}`);
    for (const t of report.tables) if (check.counts[t.table] !== t.source) throw new Error(`The backup lost rows in ${t.table}`);
    const entry = finishBackup(dir, { databaseId, kind, schemaVersion: SCHEMA_VERSION, origin: 'server' });
    const rows = report.tables.reduce((n, t) => n + t.target, 0);
    await writeSetting(db, LAST_BACKUP_SETTING, { at: entry.manifest?.createdAt ?? new Date().toISOString(), by, id: entry.id, ok: true, tables: report.tables.length, rows } satisfies LastServerBackup);
    return { entry, report, newCode };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    key.fill(0);
  }
}

/** The data key of a server backup, opened with the backup code; refused in Danish. */
export async function openServerBackupKey(dir: string, code: string): Promise<{ key: Buffer; keyFile: KeyFile }> {
  const manifest = readManifest(dir);
  if (!manifest || manifest.origin !== 'server') throw new TransferError('Mappen er ikke en sikkerhedskopi af institutionens server.');
  if (manifest.schemaVersion !== SCHEMA_VERSION) throw new TransferError(`Sikkerhedskopien er fra databaseversion ${manifest.schemaVersion}; denne version af Familiespor kræver ${SCHEMA_VERSION}.`);
  const keyFile = readKeyFile(dir);
  const slot = keyFile?.slots.find((s) => s.kind === 'recovery');
  if (!keyFile || !slot) throw new TransferError('Sikkerhedskopiens nøglefil mangler eller er beskadiget.');
  const opened = await unwrapSlot(keyFile, slot, normalizeRecoveryCode(code));
  if (!('keys' in opened) || !opened.keys[0]) throw new TransferError('Koden passer ikke til sikkerhedskopien.');
  const key = opened.keys[0].key;
  const proof = verifyBackup({ id: path.basename(dir), dir, manifest, status: 'ok' }, key);
  if (!proof.hashOk || !proof.ok) throw new TransferError(`Sikkerhedskopien er beskadiget: ${proof.problem ?? 'filen er ændret'}.`);
  return { key, keyFile };
}

/**
 * Restores a server backup into an empty server database (IT, with the owner's connection): the same copier and
 * checks as a move; every active user gets a one-time password, to be changed at the first login.
 */
export async function restoreServerBackup(options: { dir: string; code: string; owner: Kysely<Database>; database: string }): Promise<ServerCopy> {
  const { key } = await openServerBackupKey(options.dir, options.code);
  const sqlite = openEncrypted(path.join(options.dir, DB_FILE_NAME), key, { readonly: true });
  key.fill(0);
  const db = createKysely(sqlite);
  try {
    return await copyToServer({
      owner: options.owner,
      database: options.database,
      source: db,
      settings: {},
      logRow: { user_id: null, session_id: null, action: 'change', channel: 'server:restore', subject: 'databasen gendannet fra sikkerhedskopi', family_id: null, detail: JSON.stringify({ backup: path.basename(options.dir) }), verified: 1 },
    });
  } finally {
    closeConnection(sqlite);
  }
}
