import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/core/backend';
import { DataFolderStartError, LOCATION_FILE_NAME } from '../../main/data-folder/location-file';
import { startWorkstation } from '../../main/data-folder/start';
import { ADMIN, TEST_SCRYPT_N, tempDir } from '../helpers';

const options = { scryptN: TEST_SCRYPT_N, diagnose: () => undefined };
const setupInput = { institutionName: 'Familiehuset Lærkebo', admin: ADMIN };
const open: Backend[] = [];

function start(root: string, override: string | null = null) {
  const backend = startWorkstation({ override, defaultDataDir: path.join(root, 'data') }, options);
  open.push(backend);
  return backend;
}

afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

describe('the data folder chosen at setup', () => {
  it('shows the default folder, checks a chosen one, creates the database there, and the next start finds it', async () => {
    const root = tempDir();
    const chosen = path.join(tempDir(), 'Familiespor', 'data');
    const first = start(root);
    const info = await first.dispatch('setup:dataFolder', {});
    expect(info).toEqual({ ok: true, value: { folder: path.join(root, 'data'), changeable: true, movedFrom: null, leftBehind: null } });
    expect(await first.dispatch('setup:checkFolder', { folder: chosen })).toEqual({ ok: true, value: { folder: chosen } });

    const setup = await first.dispatch('setup:create', { ...setupInput, dataFolder: chosen });
    expect(setup.ok).toBe(true);
    expect(fs.existsSync(path.join(chosen, 'familiespor.db'))).toBe(true);
    expect(fs.existsSync(path.join(chosen, 'familiespor.keys.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'data', 'familiespor.db'))).toBe(false);
    // Remembered outside the data folder, with no secrets: the folder and when it was chosen.
    const remembered = JSON.parse(fs.readFileSync(path.join(root, LOCATION_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(remembered).sort()).toEqual(['chosenAt', 'dataDir', 'version']);
    expect(remembered.dataDir).toBe(chosen);
    // The session is open on the new folder; the folder shown is the new one; no more checking of folders.
    expect((await first.dispatch('families:list', {})).ok).toBe(true);
    expect(first.dataDir).toBe(chosen);
    expect(await first.dispatch('setup:dataFolder', {})).toMatchObject({ ok: true, value: { folder: chosen } });
    expect(await first.dispatch('setup:checkFolder', { folder: tempDir() })).toMatchObject({ ok: false, error: { code: 'already_setup' } });
    await first.close();
    open.splice(0);

    const next = start(root);
    expect(next.dataDir).toBe(chosen);
    expect(await next.dispatch('app:status', {})).toMatchObject({ ok: true, value: { setupDone: true, institutionName: 'Familiehuset Lærkebo' } });
    expect(await next.dispatch('session:login', { loginName: ADMIN.loginName, password: ADMIN.password })).toMatchObject({ ok: true });
  });

  it('refuses a network path, a folder with other files, and a folder that cannot be written — in Danish, creating nothing', async () => {
    const root = tempDir();
    const backend = start(root);
    const foreign = tempDir();
    fs.writeFileSync(path.join(foreign, 'noter.txt'), 'x');
    const cases: Array<[string, RegExp]> = [
      ['\\\\filserver\\faelles\\Familiespor', /netværksdrev/],
      ['//filserver/faelles/Familiespor', /netværksdrev/],
      [foreign, /andre filer/],
      ['/proc/familiespor', /kan ikke skrive/],
      ['relativ/mappe', /hele stien/],
      ['', /Skriv stien/],
    ];
    for (const [folder, message] of cases) {
      const checked = await backend.dispatch('setup:checkFolder', { folder });
      expect(checked, folder).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'folder', message: expect.stringMatching(message) }] } });
      const refused = await backend.dispatch('setup:create', { ...setupInput, dataFolder: folder });
      expect(refused, folder).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'dataFolder', message: expect.stringMatching(message) })] } });
    }
    expect(fs.existsSync(path.join(root, LOCATION_FILE_NAME))).toBe(false);
    expect(fs.readdirSync(foreign)).toEqual(['noter.txt']);
    expect(await backend.dispatch('app:status', {})).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('a setup refused in the chosen folder (a too short password) leaves no folder and no location file', async () => {
    const root = tempDir();
    const chosen = path.join(tempDir(), 'ny');
    const backend = start(root);
    const refused = await backend.dispatch('setup:create', { ...setupInput, admin: { ...ADMIN, password: 'kort' }, dataFolder: chosen });
    expect(refused.ok).toBe(false);
    expect(fs.existsSync(chosen)).toBe(false);
    expect(fs.existsSync(path.join(root, LOCATION_FILE_NAME))).toBe(false);
    expect(backend.dataDir).toBe(path.join(root, 'data'));
  });

  it('two setups at once (another folder and the default) make one institution, in one folder', async () => {
    const root = tempDir();
    const chosen = path.join(tempDir(), 'valgt');
    const backend = start(root);
    const [elsewhere, here] = await Promise.all([
      backend.dispatch('setup:create', { ...setupInput, dataFolder: chosen }),
      backend.dispatch('setup:create', { ...setupInput, institutionName: 'Et andet hus' }),
    ]);
    expect(elsewhere.ok).toBe(true);
    expect(here).toMatchObject({ ok: false, error: { code: 'already_setup' } });
    expect(fs.existsSync(path.join(root, 'data', 'familiespor.keys.json'))).toBe(false);
    expect(await backend.dispatch('app:status', {})).toMatchObject({ ok: true, value: { institutionName: 'Familiehuset Lærkebo' } });
  });

  it('a folder given at start (--data-dir) is shown, not changeable, and setup refuses another one there', async () => {
    const given = tempDir();
    const backend = start(tempDir(), given);
    expect(await backend.dispatch('setup:dataFolder', {})).toMatchObject({ ok: true, value: { folder: given, changeable: false } });
    expect(await backend.dispatch('setup:checkFolder', { folder: tempDir() })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const refused = await backend.dispatch('setup:create', { ...setupInput, dataFolder: tempDir() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'dataFolder' }] } });
    expect(fs.existsSync(path.join(given, 'familiespor.keys.json'))).toBe(false);
    // Naming the given folder itself is fine.
    expect(await backend.dispatch('setup:create', { ...setupInput, dataFolder: given })).toMatchObject({ ok: true });
  });

  it('a remembered folder that is gone (a drive not attached) stops the start in Danish instead of offering a new setup', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, LOCATION_FILE_NAME), JSON.stringify({ version: 1, dataDir: path.join(root, 'væk'), chosenAt: new Date().toISOString() }));
    expect(() => start(root)).toThrow(DataFolderStartError);
    expect(() => start(root)).toThrow(/findes ikke\. Er drevet tilsluttet\?/);
    fs.writeFileSync(path.join(root, LOCATION_FILE_NAME), '{ ødelagt');
    expect(() => start(root)).toThrow(/kan ikke læses/);
  });
});
