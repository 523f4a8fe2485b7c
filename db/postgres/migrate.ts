import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations, SCHEMA_VERSION } from '../migrations';
import type { Database } from '../schema';
import { ensureSearchIndex } from '../search';

/** The server's schema version: how many of the ordered migrations have run there. */
export async function serverSchemaVersion(db: Kysely<Database>): Promise<number> {
  const exists = await sql<{ t: string | null }>`select to_regclass('public.kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return 0;
  const counted = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(db);
  return Number(counted.rows[0]?.n ?? 0);
}

/**
 * Brings the server's schema to this version. Only the database owner can (IT, with the owner's credentials typed at
 * the workstation or given to the preparation script); the app's own roles may not change the schema.
 */
export async function migrateServer(db: Kysely<Database>, options: { to?: number } = {}): Promise<{ from: number; to: number }> {
  const from = await serverSchemaVersion(db);
  if (from > SCHEMA_VERSION) throw new Error(`The server's schema (${from}) is newer than this program (${SCHEMA_VERSION})`);
  const to = options.to ?? SCHEMA_VERSION;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  // `to` below this version only for tests of an older server (the names sort in order: 0001_…, 0002_…).
  const target = Object.keys(migrations).sort()[to - 1];
  if (!target) throw new Error(`No migration number ${to}`);
  const { error, results } = to === SCHEMA_VERSION ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  // A new version of the search folding rebuilds the server's index here, as the owner (the app's roles may not).
  await ensureSearchIndex(db);
  return { from, to };
}
