import type { Kysely } from 'kysely';
import type { SessionUser, User } from '../../../common/channels';
import { AppFailure } from '../../../common/errors';
import { passwordProblem } from '../../../common/password';
import type { Database, UserRow } from '../../../db/schema';

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    name: row.name,
    initials: row.initials,
    loginName: row.login_name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
  };
}

export function toUser(row: UserRow): User {
  return { ...toSessionUser(row), active: row.active === 1, createdAt: row.created_at, deactivatedAt: row.deactivated_at };
}

export async function findUser(db: Kysely<Database>, id: number): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppFailure('not_found', 'Brugeren findes ikke.');
  return row;
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The password rule, checked against the login name; the message lands on the named field. */
export function requirePasswordOk(password: string, loginName: string, field: string): void {
  const problem = passwordProblem(password, loginName);
  if (problem) throw new AppFailure('invalid_input', problem, [{ path: field, message: problem }]);
}
