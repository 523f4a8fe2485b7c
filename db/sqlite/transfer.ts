import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import type { TableInfo } from '../transfer/tables';

/** The tables of an SQLite database with their columns, primary key and foreign keys (the pragmas). */
export async function sqliteTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const names = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' order by name`.execute(db)).rows.map((r) => r.name);
  const tables: TableInfo[] = [];
  for (const name of names) {
    const columns = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name}) order by cid`.execute(db)).rows;
    const references = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db)).rows.map((r) => r.table);
    tables.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      references: [...new Set(references)],
    });
  }
  return tables;
}

/**
 * Lifts the triggers (append-only guards and the like) of a freshly made file for the duration of the transaction
 * `trx`, so its seeded rows can be replaced by copied ones; returns the statements that put them back. Only for a new
 * file that nothing else has open: SQLite has no way to switch a trigger off, so they are dropped and recreated in the
 * same transaction.
 */
export async function liftTriggers(trx: Kysely<Database>): Promise<string[]> {
  const triggers = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' order by name`.execute(trx)).rows;
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(trx);
  return triggers.map((t) => t.sql);
}

export async function restoreTriggers(trx: Kysely<Database>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(trx);
}
