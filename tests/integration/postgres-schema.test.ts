import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, migrate, openEncrypted } from '../../db/database';
import { migrations } from '../../db/migrations';
import { startPostgres, type TestPostgres } from '../pg';
import { tempDir } from '../helpers';
import path from 'node:path';

let server: TestPostgres;
// Migrations take Kysely<any>, as they are frozen against no particular schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: Kysely<any>;

beforeAll(async () => {
  server = await startPostgres();
  await server.createDatabase('schema_test');
  const ssl = { ca: server.caCertificate, rejectUnauthorized: true };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'schema_test', ssl, max: 2 }) }) });
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

/** Tables and their columns, without the engines' own bookkeeping and the full-text index (engine-specific by design). */
const engineSpecific = /^(kysely_|observation_search|sqlite_)/;
/** What only the server has: the access log's anchor as a table, and "bryd glasset" as rows row-level security sees. */
const serverOnly = new Set(['access_log_anchor', 'break_glass']);

describe('one ordered migration list, two engines', () => {
  it('runs every migration on PostgreSQL, and both engines end with the same tables and columns', async () => {
    const { error, results } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(error, String(error)).toBeUndefined();
    expect(results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    const pgColumns = (
      await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`.execute(db)
    ).rows;
    const pgSchema: Record<string, string[]> = {};
    for (const c of pgColumns) if (!engineSpecific.test(c.table_name) && !serverOnly.has(c.table_name)) (pgSchema[c.table_name] ??= []).push(c.column_name);

    const sqlite = openEncrypted(path.join(tempDir(), 'x.db'), Buffer.alloc(32, 3), { create: true });
    await migrate(sqlite, createKysely(sqlite));
    const sqliteSchema: Record<string, string[]> = {};
    for (const t of sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]) {
      if (engineSpecific.test(t)) continue;
      sqliteSchema[t] = (sqlite.prepare(`pragma table_info("${t}")`).all() as Array<{ name: string }>).map((c) => c.name);
    }
    sqlite.close();
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
    for (const table of Object.keys(sqliteSchema)) expect(pgSchema[table], table).toEqual(sqliteSchema[table]);
  }, 60_000);

  it('enforces the append-only rules on PostgreSQL too', async () => {
    await sql`insert into users (login_name, name, initials, role, created_at, updated_at) values ('a', 'A', 'A', 'admin', 'x', 'x')`.execute(db);
    await sql`insert into access_log (at, action, channel) values ('x', 'read', 'x')`.execute(db);
    await expect(sql`update access_log set subject = 'y'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from access_log`.execute(db)).rejects.toThrow(/append-only/);
    await db.transaction().execute(async (trx) => {
      await sql`insert into retention_mode values ('retention')`.execute(trx);
      await sql`delete from access_log`.execute(trx);
      await sql`delete from retention_mode`.execute(trx);
    });
  });
});
