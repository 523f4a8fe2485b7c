import type { Kysely } from 'kysely';
import { engineOf } from '../engine';
import { postgresTables } from '../postgres/transfer';
import type { Database } from '../schema';
import { sqliteTables } from '../sqlite/transfer';

/** A table as the copier sees it: its columns, primary key and the tables its foreign keys point to. */
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  references: string[];
}

/**
 * Tables that are not copied between databases: each engine's own bookkeeping (migrations, sequences), the search
 * index (rebuilt from the notes on the target: FTS5 on SQLite, tsvector on PostgreSQL), the key material of one
 * encrypted file (`key_slots`, `secrets`), transient marks (`retention_mode`, "bryd glasset" rows), and the server's
 * anchor (rewritten from the copied chain). SQLite's own tables (sqlite_sequence, the planner's statistics) neither.
 */
const notCopied = new Set(['kysely_migration', 'kysely_migration_lock', 'key_slots', 'secrets', 'retention_mode', 'access_log_anchor', 'break_glass']);

export function isCopied(table: string): boolean {
  return !notCopied.has(table) && !table.startsWith('observation_search') && !table.startsWith('sqlite_');
}

/** The copied tables of a database, parents before children (foreign keys), by name within a level. */
export async function copiedTables(db: Kysely<Database>): Promise<TableInfo[]> {
  const all = (engineOf(db) === 'postgres' ? await postgresTables(db) : await sqliteTables(db)).filter((t) => isCopied(t.name));
  const byName = new Map(all.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`Foreign keys form a cycle at ${table.name}`);
    visiting.add(table.name);
    for (const parent of table.references) {
      const info = byName.get(parent);
      if (info && parent !== table.name) visit(info);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of [...all].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}
