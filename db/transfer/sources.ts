import { sql, type Kysely } from 'kysely';
import { exportCount, exportRows } from '../postgres/transfer';
import type { Database } from '../schema';
import { copiedTables, type TableInfo } from './tables';

export type Row = Record<string, unknown>;

/** Where the copier reads: the tables in foreign-key order, each one's row count, and its rows page by page. */
export interface RowSource {
  tables(): Promise<TableInfo[]>;
  count(table: TableInfo): Promise<number>;
  pages(table: TableInfo, size: number): AsyncIterable<Row[]>;
}

const keyedById = (table: TableInfo) => table.primaryKey.length === 1 && table.primaryKey[0] === 'id';

/**
 * Reads a database through a connection that sees every row: the encrypted file's own connection, or the server's
 * owner (row-level security does not apply to the owner). Run inside one transaction for a consistent copy.
 */
export function connectionSource(db: Kysely<Database>): RowSource {
  return {
    tables: () => copiedTables(db),
    async count(table) {
      const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
      return Number(row.rows[0]?.n ?? 0);
    },
    async *pages(table, size) {
      const order = (table.primaryKey.length ? table.primaryKey : table.columns).map((c) => sql.ref(c));
      if (keyedById(table)) {
        for (let after = -1; ; ) {
          const rows = (await sql<Row>`select * from ${sql.table(table.name)} where id > ${after} order by id limit ${size}`.execute(db)).rows;
          if (!rows.length) return;
          yield rows;
          after = Number(rows[rows.length - 1]?.id);
        }
      }
      for (let offset = 0; ; offset += size) {
        const rows = (await sql<Row>`select * from ${sql.table(table.name)} order by ${sql.join(order)} limit ${size} offset ${offset}`.execute(db)).rows;
        if (!rows.length) return;
        yield rows;
      }
    },
  };
}

/**
 * Reads the server's database as an administrator, past row-level security (others' drafts, families under
 * need-to-know): through familiespor_export_rows, which only administrators may call. Run inside one repeatable-read
 * transaction for a consistent copy.
 */
export function exportSource(db: Kysely<Database>): RowSource {
  return {
    tables: () => copiedTables(db),
    count: (table) => exportCount(db, table.name),
    async *pages(table, size) {
      if (keyedById(table)) {
        for (let after = -1; ; ) {
          const rows = await exportRows(db, table.name, after, 0, size);
          if (!rows.length) return;
          yield rows;
          after = Number(rows[rows.length - 1]?.id);
        }
      }
      for (let offset = 0; ; offset += size) {
        const rows = await exportRows(db, table.name, -1, offset, size);
        if (!rows.length) return;
        yield rows;
      }
    },
  };
}
