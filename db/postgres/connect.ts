import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ServerConfig } from '../../common/server';
import type { Database } from '../schema';

export { serverConfigSchema, type ServerConfig } from '../../common/server';

/** Longest role name PostgreSQL keeps (bytes). */
const MAX_ROLE_BYTES = 63;

/** A staff member's own database role: the database's name, a dot, the login name in lower case. */
export function serverRoleName(database: string, loginName: string): string {
  return `${database}.${loginName.toLocaleLowerCase('da')}`;
}

export function roleNameFits(database: string, loginName: string): boolean {
  return Buffer.byteLength(serverRoleName(database, loginName)) <= MAX_ROLE_BYTES;
}

// Counts and sums come back as numbers, as on SQLite (bigint and numeric are strings in the driver by default).
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface Credentials {
  user: string;
  password: string;
}

/** The connection settings: TLS verified against the institution's CA, SCRAM with channel binding, no plain connection. */
export function poolConfig(config: ServerConfig, credentials: Credentials, options: { max?: number; applicationName?: string } = {}): pg.PoolConfig {
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    user: credentials.user,
    password: credentials.password,
    ssl: { ca: config.caCertificate, rejectUnauthorized: true },
    enableChannelBinding: true,
    max: options.max ?? 3,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 60_000,
    application_name: options.applicationName ?? 'familiespor',
    types,
  } as pg.PoolConfig;
}

/** One login's connection pool, as Kysely. The pool opens its first connection here, so bad credentials fail now. */
export async function connectServer(config: ServerConfig, credentials: Credentials, options: { max?: number } = {}): Promise<{ db: Kysely<Database>; pool: pg.Pool }> {
  const pool = new pg.Pool(poolConfig(config, credentials, options));
  // A dropped connection is reported on the next query; an idle client's error must not crash the process.
  pool.on('error', () => undefined);
  // A client in use (between a transaction's statements) whose server goes away emits 'error' on the client, which
  // nobody else listens for: unheard, it would end the whole program. The next statement then fails and is answered
  // as server_unavailable.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/** What a failed connection or statement means for the user, or null when it is not about the server. */
export function serverFailure(err: unknown): 'wrong_password' | 'server_unavailable' | 'server_untrusted' | 'disk_full' | 'storage_readonly' | null {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : '';
  if (code === '28P01' || code === '28000') return 'wrong_password';
  if (typeof code === 'string') {
    if (/^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EPIPE|EAI_AGAIN)$/.test(code)) return 'server_unavailable';
    if (/^(57P0[1-3]|08\d\d\d)$/.test(code)) return 'server_unavailable';
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return 'server_untrusted';
    if (code === '53100') return 'disk_full';
    if (code === '25006') return 'storage_readonly';
  }
  if (/does not support SSL|timeout expired|timeout exceeded|Connection terminated|connection timeout|not queryable|terminating connection/i.test(message)) return /SSL/.test(message) ? 'server_untrusted' : 'server_unavailable';
  return null;
}

/**
 * Two workstations saved a new version of the same record at once: both were based on the newest version, and the
 * server's unique version number refused the second — a plan's (family, version), or the versions' guard (0007:
 * numbered without gaps, items only on the newest), or an instrument's (instrument, version). On this workstation's own
 * file calls run one at a time, so the base-version check alone decides.
 */
export function versionTaken(err: unknown): 'plan' | 'instrument' | null {
  const { code, constraint } = err as { code?: unknown; constraint?: unknown };
  if (code === '23505' && typeof constraint === 'string') {
    if (constraint.endsWith('_family_version')) return 'plan';
    if (constraint === 'instrument_versions_number') return 'instrument';
  }
  const message = err instanceof Error ? err.message : '';
  return code === 'P0001' && /^(a plan version must follow the newest one|an earlier version of a plan cannot be changed)$/.test(message) ? 'plan' : null;
}
