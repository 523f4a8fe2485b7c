import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TableInfo } from '../transfer/tables';

/** The tables of the server's database with their columns, primary key and foreign keys (the catalogue). */
export async function postgresTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const columns = (
    await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`.execute(db)
  ).rows;
  const keys = (
    await sql<{ table_name: string; column_name: string }>`select c.relname as table_name, a.attname as column_name
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary order by c.relname, k.n`.execute(db)
  ).rows;
  const references = (
    await sql<{ table_name: string; parent: string }>`select distinct c.relname as table_name, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows;
  const tables = (await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows.map((r) => r.tablename);
  return tables.map((name) => ({
    name,
    columns: columns.filter((c) => c.table_name === name).map((c) => c.column_name),
    primaryKey: keys.filter((k) => k.table_name === name).map((k) => k.column_name),
    references: references.filter((r) => r.table_name === name).map((r) => r.parent),
  }));
}

/**
 * The app's triggers (append-only guards, the author stamp, announcements) off for the copied tables, inside the
 * owner's transaction `trx` only: ALTER TABLE is transactional, so they are back on at commit (enableTriggers) or at
 * rollback. Foreign keys stay checked.
 */
export async function disableTriggers(trx: Kysely<Database>, tables: string[]): Promise<void> {
  for (const t of tables) await sql`alter table ${sql.table(t)} disable trigger user`.execute(trx);
}

export async function enableTriggers(trx: Kysely<Database>, tables: string[]): Promise<void> {
  for (const t of tables) await sql`alter table ${sql.table(t)} enable trigger user`.execute(trx);
}

/** Sets a table's identity sequence past its highest id, so new rows continue after the copied ones. */
export async function resetIdentity(trx: Kysely<Database>, table: TableInfo): Promise<void> {
  if (!table.columns.includes('id')) return;
  const seq = (await sql<{ s: string | null }>`select pg_get_serial_sequence(quote_ident(${table.name}), 'id') as s`.execute(trx)).rows[0]?.s;
  if (!seq) return;
  await sql`select setval(${seq}::regclass, coalesce((select max(id) from ${sql.table(table.name)}), 0) + 1, false)`.execute(trx);
}

/** The server's anchor after a copy: the newest row of the copied chain (none: no anchor). */
export async function setServerAnchor(trx: Kysely<Database>, head: { id: number; hash: string } | null): Promise<void> {
  await sql`delete from access_log_anchor`.execute(trx);
  if (head) await sql`insert into access_log_anchor (id, last_id, hash, at) values (1, ${head.id}, ${head.hash}, ${new Date().toISOString()})`.execute(trx);
}

/**
 * A page of a table's rows read past row-level security, for the administrator's server backup
 * (familiespor_export_rows: administrators only, migration 0010). Keyset by `id` where the table has one, else by
 * offset in primary-key order.
 */
export async function exportRows(db: Kysely<Database>, table: string, after: number, offset: number, limit: number): Promise<Record<string, unknown>[]> {
  const result = await sql<{ r: Record<string, unknown> }>`select familiespor_export_rows(${table}, ${after}, ${offset}, ${limit}) as r`.execute(db);
  return result.rows.map((row) => row.r);
}

export async function exportCount(db: Kysely<Database>, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select familiespor_export_count(${table}) as n`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** What the administrator's server screen shows: TLS on this connection, the server's version. */
export async function connectionFacts(db: Kysely<Database>): Promise<{ tls: boolean; tlsVersion: string | null; serverVersion: string }> {
  const ssl = (await sql<{ ssl: boolean; version: string | null }>`select ssl, version from pg_stat_ssl where pid = pg_backend_pid()`.execute(db)).rows[0];
  const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0];
  return { tls: ssl?.ssl ?? false, tlsVersion: ssl?.version ?? null, serverVersion: version?.v ?? '' };
}
