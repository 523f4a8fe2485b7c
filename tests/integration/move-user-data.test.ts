import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/core/backend';
import { MOVED_MARKER, moveUserData } from '../../main/data-folder/move-user-data';
import { startWorkstation } from '../../main/data-folder/start';
import { ADMIN, TEST_SCRYPT_N, tempDir } from '../helpers';

const options = { scryptN: TEST_SCRYPT_N, diagnose: () => undefined };
const open: Backend[] = [];

function start(defaultDataDir: string, legacyDataDir: string | null = null): Backend {
  const backend = startWorkstation({ override: null, defaultDataDir, legacyDataDir }, options);
  open.push(backend);
  return backend;
}

async function ok(backend: Backend, channel: string, input: unknown): Promise<unknown> {
  const result = await backend.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

/** An earlier install in a Windows user's own folder: set up, one family, a backup (in the default folder inside the data folder). */
async function perUserInstall(): Promise<{ userData: string; oldData: string }> {
  const userData = tempDir('familiespor-appdata-');
  const oldData = path.join(userData, 'data');
  const old = start(oldData);
  await ok(old, 'setup:create', { institutionName: 'Familiehuset Lærkebo', admin: ADMIN });
  await ok(old, 'families:create', { displayName: 'Familien Holm', startDate: '2026-01-05', persons: [{ kind: 'mother', name: 'Sara Holm' }] });
  await ok(old, 'backups:create', {});
  await ok(old, 'session:logout', {});
  await old.close();
  open.splice(open.indexOf(old), 1);
  return { userData, oldData };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p).toString('base64');
  }
  return out;
}

describe("an earlier install's data in the Windows user's own folder", () => {
  it('is moved to the machine-wide folder at start, opens there with the same login, and the old folder is retired', async () => {
    const { userData, oldData } = await perUserInstall();
    const before = snapshot(oldData);
    const machine = path.join(tempDir('familiespor-programdata-'), 'Familiespor', 'data');

    const backend = start(machine, oldData);
    expect(backend.dataDir).toBe(machine);
    expect(await ok(backend, 'setup:dataFolder', {})).toMatchObject({ folder: machine, movedFrom: oldData, leftBehind: null });
    // Every file came over byte for byte, the backups in the data folder too.
    const after = snapshot(machine);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).filter((f) => !f.endsWith('-shm')).sort());
    expect(Object.keys(after).some((f) => f.startsWith('sikkerhedskopier'))).toBe(true);
    for (const [file, content] of Object.entries(after)) expect(content, file).toBe(before[file]);

    expect(await ok(backend, 'app:status', {})).toMatchObject({ setupDone: true, institutionName: 'Familiehuset Lærkebo' });
    await ok(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await ok(backend, 'families:list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ displayName: 'Familien Holm' })]));
    expect(await ok(backend, 'backups:status', {})).toMatchObject({ folder: path.join(machine, 'sikkerhedskopier'), backups: expect.arrayContaining([expect.objectContaining({ status: 'ok' })]) });

    // The old folder: renamed, with a note saying where the data went and a marker.
    expect(fs.existsSync(oldData)).toBe(false);
    const [retired = ''] = fs.readdirSync(userData).filter((f) => f.startsWith('data-flyttet-'));
    expect(fs.readFileSync(path.join(userData, retired, 'FLYTTET.txt'), 'utf8')).toContain(machine);
    expect(JSON.parse(fs.readFileSync(path.join(userData, retired, MOVED_MARKER), 'utf8'))).toMatchObject({ movedTo: machine });
    await backend.close();
    open.splice(0);

    // The next start moves nothing and says nothing.
    const next = start(machine, oldData);
    expect(await ok(next, 'setup:dataFolder', {})).toMatchObject({ movedFrom: null, leftBehind: null });
  });

  it('is left alone, and named on the login screen, when the machine-wide folder already has a database', async () => {
    const { oldData } = await perUserInstall();
    const before = snapshot(oldData);
    const machine = path.join(tempDir('familiespor-programdata-'), 'data');
    const other = start(machine);
    await ok(other, 'setup:create', { institutionName: 'Et andet hus', admin: { ...ADMIN, loginName: 'bo' } });
    await other.close();
    open.splice(0);

    const backend = start(machine, oldData);
    const info = (await ok(backend, 'setup:dataFolder', {})) as { leftBehind: { folder: string; reason: string } | null; movedFrom: string | null };
    expect(info.movedFrom).toBeNull();
    expect(info.leftBehind?.folder).toBe(oldData);
    expect(info.leftBehind?.reason).toMatch(/har allerede en database.*ikke flyttet/);
    expect(snapshot(oldData)).toEqual(before);
    expect(await ok(backend, 'app:status', {})).toMatchObject({ institutionName: 'Et andet hus' });
  });

  it('a move that cannot be written changes nothing: the old folder stays as it was and is named', async () => {
    const { oldData } = await perUserInstall();
    const before = snapshot(oldData);
    const blocked = path.join(tempDir(), 'en-fil');
    fs.writeFileSync(blocked, 'x');
    const outcome = moveUserData({ from: oldData, to: path.join(blocked, 'data'), now: new Date() });
    expect(outcome.movedFrom).toBeNull();
    expect(outcome.leftBehind).toMatchObject({ folder: oldData, reason: expect.stringMatching(/Intet er ændret/) });
    expect(snapshot(oldData)).toEqual(before);
    expect(fs.existsSync(path.join(oldData, MOVED_MARKER))).toBe(false);
  });

  it('a move cut off after the copy took its place is finished at the next start; a stale staging folder is removed', async () => {
    const { oldData } = await perUserInstall();
    const root = tempDir('familiespor-programdata-');
    const machine = path.join(root, 'data');
    // As if the process died after the rename into place but before the old folder was marked.
    fs.cpSync(oldData, machine, { recursive: true });
    expect(moveUserData({ from: oldData, to: machine, now: new Date() })).toEqual({ movedFrom: null, leftBehind: null });
    expect(fs.existsSync(oldData)).toBe(false);

    // A copy cut off half way: the staging folder is made anew, the old data moved.
    const second = await perUserInstall();
    const machine2 = path.join(tempDir('familiespor-programdata-'), 'data');
    const stale = `${machine2}.flytter-1-1`;
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'familiespor.db'), 'halvt');
    expect(moveUserData({ from: second.oldData, to: machine2, now: new Date() }).movedFrom).toBe(second.oldData);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readdirSync(path.dirname(machine2))).toEqual(['data']);
  });

  it("a backup folder remembered inside the old folder (for a restore from the login screen) is pointed at the new place", async () => {
    const { oldData } = await perUserInstall();
    fs.writeFileSync(path.join(oldData, 'familiespor.workstation.json'), JSON.stringify({ backupFolder: path.join(oldData, 'kopier') }));
    const machine = path.join(tempDir('familiespor-programdata-'), 'data');
    expect(moveUserData({ from: oldData, to: machine, now: new Date() }).movedFrom).toBe(oldData);
    expect(JSON.parse(fs.readFileSync(path.join(machine, 'familiespor.workstation.json'), 'utf8'))).toEqual({ backupFolder: path.join(machine, 'kopier') });
  });

  it('nothing happens where there is no earlier install, or the folders are the same (Linux, development)', () => {
    const dir = tempDir();
    expect(moveUserData({ from: path.join(dir, 'ingen'), to: path.join(dir, 'data'), now: new Date() })).toEqual({ movedFrom: null, leftBehind: null });
    expect(moveUserData({ from: dir, to: dir, now: new Date() })).toEqual({ movedFrom: null, leftBehind: null });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
