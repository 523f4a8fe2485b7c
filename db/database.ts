import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations, SCHEMA_VERSION } from './migrations';
import { chainUnhashedRows } from './access-log';
import type { Database } from './schema';

export type Sqlite = SqliteDatabase.Database;

export const DB_FILE_NAME = 'familiespor.db';
/**
 * The page cipher: AEGIS-256 (SQLite3MultipleCiphers' 'aegis'), authenticated encryption per page (random 256-bit
 * nonce and 256-bit tag per page, so tampering is detected), on the CPU's AES instructions. Chosen over ChaCha20-
 * Poly1305 and SQLCipher (also authenticated) because it is the one whose cost does not show: saving an entry as
 * fast as on a plain file, and reading pages that are not yet in the page cache at 1.2× plain instead of 4× (figures
 * from `FAMILIESPOR_BENCH_CIPHERS=1 npm run bench`).
 */
export const CIPHER = 'aegis';

/**
 * Every setting that decides whether a key opens a file, pinned: none of them is stored in the file, and the
 * library's defaults may change (its key-derivation defaults follow OWASP), the files must keep opening.
 */
const CIPHER_SETTINGS: Record<string, Record<string, string | number>> = {
  aegis: { algorithm: 'aegis-256', tcost: 2, mcost: 19456, pcost: 1 },
  chacha20: { kdf_iter: 64007, legacy: 0 },
};

/** Ciphers of files made by earlier versions, tried when CIPHER does not open an existing file. */
const EARLIER_CIPHERS = ['chacha20'];

/** Selects the cipher (and its pinned settings) for the next key or re-key on this connection. */
export function selectCipher(sqlite: Sqlite, cipher: string): void {
  sqlite.pragma(`cipher='${cipher}'`);
  for (const [name, value] of Object.entries(CIPHER_SETTINGS[cipher] ?? {})) sqlite.pragma(`${name}=${typeof value === 'string' ? `'${value}'` : value}`);
}

export class WrongKeyError extends Error {
  constructor() {
    super('The key does not open this database');
  }
}

/** The database failed its integrity check, or SQLite found a damaged page. */
export class DatabaseDamagedError extends Error {
  constructor(readonly problem: string) {
    super(`The database is damaged: ${problem}`);
  }
}

/**
 * What a storage failure means for the user: the database or a file write found the disk full, the folder read-only,
 * or a damaged database. null for anything else.
 */
export function storageFailure(err: unknown): 'disk_full' | 'storage_readonly' | 'db_damaged' | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err instanceof DatabaseDamagedError ? 'db_damaged' : null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'storage_readonly';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'db_damaged';
  return null;
}

/** `PRAGMA quick_check`: null when the database is sound, else SQLite's first complaint. */
export function quickCheck(sqlite: Sqlite): string | null {
  try {
    const result = String(sqlite.pragma('quick_check', { simple: true }));
    return result === 'ok' ? null : result;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`Database schema version ${found} is newer than this program knows (${known})`);
  }
}

/**
 * Opens (or creates) an encrypted SQLite file with a raw 256-bit key and proves the key. An existing file that
 * CIPHER does not open is tried with the ciphers of earlier versions. `cipher` is for tools (the benchmark's cipher
 * comparison); the app always lets this function choose.
 */
export function openEncrypted(file: string, key: Buffer, options: { create?: boolean; readonly?: boolean; cipher?: string } = {}): Sqlite {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const exists = fs.existsSync(file);
  if (!options.create && !exists) throw new Error(`Database file not found: ${path.basename(file)}`);
  const ciphers = options.cipher ? [options.cipher] : exists && fs.statSync(file).size > 0 ? [CIPHER, ...EARLIER_CIPHERS] : [CIPHER];
  for (let i = 0; ; i++) {
    const sqlite = new SqliteDatabase(file, { readonly: options.readonly ?? false });
    try {
      const cipher = ciphers[i];
      if (cipher === undefined) throw new Error('openEncrypted: no cipher left to try');
      selectCipher(sqlite, cipher);
      sqlite.pragma(`hexkey='${key.toString('hex')}'`);
      try {
        sqlite.prepare('select count(*) from sqlite_master').get();
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new WrongKeyError();
        throw err;
      }
      configureConnection(sqlite, { readonly: options.readonly });
      return sqlite;
    } catch (err) {
      sqlite.close();
      if (!(err instanceof WrongKeyError) || i === ciphers.length - 1) throw err;
    }
  }
}

/** The connection settings of every database connection (exported so the benchmark's plain copy gets the same). */
export function configureConnection(sqlite: Sqlite, options: { readonly?: boolean } = {}): void {
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    // The driver defaults to NORMAL in WAL, which can lose the last commits on power loss.
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
  // Temporary tables and sort spills stay in memory, never as plaintext temp files.
  sqlite.pragma('temp_store = MEMORY');
  // 256 MiB of decrypted pages (an upper bound, used as needed): hot pages of a years-old database stay decrypted
  // instead of being decrypted again on every read. A read-only connection only checks a copy (quick_check, row
  // counts: every page read once), so 16 MiB: a big cache there would only raise the process's memory for good.
  sqlite.pragma(options.readonly ? 'cache_size = -16384' : 'cache_size = -262144');
  // Checkpoints run when the app is idle (BackendCore.maintain); this is only the safety net for long bursts.
  if (!options.readonly) sqlite.pragma('wal_autocheckpoint = 20000');
}

/** How many prepared statements a connection keeps (the app has a few hundred distinct query shapes at most). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely over the connection, with prepared statements reused by SQL text: Kysely's SQLite driver prepares every
 * query anew, and parsing and planning cost more than running most of the app's queries. Least recently used
 * statements are dropped beyond STATEMENT_CACHE_SIZE; a statement still iterating is never handed out twice.
 */
export function createKysely(sqlite: Sqlite): Kysely<Database> {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(query: string): SqliteDatabase.Statement {
      let stmt = statements.get(query);
      if (stmt && !stmt.busy) {
        statements.delete(query);
      } else {
        stmt = sqlite.prepare(query);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next();
          if (!oldest.done) statements.delete(oldest.value);
        }
      }
      statements.set(query, stmt);
      return stmt;
    },
  };
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

const staticProvider: MigrationProvider = { getMigrations: async () => migrations };

export function schemaVersion(sqlite: Sqlite): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to the latest version. Refuses a database from a newer program; before changing an existing
 * database, `beforeMigrating` takes a verified backup (the caller's: it also holds the key file).
 */
export async function migrate(sqlite: Sqlite, db: Kysely<Database>, hooks: { beforeMigrating?: (fromVersion: number) => void | Promise<void> } = {}): Promise<void> {
  const found = schemaVersion(sqlite);
  if (found > SCHEMA_VERSION) throw new DatabaseTooNewError(found, SCHEMA_VERSION);
  if (found === SCHEMA_VERSION) return;
  if (found > 0) await hooks.beforeMigrating?.(found);
  const migrator = new Migrator({ db, provider: staticProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
  // Rows written before the access log was hash-chained join the chain, in order.
  await db.transaction().execute((trx) => chainUnhashedRows(trx));
}

/**
 * Work kept off a staff member's save, done while nobody is waiting: a bounded step of full-text index merging,
 * then moving the WAL into the database file (PASSIVE never blocks readers; the autocheckpoint is only a safety net).
 */
export function idleMaintenance(sqlite: Sqlite): void {
  sqlite.prepare("insert into observation_search (observation_search, rank) values ('merge', 500)").run();
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}

/** Closes a connection, refreshing the query planner's statistics first (SQLite's advice before closing). */
export function closeConnection(sqlite: Sqlite): void {
  try {
    if (!sqlite.readonly) sqlite.pragma('optimize');
  } catch {
    // statistics are an optimisation only
  }
  sqlite.close();
}
