import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { connectServer, serverRoleName, type ServerConfig } from './connect';
import { migrateServer } from './migrate';
import { scramVerifier } from './scram';

export interface PrepareServerOptions {
  /** Where the server is and its CA certificate (the database named here is created). */
  server: ServerConfig;
  /** A role that may create roles and databases (IT's administrator, e.g. `postgres`), used once. */
  itAdmin: { user: string; password: string };
  /** The password of the database owner (`<database>_owner`): IT keeps it to run later migrations. */
  ownerPassword: string;
  institutionName: string;
  firstAdmin: { loginName: string; name: string; initials: string; password: string; mustChangePassword?: boolean };
  /** Tests only: prepare the schema of an earlier version (a server not yet upgraded). */
  schemaVersion?: number;
}

export function ownerRole(database: string): string {
  return `${database}_owner`;
}

/**
 * Prepares an institution's database on a PostgreSQL server, once, as IT: the owner role (creates roles, owns every
 * table; the app never logs in as it), the database, the schema with its roles, privileges and row-level security, the
 * institution's settings and the first administrator's own login. Refuses a database that already exists.
 */
export async function prepareServer(options: PrepareServerOptions): Promise<void> {
  const { server } = options;
  const owner = ownerRole(server.database);
  const it = new pg.Client({
    host: server.host,
    port: server.port,
    database: 'postgres',
    user: options.itAdmin.user,
    password: options.itAdmin.password,
    ssl: { ca: server.caCertificate, rejectUnauthorized: true },
  });
  await it.connect();
  try {
    const existing = await it.query('select 1 from pg_database where datname = $1', [server.database]);
    if (existing.rowCount) throw new Error(`The database ${server.database} exists already; nothing was changed.`);
    const ownerExists = await it.query('select 1 from pg_roles where rolname = $1', [owner]);
    const verifier = scramVerifier(options.ownerPassword);
    if (ownerExists.rowCount) await it.query(`alter role "${owner}" login createrole password '${verifier}'`);
    else await it.query(`create role "${owner}" login createrole password '${verifier}'`);
    await it.query(`create database "${server.database}" owner "${owner}" encoding 'UTF8' template template0`);
  } finally {
    await it.end();
  }

  const { db, pool } = await connectServer(server, { user: owner, password: options.ownerPassword }, { max: 1 });
  try {
    await migrateServer(db, { to: options.schemaVersion });
    const at = new Date().toISOString();
    const admin = options.firstAdmin;
    const role = serverRoleName(server.database, admin.loginName);
    await db.transaction().execute(async (trx) => {
      for (const [key, value] of Object.entries({ institutionName: options.institutionName, databaseId: randomUUID(), idleLockMinutes: 10 })) {
        await trx.insertInto('settings').values({ key, value: JSON.stringify(value) }).execute();
      }
      await sql.raw(`create role "${role.replace(/"/g, '""')}" login password '${scramVerifier(admin.password)}' in role "${server.database}_admin"`).execute(trx);
      await trx
        .insertInto('users')
        .values({
          login_name: admin.loginName,
          name: admin.name,
          initials: admin.initials.toUpperCase(),
          role: 'admin',
          must_change_password: admin.mustChangePassword === false ? 0 : 1,
          server_role: role,
          created_at: at,
          updated_at: at,
        })
        .execute();
    });
  } finally {
    await db.destroy();
    void pool;
  }
}
