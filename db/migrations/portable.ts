import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * Frozen helpers for migrations that run on both engines (the encrypted SQLite file and PostgreSQL). Like the
 * migrations themselves, they never change meaning once shipped: a changed helper is a new helper.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An integer primary key the database numbers: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function idColumn(db: Kysely<any>) {
  return (c: ColumnDefinitionBuilder) => (isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());
}

export interface Guard {
  /** The trigger's name (unique across the database). */
  name: string;
  table: string;
  event: 'update' | 'delete' | 'insert';
  /** `before update of …`: only changes to these columns. */
  columns?: string[];
  /** When the change is refused, in SQLite's trigger syntax (old., new., subqueries allowed); absent: always. */
  when?: string;
  /** The same condition for PostgreSQL, evaluated inside a PL/pgSQL function (OLD., NEW., subqueries allowed). */
  pgWhen?: string;
  /** The retention job (a row in `retention_mode`, inside its own transaction) may make the change. */
  retentionMayPass?: boolean;
  message: string;
}

/** A rule the database itself enforces: a change to `table` is refused with `message` (append-only records and the like). */
export async function createGuard(db: Kysely<any>, g: Guard): Promise<void> {
  const of = g.columns?.length ? ` of ${g.columns.join(', ')}` : '';
  const message = g.message.replace(/'/g, "''");
  if (isPostgres(db)) {
    const conditions = [g.pgWhen ?? g.when, g.retentionMayPass ? 'not exists (select 1 from retention_mode)' : null].filter((c): c is string => Boolean(c));
    const row = g.event === 'delete' ? 'old' : 'new';
    await sql
      .raw(
        `create or replace function ${g.name}_guard() returns trigger language plpgsql as $$ begin
          if ${conditions.length ? conditions.map((c) => `(${c})`).join(' and ') : 'true'} then raise exception '${message}'; end if;
          return ${row}; end $$`,
      )
      .execute(db);
    await sql.raw(`create trigger ${g.name} before ${g.event}${of} on ${g.table} for each row execute function ${g.name}_guard()`).execute(db);
    return;
  }
  const conditions = [g.when, g.retentionMayPass ? 'not exists (select 1 from retention_mode)' : null].filter((c): c is string => Boolean(c));
  const when = conditions.length ? ` when ${conditions.map((c) => `(${c})`).join(' and ')}` : '';
  await sql.raw(`create trigger ${g.name} before ${g.event}${of} on ${g.table}${when} begin select raise(abort, '${message}'); end`).execute(db);
}

export async function dropGuard(db: Kysely<any>, name: string, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`drop trigger if exists ${name} on ${table}`).execute(db);
    await sql.raw(`drop function if exists ${name}_guard()`).execute(db);
    return;
  }
  await sql.raw(`drop trigger if exists ${name}`).execute(db);
}

/** A unique index that ignores letter case (login names): `collate nocase` on SQLite, `lower()` on PostgreSQL. */
export async function uniqueCaseless(db: Kysely<any>, index: string, table: string, column: string): Promise<void> {
  if (isPostgres(db)) await sql.raw(`create unique index ${index} on ${table} (lower(${column}))`).execute(db);
  else await sql.raw(`create unique index ${index} on ${table} (${column} collate nocase)`).execute(db);
}
