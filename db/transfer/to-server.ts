import { sql, type Kysely } from 'kysely';
import { appendChained, lastLogRow, type AccessLogValues } from '../access-log';
import { newOneTimePassword } from '../crypto';
import { SCHEMA_VERSION } from '../migrations';
import { serverRoleName } from '../postgres/connect';
import { dropLogin, provisionLogin } from '../postgres/logins';
import { serverSchemaVersion } from '../postgres/migrate';
import { scramVerifier } from '../postgres/scram';
import { setServerAnchor } from '../postgres/transfer';
import type { Database } from '../schema';
import { ensureSearchIndex } from '../search';
import { copyDatabase, TransferError, type CopyReport } from './copy';
import { connectionSource, type Row } from './sources';
import { copiedTables } from './tables';

/** What a freshly prepared server database holds (migrations and prepare-server): everything else must be empty. */
const SEEDED = new Set(['settings', 'users', 'observation_categories', 'instruments', 'instrument_versions']);

/** Settings that belong to one workstation and do not travel to the server. */
const LOCAL_SETTINGS = new Set(['backupFolder', 'recoveryConfirmed']);

/**
 * Why the server's database cannot take a copy, in Danish, or null: it must be this program's schema version and
 * freshly prepared (no access log, at most IT's first administrator, nothing but the seeded rows). Read as its owner.
 */
export async function serverTargetProblem(owner: Kysely<Database>): Promise<string | null> {
  const version = await serverSchemaVersion(owner);
  if (version !== SCHEMA_VERSION) return `Databasen på serveren er på version ${version}, men denne version af Familiespor kræver ${SCHEMA_VERSION}. Bed IT køre "npm run prepare-server -- opgrader" først.`;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(owner)).rows[0]?.n ?? 0);
  if ((await count('access_log')) > 0) return 'Databasen på serveren er allerede taget i brug (adgangsloggen har rækker). Flytningen kræver en database, der lige er oprettet med prepare-server. Intet er ændret.';
  if ((await count('users')) > 1) return 'Databasen på serveren har allerede flere brugere. Flytningen kræver en database, der lige er oprettet med prepare-server. Intet er ændret.';
  for (const table of await copiedTables(owner)) {
    if (SEEDED.has(table.name)) continue;
    const n = await count(table.name);
    if (n > 0) return `Databasen på serveren er ikke tom (${n} rækker i ${table.name}). Flytningen kræver en database, der lige er oprettet med prepare-server. Intet er ændret.`;
  }
  return null;
}

export interface MovedUser {
  id: number;
  loginName: string;
  name: string;
  role: 'staff' | 'leader' | 'admin';
  active: boolean;
}

export interface ServerCopyOptions {
  /** The server database's owner connection (IT's credentials). */
  owner: Kysely<Database>;
  database: string;
  /** The database copied (only read): the workstation's file, or a server backup opened with its code. */
  source: Kysely<Database>;
  /** Settings the server must have that the source keeps elsewhere (the institution's name and database id). */
  settings: Record<string, unknown>;
  /** The copy's own row in the access log, appended to the copied chain on the server. */
  logRow: Omit<AccessLogValues, 'at'>;
}

export class CopyFailed extends Error {
  constructor(readonly report: CopyReport) {
    super(report.problem ?? 'The copy failed its check');
  }
}

export interface ServerCopy {
  report: CopyReport;
  /** The one-time passwords of the active users, to hand out once; each chooses their own at the first login. */
  passwords: Array<MovedUser & { password: string }>;
}

/**
 * Copies a database onto an empty server database in one transaction of its owner: every table, the users with their
 * own login roles and one-time passwords, the access log with its chain (verified, plus a row for the copy itself),
 * the anchor; then the search index is built. Nothing is left on the server when any step or check fails.
 */
export async function copyToServer(options: ServerCopyOptions): Promise<ServerCopy> {
  const { owner, database } = options;
  const problem = await serverTargetProblem(owner);
  if (problem) throw new TransferError(problem);
  const users = await usersOf(options.source);
  const passwords = new Map(users.filter((u) => u.active).map((u) => [u.id, newOneTimePassword()]));
  const sourceHead = await lastLogRow(options.source);
  const report = await owner.transaction().execute(async (trx) => {
    const earlierRoles = (await trx.selectFrom('users').select('server_role').where('server_role', 'is not', null).execute()).map((r) => r.server_role);
    const copied = await copyDatabase(connectionSource(options.source), trx, sourceHead, {
      users: (rows) => rows.map((u) => ({ ...u, server_role: serverRoleName(database, String(u.login_name)), must_change_password: 1 })),
      settings: (rows) => serverSettings(rows, options.settings),
    });
    if (!copied.ok) throw new CopyFailed(copied);
    const moved = await trx.selectFrom('users').select(['id', 'login_name', 'role', 'active', 'server_role']).execute();
    for (const u of moved) {
      const role = u.server_role ?? serverRoleName(database, u.login_name);
      const password = u.active ? passwords.get(u.id) : undefined;
      await provisionLogin(trx, database, role, u.role, password ? scramVerifier(password) : null);
    }
    const kept = new Set(moved.map((u) => u.server_role));
    for (const role of earlierRoles) if (role && !kept.has(role)) await dropLogin(trx, role);
    const head = await appendChained(trx, [{ ...options.logRow, at: new Date().toISOString() }]);
    await setServerAnchor(trx, head);
    return copied;
  });
  await ensureSearchIndex(owner);
  return {
    report,
    passwords: users.flatMap((u) => {
      const password = passwords.get(u.id);
      return password ? [{ ...u, password }] : [];
    }),
  };
}

/** The source's settings without the workstation's own, with the server's required ones, and the search index to build. */
function serverSettings(rows: Row[], required: Record<string, unknown>): Row[] {
  const kept = rows.filter((r) => !LOCAL_SETTINGS.has(String(r.key)) && !(String(r.key) in required) && r.key !== 'searchIndexVersion');
  return [...kept, ...Object.entries(required).map(([key, value]) => ({ key, value: JSON.stringify(value) })), { key: 'searchIndexVersion', value: '0' }];
}

/** The users a copy carries, for the dry run's list and the one-time passwords. */
export async function usersOf(db: Kysely<Database>): Promise<MovedUser[]> {
  const rows = await db.selectFrom('users').select(['id', 'login_name', 'name', 'role', 'active']).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, loginName: r.login_name, name: r.name, role: r.role, active: r.active === 1 }));
}
