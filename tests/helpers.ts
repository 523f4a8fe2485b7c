import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../common/channels';
import type { Result } from '../common/errors';
import { createBackend, type BackendCore, type BackendOptions } from '../main/core/backend';

/** scrypt cost for tests: the real algorithm and file format, a cheaper work factor (2^14). */
export const TEST_SCRYPT_N = 1 << 14;

export const ADMIN = { name: 'Astrid Ærø', initials: 'AÆ', loginName: 'astrid', password: 'grøn kaffe på bordet' };

export function tempDir(prefix = 'familiespor-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function newBackend(options: Partial<BackendOptions> = {}): BackendCore {
  return createBackend({ dataDir: options.dataDir ?? tempDir(), scryptN: TEST_SCRYPT_N, diagnose: () => undefined, ...options });
}

/** Calls a channel and returns the value, failing the test with the error when the call fails. */
export async function must<C extends ChannelName>(backend: BackendCore, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as ChannelOutput<C>;
}

export async function attempt<C extends ChannelName>(backend: BackendCore, channel: C, input: unknown): Promise<Result<ChannelOutput<C>>> {
  return (await backend.dispatch(channel, input)) as Result<ChannelOutput<C>>;
}

/** A backend with the institution set up and the first administrator logged in. */
export async function setUp(options: Partial<BackendOptions> = {}) {
  const backend = newBackend(options);
  const setup = await must(backend, 'setup:create', { institutionName: 'Familiehuset Lærkebo', admin: ADMIN });
  return { backend, recoveryCode: setup.recoveryCode, admin: setup.user };
}

export function fileHash(file: string): string | null {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null;
}

/** A checksum of every row of every table, read through the open connection. */
export function tableChecksums(backend: BackendCore): Record<string, string> {
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
