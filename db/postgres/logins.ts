import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';
import { serverRoleName } from './connect';
import { scramVerifier } from './scram';

/**
 * A user's own login role on the institution's server: created the first time a password is set, changed after
 * that. Only a SCRAM verifier leaves the workstation; the server's functions check who may do it.
 */
export async function setServerPassword(db: Kysely<Database>, database: string, user: { id: number; loginName: string }, password: string): Promise<void> {
  const row = await db.selectFrom('users').select('server_role').where('id', '=', user.id).executeTakeFirstOrThrow();
  const verifier = scramVerifier(password);
  if (row.server_role === null) {
    await sql`select familiespor_create_login(${user.id}, ${serverRoleName(database, user.loginName)}, ${verifier})`.execute(db);
  } else {
    await sql`select familiespor_set_password(${user.id}, ${verifier})`.execute(db);
  }
}

/**
 * A moved or restored user's own login role, as the database owner inside the copy's transaction: created, or taken
 * over when a role of that name is left from before (IT's first administrator, an earlier database of the same name),
 * in the group of the user's app role; with a one-time password (a SCRAM verifier), or without login when the user
 * is deactivated. Role statements take no bound parameters: names go in as identifiers, the verifier as a literal.
 */
export async function provisionLogin(trx: Kysely<Database>, database: string, role: string, appRole: 'staff' | 'leader' | 'admin', verifier: string | null): Promise<void> {
  const name = sql.id(role);
  const login = verifier ? sql`login password ${sql.lit(verifier)}` : sql`nologin`;
  const exists = await sql<{ one: number }>`select 1 as one from pg_roles where rolname = ${role}`.execute(trx);
  if (exists.rows.length) {
    await sql`alter role ${name} ${login}`.execute(trx);
    await sql`revoke ${sql.join(['staff', 'leader', 'admin'].map((g) => sql.id(`${database}_${g}`)))} from ${name}`.execute(trx);
    await sql`grant ${sql.id(`${database}_${appRole}`)} to ${name}`.execute(trx);
  } else {
    await sql`create role ${name} ${login} in role ${sql.id(`${database}_${appRole}`)}`.execute(trx);
  }
}

/** Drops a login role no user row names any more (IT's first administrator, replaced by the moved users). */
export async function dropLogin(trx: Kysely<Database>, role: string): Promise<void> {
  await sql`drop role if exists ${sql.id(role)}`.execute(trx);
}
