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
