import { sql, type Kysely } from 'kysely';
import { lastLogRow, verifyAccessLog, type ChainVerification } from '../access-log';
import { engineOf } from '../engine';
import { disableTriggers, enableTriggers, resetIdentity } from '../postgres/transfer';
import type { Database } from '../schema';
import { liftTriggers, restoreTriggers } from '../sqlite/transfer';
import type { Row, RowSource } from './sources';
import { copiedTables, type TableInfo } from './tables';

/**
 * The one copier between Familiespor databases, for moving a workstation's file onto the institution's server and for
 * the server's backups (to an encrypted file and back). Copies every table in foreign-key order in batches, keeping
 * ids and authors, then compares row counts per table and verifies the access log's chain on the target.
 */
export interface TableCount {
  table: string;
  /** Rows in the source. */
  source: number;
  /** Rows written (differs from the source only for a table the caller rewrites, e.g. settings). */
  copied: number;
  /** Rows in the target afterwards. */
  target: number;
}

export interface CopyReport {
  ok: boolean;
  tables: TableCount[];
  chain: ChainVerification;
  /** The source's newest access-log row, which the target's chain must end in. */
  sourceHead: { id: number; hash: string };
  /** Why the copy does not hold, in Danish (null when ok). */
  problem: string | null;
}

export class TransferError extends Error {}

/** Rewrites of whole small tables on the way (users' logins, settings that belong to one workstation). */
export type Rewrites = Partial<Record<string, (rows: Row[]) => Row[]>>;

const PAGE = 5000;
/** Bound parameters per statement (SQLite allows 32766, PostgreSQL 65535). */
const MAX_PARAMS = 30_000;

/** The source's tables as the target has them; a differing schema is refused (both must be this program's version). */
async function matchTables(source: RowSource, target: Kysely<Database>): Promise<TableInfo[]> {
  const [from, to] = [await source.tables(), await copiedTables(target)];
  const only = (a: TableInfo[], b: TableInfo[]) => a.filter((t) => !b.some((u) => u.name === t.name)).map((t) => t.name);
  const differing = [...only(from, to), ...only(to, from)];
  if (differing.length) throw new TransferError(`Databaserne har ikke samme tabeller (${differing.join(', ')}). Begge skal være på denne version af Familiespor.`);
  for (const t of to) {
    const s = from.find((f) => f.name === t.name);
    const missing = t.columns.filter((c) => !s?.columns.includes(c));
    if (missing.length) throw new TransferError(`Tabellen ${t.name} mangler kolonner i kilden (${missing.join(', ')}). Begge skal være på denne version af Familiespor.`);
  }
  return to;
}

async function insertRows(trx: Kysely<Database>, table: TableInfo, rows: Row[]): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / table.columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const values = rows.slice(i, i + per).map((r) => Object.fromEntries(table.columns.map((c) => [c, r[c] ?? null])));
    await trx.insertInto(table.name as 'settings').values(values as never).execute();
  }
}

async function countOf(db: Kysely<Database>, table: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0);
}

/**
 * Copies `source` into the target transaction `trx`, replacing the target's rows (a freshly made database's seeded
 * rows: settings, note categories, built-in instruments; the caller has checked that the target is otherwise empty).
 * The target's triggers are off only inside `trx`. Returns the check; the caller commits only when it is ok.
 */
export async function copyDatabase(source: RowSource, trx: Kysely<Database>, sourceHead: { id: number; hash: string }, rewrites: Rewrites = {}): Promise<CopyReport> {
  const tables = await matchTables(source, trx);
  const postgres = engineOf(trx) === 'postgres';
  const names = tables.map((t) => t.name);
  const lifted = postgres ? (await disableTriggers(trx, names), []) : await liftTriggers(trx);
  for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
  const counts: TableCount[] = [];
  for (const table of tables) {
    const sourceCount = await source.count(table);
    let copied = 0;
    const rewrite = rewrites[table.name];
    if (rewrite) {
      const all: Row[] = [];
      for await (const page of source.pages(table, PAGE)) all.push(...page);
      const rows = rewrite(all);
      await insertRows(trx, table, rows);
      copied = rows.length;
    } else {
      for await (const page of source.pages(table, PAGE)) {
        await insertRows(trx, table, page);
        copied += page.length;
      }
    }
    if (postgres) await resetIdentity(trx, table);
    counts.push({ table: table.name, source: sourceCount, copied, target: await countOf(trx, table.name) });
  }
  if (postgres) await enableTriggers(trx, names);
  else await restoreTriggers(trx, lifted);
  const chain = await verifyAccessLog(trx);
  const head = await lastLogRow(trx);
  const lost = counts.find((c) => c.target !== c.copied || (!rewrites[c.table] && c.copied !== c.source));
  const problem = lost
    ? `Tabellen ${lost.table} har ${lost.target} rækker efter kopieringen, men kilden har ${lost.source}.`
    : !chain.ok
      ? `Adgangsloggens kæde holder ikke efter kopieringen: ${chain.broken?.reason ?? ''}`.trim()
      : head.hash !== sourceHead.hash
        ? 'Adgangsloggen slutter ikke i samme række som kilden.'
        : null;
  return { ok: problem === null, tables: counts, chain, sourceHead, problem };
}
