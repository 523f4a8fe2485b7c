import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations, SCHEMA_VERSION } from './migrations';
import type { Database } from './schema';

export type Sqlite = SqliteDatabase.Database;

export const DB_FILE_NAME = 'familiespor.db';
export const CIPHER = 'chacha20';

export class WrongKeyError extends Error {
  constructor() {
    super('The key does not open this database');
  }
}

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`Database schema version ${found} is newer than this program knows (${known})`);
  }
}

/** Opens (or creates) an encrypted SQLite file with a raw 256-bit key and proves the key. */
export function openEncrypted(file: string, key: Buffer, options: { create?: boolean; readonly?: boolean } = {}): Sqlite {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  if (!options.create && !fs.existsSync(file)) throw new Error(`Database file not found: ${path.basename(file)}`);
  const sqlite = new SqliteDatabase(file, { readonly: options.readonly ?? false });
  try {
    sqlite.pragma(`cipher='${CIPHER}'`);
    sqlite.pragma(`hexkey='${key.toString('hex')}'`);
    try {
      sqlite.prepare('select count(*) from sqlite_master').get();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError();
      throw err;
    }
    if (!options.readonly) {
      sqlite.pragma('journal_mode = WAL');
      // The driver defaults to NORMAL in WAL, which can lose the last commits on power loss.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    // Temporary tables and sort spills stay in memory, never as plaintext temp files.
    sqlite.pragma('temp_store = MEMORY');
    // 256 MiB of decrypted pages (an upper bound, used as needed): hot pages of a years-old database stay decrypted
    // instead of being decrypted again on every read.
    sqlite.pragma('cache_size = -262144');
    // Checkpoints run when the app is idle (BackendCore.maintain); this is only the safety net for long bursts.
    if (!options.readonly) sqlite.pragma('wal_autocheckpoint = 20000');
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

export function createKysely(sqlite: Sqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

const staticProvider: MigrationProvider = { getMigrations: async () => migrations };

export function schemaVersion(sqlite: Sqlite): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** Copies the open database to `target` (encrypted with the same key) and proves the copy opens. */
export function backupTo(sqlite: Sqlite, key: Buffer, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) throw new Error('Backup target exists already');
  sqlite.prepare('vacuum into ?').run(target);
  const copy = openEncrypted(target, key, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`Backup failed its check: ${String(check)}`);
  } finally {
    copy.close();
  }
}

/**
 * Brings the schema to the latest version. Refuses a database from a newer program, and takes a verified
 * backup before changing an existing database.
 */
export async function migrate(sqlite: Sqlite, db: Kysely<Database>, key: Buffer, backupDir: string): Promise<void> {
  const found = schemaVersion(sqlite);
  if (found > SCHEMA_VERSION) throw new DatabaseTooNewError(found, SCHEMA_VERSION);
  if (found === SCHEMA_VERSION) return;
  if (found > 0) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backupTo(sqlite, key, path.join(backupDir, `for-opdatering-v${found}-${stamp}.db`));
  }
  const migrator = new Migrator({ db, provider: staticProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
}
