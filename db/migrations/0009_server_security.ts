import { sql, type Kysely } from 'kysely';
import { isPostgres } from './portable';
import { serverSecuritySql } from './server/0009_security_sql';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// The institution's server (PostgreSQL): each staff login is its own database role, in a group role per app role;
// row-level security applies need-to-know in the database itself; append-only records get no UPDATE or DELETE; the
// access log is written only by a function that stamps who and when. On SQLite (one workstation, the key slots decide
// who opens the file) only the users' server role column is added, so both engines keep the same columns.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('server_role', 'text').execute();
  await sql`create unique index users_server_role on users (server_role) where server_role is not null`.execute(db);
  if (!isPostgres(db)) return;

  // The access log's anchor on the server: written only by the logging function; workstations compare it with the
  // anchor they saw last, so a server rolled back behind a workstation is noticed.
  await db.schema
    .createTable('access_log_anchor')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  // "Bryd glasset" on the server: row-level security must know it, so it is a row (valid until logout, at most 12 h).
  await db.schema
    .createTable('break_glass')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  for (const statement of serverSecuritySql) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    // Policies, functions and grants go with the tables they belong to; the group roles stay (they may own nothing).
    await db.schema.dropTable('break_glass').execute();
    await db.schema.dropTable('access_log_anchor').execute();
  }
  await sql`drop index users_server_role`.execute(db);
  await db.schema.alterTable('users').dropColumn('server_role').execute();
}
