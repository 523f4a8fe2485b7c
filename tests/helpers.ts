import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../common/channels';
import type { Result } from '../common/errors';
import pg from 'pg';
import { createBackend, type BackendCore, type BackendOptions } from '../main/core/backend';
import { prepareInstitution } from './pg';
import type { ServerConfig } from '../db/postgres/connect';
import { writeWorkstation } from '../db/workstation';
import { GENESIS_HASH, rowHash } from '../db/access-log';

/**
 * Which engine the backend suite runs against: this workstation's encrypted file (the default) or the institution's
 * PostgreSQL server (FAMILIESPOR_TEST_ENGINE=postgres, the vitest project "postgres": a fresh database per setUp).
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.FAMILIESPOR_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The server databases of backends set up on PostgreSQL (tests look behind the app's back as IT's administrator). */
const serverDatabases = new WeakMap<BackendCore, ServerConfig>();

/**
 * IT's administrator on the test server that vitest's globalSetup started (tests/pg-global.ts). Vitest is imported
 * only here, when a test asks for the server: the benchmark (plain Node) uses these helpers without it.
 */
async function itAdmin(): Promise<{ config: (database: string) => ServerConfig; user: string; password: string }> {
  const { inject } = await import('vitest');
  const server = inject('postgres');
  return { config: (database) => ({ host: server.host, port: server.port, database, caCertificate: server.caCertificate }), user: server.user, password: server.password };
}

/** A superuser connection to the database behind a backend on the server (connected; the caller ends it). */
export async function serverSuperuser(backend: BackendCore): Promise<pg.Client> {
  const config = serverDatabases.get(backend);
  if (!config) throw new Error('This backend is not on the server');
  const it = await itAdmin();
  const client = new pg.Client({ host: config.host, port: config.port, database: config.database, user: it.user, password: it.password, ssl: { ca: config.caCertificate, rejectUnauthorized: true } });
  await client.connect();
  return client;
}

/**
 * A new institution database on the test server, prepared as IT does (prepare-server), with its owner's password;
 * `schemaVersion` prepares an earlier version's schema (a server not yet upgraded).
 */
export async function newServerDatabase(server: { schemaVersion?: number } = {}): Promise<{ config: ServerConfig; ownerPassword: string }> {
  return prepareInstitution(await itAdmin(), `t_${randomBytes(6).toString('hex')}`, { firstAdmin: ADMIN, schemaVersion: server.schemaVersion });
}

/** A workstation data folder that uses a server database made by newServerDatabase. */
export function workstationOn(config: ServerConfig, options: Partial<BackendOptions> = {}): BackendCore {
  return serverWorkstation(config, options);
}

/** A new, prepared institution database on the test server, and a workstation data folder that uses it. */
export async function newServerWorkstation(options: Partial<BackendOptions> = {}): Promise<BackendCore> {
  const { config } = await newServerDatabase();
  return serverWorkstation(config, options);
}

/** Another workstation on the same server database as `backend`. */
export function secondWorkstation(backend: BackendCore, options: Partial<BackendOptions> = {}): BackendCore {
  const config = serverDatabases.get(backend);
  if (!config) throw new Error('This backend is not on the server');
  return serverWorkstation(config, options);
}

function serverWorkstation(config: ServerConfig, options: Partial<BackendOptions>): BackendCore {
  const dataDir = options.dataDir ?? tempDir();
  writeWorkstation(dataDir, { server: config });
  const backend = newBackend({ ...options, dataDir });
  serverDatabases.set(backend, config);
  return backend;
}

/** scrypt cost for tests: the real algorithm and file format, a cheaper work factor (2^14). */
export const TEST_SCRYPT_N = 1 << 14;

export const ADMIN = { name: 'Astrid Ærø', initials: 'AÆ', loginName: 'astrid', password: 'grøn kaffe på bordet' };

export function tempDir(prefix = 'familiespor-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function newBackend(options: Partial<BackendOptions> = {}): BackendCore {
  return createBackend({ dataDir: options.dataDir ?? tempDir(), scryptN: TEST_SCRYPT_N, diagnose: process.env.FAMILIESPOR_TEST_DIAGNOSE ? (m) => console.error(m) : () => undefined, ...options });
}

/** A signed note's input: a minute ago, day shift, no persons, no concern. */
export const noteInput = (familyId: number, categoryId: number, text: string) => ({
  familyId,
  observedAt: new Date(Date.now() - 60_000).toISOString(),
  shift: 'day' as const,
  categoryId,
  personIds: [],
  text,
  concern: 'none' as const,
});

/** Calls a channel and returns the value, failing the test with the error when the call fails. */
export async function must<C extends ChannelName>(backend: BackendCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as ChannelOutput<C>;
}

export async function attempt<C extends ChannelName>(backend: BackendCore, channel: C, input: unknown): Promise<Result<ChannelOutput<C>>> {
  return (await backend.dispatch(channel, input)) as Result<ChannelOutput<C>>;
}

/** A backend with the institution set up and the first administrator logged in (on TEST_ENGINE). */
export async function setUp(options: Partial<BackendOptions> = {}) {
  if (TEST_ENGINE === 'postgres') {
    const backend = await newServerWorkstation(options);
    const user = await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    return { backend, recoveryCode: '', admin: user };
  }
  const backend = newBackend(options);
  const setup = await must(backend, 'setup:create', { institutionName: 'Familiehuset Lærkebo', admin: ADMIN });
  return { backend, recoveryCode: setup.recoveryCode, admin: setup.user };
}

export function fileHash(file: string): string | null {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null;
}

/** A checksum of every row of every table: through the open connection, or on the server as IT's administrator. */
export async function tableChecksums(backend: BackendCore): Promise<Record<string, string>> {
  if (serverDatabases.has(backend)) return serverChecksums(backend);
  const sqlite = backend.unlocked()!.sqlite;
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    // Sorted in JS: some tables (FTS shadow tables) have no rowid.
    const rows = (sqlite.prepare(`select * from "${name}"`).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    sums[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex')}`;
  }
  return sums;
}

/** Creates a user as the logged-in administrator, lets them choose their own password, and logs the administrator back in. */
export async function createUser(backend: BackendCore, user: { loginName: string; name?: string; role: 'staff' | 'leader' | 'admin'; password: string }): Promise<number> {
  const temporary = 'midlertidig kode 1';
  const created = await must(backend, 'users:create', { name: user.name ?? user.loginName, initials: user.loginName.slice(0, 3), loginName: user.loginName, role: user.role, temporaryPassword: temporary });
  await must(backend, 'session:logout', {});
  await must(backend, 'session:login', { loginName: user.loginName, password: temporary });
  await must(backend, 'session:changePassword', { currentPassword: temporary, newPassword: user.password });
  await must(backend, 'session:logout', {});
  await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  return created.id;
}

/** Logs out whoever is logged in and logs in as `loginName`. */
export async function loginAs(backend: BackendCore, loginName: string, password: string): Promise<void> {
  await must(backend, 'session:logout', {});
  await must(backend, 'session:login', { loginName, password });
}

/** Table checksums without the access log (a refused call is logged) and the engines' own counters. */
export function exceptAccessLog(sums: Record<string, string>): Record<string, string> {
  return { ...sums, access_log: '', access_log_anchor: '', sqlite_sequence: '' };
}

async function serverChecksums(backend: BackendCore): Promise<Record<string, string>> {
  const client = await serverSuperuser(backend);
  try {
    const tables = (await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by tablename")).rows.map((r) => r.tablename);
    const sums: Record<string, string> = {};
    for (const name of tables) {
      const rows = (await client.query({ text: `select * from "${name}"`, rowMode: 'array' })).rows.map((r) => JSON.stringify(r)).sort();
      sums[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex')}`;
    }
    return sums;
  } finally {
    await client.end();
  }
}

/**
 * Runs SQL behind the app's back, as the strongest party there is: the open connection to this workstation's file,
 * or IT's superuser on the server. For proving what the database itself refuses, and for writing history the app
 * would stamp with the current time. Parameters are `?` in the statement. Returns the first column of each row.
 */
export async function behindTheAppsBack(backend: BackendCore, statement: string, params: unknown[] = []): Promise<unknown[]> {
  if (serverDatabases.has(backend)) {
    const client = await serverSuperuser(backend);
    try {
      let n = 0;
      const result = await client.query({ text: statement.replace(/\?/g, () => `$${++n}`), values: params, rowMode: 'array' });
      return result.rows.map((r: unknown[]) => r[0]);
    } finally {
      await client.end();
    }
  }
  const unlocked = backend.unlocked();
  if (!unlocked) throw new Error('No open database');
  const stmt = unlocked.sqlite.prepare(statement);
  if (!stmt.reader) {
    stmt.run(...params);
    return [];
  }
  return stmt.pluck().all(...params);
}

export type LogRow = { id: number; at: string; user_id: number | null; session_id: string | null; action: string; channel: string; subject: string | null; family_id: number | null; detail_hash: string | null; verified: number };

/**
 * Rewrites the access log behind the app's back and re-hashes the whole chain (and the server's anchor) so that it
 * still verifies: how a log with rows from years ago is made in a test. The append-only triggers are set aside for it.
 */
export async function rewriteAccessLog(backend: BackendCore, change: (row: LogRow, index: number) => LogRow): Promise<void> {
  const columns = 'id, at, user_id, session_id, action, channel, subject, family_id, detail_hash, verified';
  const rechain = (rows: LogRow[], firstPrev: string) => {
    let prev = firstPrev;
    return rows.map((row, i) => {
      const changed = change(row, i);
      const hash = rowHash(prev, changed);
      const out = { id: row.id, at: changed.at, prev_hash: prev, hash };
      prev = hash;
      return out;
    });
  };
  if (TEST_ENGINE === 'postgres') {
    const su = await serverSuperuser(backend);
    try {
      await su.query('begin');
      await su.query('set local session_replication_role = replica');
      const start = (await su.query('select first_prev_hash from access_log_chain')).rows[0]?.first_prev_hash ?? GENESIS_HASH;
      const rows = rechain((await su.query(`select ${columns} from access_log order by id`)).rows as LogRow[], start);
      for (const r of rows) await su.query('update access_log set at = $1, prev_hash = $2, hash = $3 where id = $4', [r.at, r.prev_hash, r.hash, r.id]);
      const last = rows.at(-1);
      if (last) await su.query('update access_log_anchor set hash = $1 where last_id = $2', [last.hash, last.id]);
      await su.query('commit');
    } finally {
      await su.end();
    }
    return;
  }
  const unlocked = backend.unlocked();
  if (!unlocked) throw new Error('No open database');
  const sqlite = unlocked.sqlite;
  const triggers = sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'access_log'").all() as Array<{ name: string; sql: string }>;
  sqlite.transaction(() => {
    for (const t of triggers) sqlite.exec(`drop trigger ${t.name}`);
    const start = (sqlite.prepare('select first_prev_hash from access_log_chain').pluck().get() as string | undefined) ?? GENESIS_HASH;
    const rows = rechain(sqlite.prepare(`select ${columns} from access_log order by id`).all() as LogRow[], start);
    const update = sqlite.prepare('update access_log set at = ?, prev_hash = ?, hash = ? where id = ?');
    for (const r of rows) update.run(r.at, r.prev_hash, r.hash, r.id);
    for (const t of triggers) sqlite.exec(t.sql);
  })();
}
