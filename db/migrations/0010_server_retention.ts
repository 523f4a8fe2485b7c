import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';
import { serverRetentionSql } from './server/0010_retention_sql';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Deletion after the retention period and the access log's retention on the institution's server (PostgreSQL):
// functions owned by the database owner that check the rules themselves (no login may delete append-only records).
// On SQLite nothing changes: the app runs both inside its own transaction (db/retention.ts, db/access-log.ts).

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const statement of serverRetentionSql) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function familiespor_access_log_retention()`.execute(db);
  await sql`drop function familiespor_delete_family(integer)`.execute(db);
  await sql`drop function familiespor_setting_years(text, integer)`.execute(db);
}
