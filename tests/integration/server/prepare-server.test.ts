import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { attempt, must, newBackend, tempDir } from '../../helpers';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..', '..');

describe('IT prepares the institution\'s server with the script the README names', () => {
  it('"opret" makes a database a workstation joins and logs in to; a second "opret" changes nothing; "opgrader" runs', async () => {
    const server = inject('postgres');
    const dir = tempDir();
    const caFile = path.join(dir, 'ca.crt');
    fs.writeFileSync(caFile, server.caCertificate);
    const database = `cli_${Date.now().toString(36)}`;
    const env = {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tsconfig.run.json',
      FAMILIESPOR_SERVER_HOST: server.host,
      FAMILIESPOR_SERVER_PORT: String(server.port),
      FAMILIESPOR_SERVER_DATABASE: database,
      FAMILIESPOR_SERVER_CA: caFile,
      FAMILIESPOR_OWNER_PASSWORD: 'ejerens lange adgangskode 1',
      PGUSER: server.user,
      PGPASSWORD: server.password,
      FAMILIESPOR_INSTITUTION: 'Mor-barn-hjemmet Åbo',
      FAMILIESPOR_ADMIN_LOGIN: 'ida',
      FAMILIESPOR_ADMIN_NAME: 'Ida Øst',
      FAMILIESPOR_ADMIN_INITIALS: 'IØ',
      FAMILIESPOR_ADMIN_PASSWORD: 'midlertidig kode 1',
    };
    const script = ['--import', 'tsx', path.join(root, 'scripts', 'prepare-server.ts')];
    const created = await run(process.execPath, [...script, 'opret'], { env, cwd: root });
    expect(created.stdout).toContain(`Databasen ${database} er oprettet`);
    await expect(run(process.execPath, [...script, 'opret'], { env, cwd: root })).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') });
    const upgraded = await run(process.execPath, [...script, 'opgrader'], { env, cwd: root });
    expect(upgraded.stdout).toContain('er opdateret');
    const missing = await run(process.execPath, [...script, 'opret'], { env: { ...env, FAMILIESPOR_ADMIN_LOGIN: '' }, cwd: root }).catch((err: { stderr: string }) => err);
    expect(missing.stderr).toContain('Mangler miljøvariablen FAMILIESPOR_ADMIN_LOGIN');

    const workstation = newBackend();
    expect(await must(workstation, 'setup:connectServer', { host: server.host, port: server.port, database, caCertificate: server.caCertificate })).toEqual({ host: server.host, database });
    const user = await must(workstation, 'session:login', { loginName: 'ida', password: 'midlertidig kode 1' });
    expect(user).toMatchObject({ name: 'Ida Øst', role: 'admin', mustChangePassword: true });
    expect((await must(workstation, 'app:status', {})).institutionName).toBe('Mor-barn-hjemmet Åbo');
    const wrong = await attempt(workstation, 'session:login', { loginName: 'ida', password: 'forkert' });
    expect(wrong.ok).toBe(false);
  });
});
