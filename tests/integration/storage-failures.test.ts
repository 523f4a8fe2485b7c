import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../db/database';
import { quickCheckInWorker } from '../../db/sqlite/integrity';
import { KEYFILE_NAME } from '../../db/keyfile';
import type { FaultPoint } from '../../main/keys/vault';
import { ADMIN, attempt, must, newBackend, setUp, tableChecksums, tempDir, noteInput as note } from '../helpers';


async function withData() {
  const { backend } = await setUp();
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const family = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
  for (let i = 0; i < 30; i++) await must(backend, 'journal:sign', note(family.id, categoryId, `Notat ${i} ${'om søvn og amning '.repeat(40)}`));
  return { backend, family, categoryId };
}

describe('a damaged database or key file', () => {
  for (const damage of ['garbled pages', 'truncated file'] as const) {
    it(`${damage}: login says so in Danish, nothing crashes, and the newest good backup restores it`, async () => {
      const { backend } = await withData();
      await must(backend, 'backups:create', {});
      await backend.close();
      const file = path.join(backend.dataDir, DB_FILE_NAME);
      const size = fs.statSync(file).size;
      if (damage === 'garbled pages') {
        const fd = fs.openSync(file, 'r+');
        // Every page after the first gets noise at its middle (AEGIS authenticates each page, so this is noticed).
        for (let page = 1; page * 4096 < size; page++) fs.writeSync(fd, randomBytes(64), 0, 64, page * 4096 + 1000);
        fs.closeSync(fd);
      } else {
        fs.truncateSync(file, Math.floor(size / 2));
      }
      const again = newBackend({ dataDir: backend.dataDir });
      const login = await attempt(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      expect(login.ok ? null : login.error.code).toBe('db_damaged');
      expect(login.ok ? '' : login.error.message).toMatch(/beskadiget/);
      expect(again.unlocked()).toBeNull();
      // The login screen finds the newest good backup and restores it.
      const [newest] = await must(again, 'restore:candidates', {});
      expect(newest).toBeDefined();
      await must(again, 'restore:unlock', { path: newest!.path, loginName: ADMIN.loginName, password: ADMIN.password });
      await must(again, 'restore:apply', {});
      await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      expect((await must(again, 'families:list', {})).map((f) => f.displayName)).toEqual(['Familien Ærø']);
      await again.close();
    });
  }

  it('damage the login does not read: the check in its own thread finds it after the login, ends the session and the next login is refused', async () => {
    const { backend } = await withData();
    await backend.close();
    const file = path.join(backend.dataDir, DB_FILE_NAME);
    // The last page (note text or the search index, which a login never reads) gets noise; AEGIS notices it when read.
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, randomBytes(64), 0, 64, size - 4096 + 1000);
    fs.closeSync(fd);
    const again = newBackend({ dataDir: backend.dataDir });
    const locked: string[] = [];
    again.subscribe((event, payload) => {
      if (event === 'session:locked') locked.push((payload as { reason: string }).reason);
    });
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await again.vault.integrityChecked()).toMatchObject({ status: 'damaged' });
    await expect.poll(() => again.unlocked()).toBeNull();
    expect(locked).toEqual(['damaged']);
    const login = await attempt(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(login.ok ? null : login.error.code).toBe('db_damaged');
    expect(again.unlocked()).toBeNull();
    await again.close();
  });

  it('a file the check\'s thread cannot open is "not run", never "damaged" (the next login checks on its own path)', async () => {
    const result = await quickCheckInWorker(path.join(tempDir(), DB_FILE_NAME), randomBytes(32));
    expect(result.status).toBe('not_run');
  });

  it('a sound database: the login does not wait for the check, which then passes once per start', async () => {
    const { backend } = await withData();
    await backend.close();
    const again = newBackend({ dataDir: backend.dataDir });
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await again.vault.integrityChecked()).toEqual({ status: 'ok' });
    await must(again, 'session:logout', {});
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await again.vault.integrityChecked()).toBeNull();
    await again.close();
  });

  it('a damaged key file: the status says so and login explains it', async () => {
    const { backend } = await withData();
    await must(backend, 'session:logout', {});
    fs.writeFileSync(path.join(backend.dataDir, KEYFILE_NAME), '{"format":"familiespor-keyfile","slots":[');
    expect((await must(backend, 'app:status', {})).keyFileDamaged).toBe(true);
    const login = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(login.ok ? null : login.error.code).toBe('key_file_damaged');
    await backend.close();
  });
});

describe('a full disk or a read-only data folder during a save', () => {
  it('SQLite finds the disk full: a clear Danish answer, and nothing half-written', async () => {
    const { backend, family, categoryId } = await withData();
    const sqlite = backend.unlocked()!.sqlite;
    const pages = Number(sqlite.pragma('page_count', { simple: true }));
    sqlite.pragma(`max_page_count = ${pages}`);
    const before = await tableChecksums(backend);
    const result = await attempt(backend, 'journal:sign', note(family.id, categoryId, 'Et langt notat. '.repeat(1200)));
    expect(result.ok ? null : result.error).toEqual({
      code: 'disk_full',
      message: 'Disken er fuld, så intet blev gemt. Din tekst er ikke mistet – den står her stadig. Frigør plads, eller kontakt jeres IT-ansvarlige, og prøv igen.',
    });
    expect(await tableChecksums(backend)).toEqual(before);
    sqlite.pragma('max_page_count = 1073741823');
    await must(backend, 'journal:sign', note(family.id, categoryId, 'Efter oprydning.'));
    await backend.close();
  });

  for (const code of ['ENOSPC', 'EROFS', 'EACCES'] as const) {
    it(`a file write failing with ${code} (the key file of a new user) changes nothing and says why`, async () => {
      let failAt: FaultPoint | null = null;
      const { backend } = await setUp({
        fault: (point) => {
          if (point === failAt) throw Object.assign(new Error(`${code}: injected`), { code });
        },
      });
      const before = await tableChecksums(backend);
      failAt = 'keyfile:prepare';
      const result = await attempt(backend, 'users:create', { name: 'Ny', initials: 'NY', loginName: 'ny', role: 'staff', temporaryPassword: 'midlertidig kode 1' });
      failAt = null;
      expect(result.ok ? null : result.error.code).toBe(code === 'ENOSPC' ? 'disk_full' : 'storage_readonly');
      expect(await tableChecksums(backend)).toEqual(before);
      await backend.close();
    });
  }
});
