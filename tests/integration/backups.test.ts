import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkCopy } from '../../db/backup';
import { DB_FILE_NAME } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import { migrations, SCHEMA_VERSION } from '../../db/migrations';
import { listBackups, MANIFEST_NAME, rotateBackups } from '../../main/backups/store';
import { ADMIN, attempt, createUser, loginAs, must, newBackend, setUp, tempDir, noteInput as note } from '../helpers';


async function withData() {
  const { backend, recoveryCode } = await setUp();
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const family = await must(backend, 'families:create', { displayName: 'Familien Hemmeligsen', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mona Hemmeligsen' }] });
  await must(backend, 'journal:sign', note(family.id, categoryId, 'Første notat om vuggeviser.'));
  return { backend, recoveryCode, family, categoryId };
}

describe('backups', () => {
  it('a manual backup is a verified, encrypted copy with the key file of its time, listed as good', async () => {
    const { backend } = await withData();
    const folder = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder });
    const entry = await must(backend, 'backups:create', {});
    expect(entry).toMatchObject({ status: 'ok', kind: 'manual', schemaVersion: SCHEMA_VERSION });
    const dir = path.join(folder, entry.id);
    expect(fs.readdirSync(dir).sort()).toEqual([DB_FILE_NAME, KEYFILE_NAME, MANIFEST_NAME].sort());
    for (const file of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const secret of ['Hemmeligsen', 'vuggeviser', 'SQLite format 3']) expect(bytes.includes(Buffer.from(secret)), `${file}: ${secret}`).toBe(false);
    }
    const check = checkCopy(path.join(dir, DB_FILE_NAME), backend.unlocked()!.key);
    expect(check).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION });
    const status = await must(backend, 'backups:status', {});
    expect(status).toMatchObject({ folder, folderOk: true, lastGoodAt: entry.createdAt });
    expect((await must(backend, 'overview:front', {})).backupWarning).toBeNull();
    // A changed file is found by re-checking.
    fs.appendFileSync(path.join(dir, DB_FILE_NAME), 'x');
    expect((await must(backend, 'backups:verify', { id: entry.id })).status).toBe('damaged');
    await backend.close();
  });

  it('the leaders are warned when there is no good backup or the folder is gone; a relative or unusable folder is refused', async () => {
    const { backend } = await withData();
    expect((await must(backend, 'overview:front', {})).backupWarning).toBe('Der er endnu ikke taget en sikkerhedskopi.');
    const relative = await attempt(backend, 'backups:setFolder', { folder: 'sikkerhedskopier' });
    expect(relative.ok ? null : relative.error.issues?.[0]?.message).toBe('Angiv hele stien til mappen, fx E:\\Sikkerhedskopier.');
    const usb = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder: usb });
    fs.rmSync(usb, { recursive: true });
    expect((await must(backend, 'overview:front', {})).backupWarning).toMatch(/^Sikkerhedskopier kan ikke tages: Mappen findes ikke/);
    await backend.close();
  });

  it('the daily backup is taken at logout when due, and not again the same day', async () => {
    const { backend } = await withData();
    await must(backend, 'session:logout', {});
    const folder = path.join(backend.dataDir, 'sikkerhedskopier');
    expect(listBackups(folder).map((b) => [b.manifest?.kind, b.status])).toEqual([['daily', 'ok']]);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(backend, 'session:logout', {});
    expect(listBackups(folder)).toHaveLength(1);
    await backend.close();
  });

  it('rotation keeps one backup a day for a week, one a week for a month, one a month for a year', () => {
    const root = tempDir();
    const now = new Date('2026-12-03T12:00:00');
    for (let day = 0; day < 400; day += 1) {
      for (const hour of [8, 20]) {
        const at = new Date(now.getTime() - day * 86_400_000);
        at.setHours(hour);
        const dir = path.join(root, `familiespor-${at.toISOString().replace(/[:.]/g, '')}-daglig`);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'x');
        fs.writeFileSync(path.join(dir, KEYFILE_NAME), '{}');
        const manifest = { format: 'familiespor-backup', version: 1, databaseId: 'x', createdAt: at.toISOString(), kind: 'daily', schemaVersion: 5, bytes: 1, sha256: '0'.repeat(64), check: { at: at.toISOString(), ok: true, problem: null } };
        fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest));
      }
    }
    rotateBackups(root, now);
    const kept = listBackups(root).map((b) => new Date(b.manifest!.createdAt));
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(18);
    // The newest is always kept; nothing older than a year remains.
    expect(kept[0]!.getTime()).toBe(Math.max(...kept.map((d) => d.getTime())));
    expect(kept.every((d) => now.getTime() - d.getTime() < 370 * 86_400_000)).toBe(true);
    expect(new Set(kept.filter((d) => now.getTime() - d.getTime() < 7 * 86_400_000).map((d) => d.toDateString())).size).toBe(7);
  });

  it('backups taken before an update, a restore or a key change: the newest of each kind stays, others go after a year', () => {
    const root = tempDir();
    const now = new Date('2026-12-03T12:00:00');
    const make = (kind: string, daysAgo: number) => {
      const at = new Date(now.getTime() - daysAgo * 86_400_000);
      const dir = path.join(root, `familiespor-${at.toISOString().replace(/[:.]/g, '')}-${kind}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'x');
      fs.writeFileSync(path.join(dir, KEYFILE_NAME), '{}');
      const manifest = { format: 'familiespor-backup', version: 1, databaseId: 'x', createdAt: at.toISOString(), kind, schemaVersion: 5, bytes: 1, sha256: '0'.repeat(64), check: { at: at.toISOString(), ok: true, problem: null } };
      fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify(manifest));
    };
    make('before_migration', 800);
    make('before_migration', 500);
    make('before_migration', 30);
    make('before_rekey', 600); // the only one of its kind: kept however old
    make('before_restore', 400);
    make('before_restore', 380);
    rotateBackups(root, now);
    const kept = listBackups(root).map((b) => [b.manifest?.kind, Math.round((now.getTime() - Date.parse(b.manifest?.createdAt ?? '')) / 86_400_000)]);
    expect(kept.sort()).toEqual([['before_migration', 30], ['before_rekey', 600], ['before_restore', 380]].sort());
  });
});

describe('restore', () => {
  it('round trip: what was written after the backup is gone, the current database is kept aside, the chain verifies, everybody logs in anew', async () => {
    const { backend, family, categoryId } = await withData();
    const folder = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder });
    const entry = await must(backend, 'backups:create', {});
    await must(backend, 'journal:sign', note(family.id, categoryId, 'Skrevet efter sikkerhedskopien.'));
    await must(backend, 'session:logout', {});

    const backupDir = path.join(folder, entry.id);
    expect(await must(backend, 'restore:inspect', { path: path.join(backupDir, DB_FILE_NAME) })).toMatchObject({ institutionName: 'Familiehuset Lærkebo', tooNew: false, kind: 'manual' });
    const wrong = await attempt(backend, 'restore:unlock', { path: backupDir, loginName: ADMIN.loginName, password: 'forkert kode nummer x' });
    expect(wrong.ok ? null : wrong.error.message).toBe('Brugernavn eller adgangskode passer ikke til sikkerhedskopien.');
    const contents = await must(backend, 'restore:unlock', { path: backupDir, loginName: ADMIN.loginName, password: ADMIN.password });
    expect(contents).toMatchObject({ families: 1, openFamilies: 1, observations: 1, users: 1 });
    const applied = await must(backend, 'restore:apply', {});
    expect(applied.keptAside).not.toBeNull();
    expect(fs.readdirSync(applied.keptAside!)).toEqual(expect.arrayContaining([DB_FILE_NAME, KEYFILE_NAME]));
    expect(backend.unlocked()).toBeNull();

    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const texts = (await must(backend, 'journal:timeline', { familyId: family.id })).observations.map((o) => o.text);
    expect(texts).toEqual(['Første notat om vuggeviser.']);
    const restoredRow = (await must(backend, 'accessLog:list', { action: 'recovery' })).entries.find((e) => e.channel === 'restore:apply');
    expect(restoredRow?.subject).toBe(`gendannet fra sikkerhedskopi af ${entry.createdAt}`);
    const chain = await must(backend, 'accessLog:verify', {});
    expect(chain).toMatchObject({ ok: true, broken: null, anchor: { status: 'ok' } });
    // The live database has a new key: the backup's key no longer opens it.
    expect(checkCopy(path.join(backend.dataDir, DB_FILE_NAME), Buffer.alloc(32)).ok).toBe(false);
    await backend.close();
  });

  it('restores onto a fresh machine with no data folder, with the recovery code', async () => {
    const { backend, recoveryCode } = await withData();
    const folder = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder });
    const entry = await must(backend, 'backups:create', {});
    await backend.close();

    const fresh = newBackend({ dataDir: path.join(tempDir(), 'ny-pc', 'data') });
    expect((await must(fresh, 'app:status', {})).setupDone).toBe(false);
    await must(fresh, 'restore:unlock', { path: path.join(folder, entry.id), recoveryCode });
    expect((await must(fresh, 'restore:apply', {})).keptAside).toBeNull();
    expect((await must(fresh, 'app:status', {})).setupDone).toBe(true);
    await must(fresh, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect((await must(fresh, 'families:list', {})).map((f) => f.displayName)).toEqual(['Familien Hemmeligsen']);
    await fresh.close();
  });

  it('refuses a backup from a newer program, a staff member\'s password, and a folder that is not a backup', async () => {
    const { backend } = await withData();
    await createUser(backend, { loginName: 'bent', role: 'staff', password: 'grøn cykel ved søen 42' });
    const folder = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder });
    const entry = await must(backend, 'backups:create', {});
    await must(backend, 'session:logout', {});
    const dir = path.join(folder, entry.id);
    const staff = await attempt(backend, 'restore:unlock', { path: dir, loginName: 'bent', password: 'grøn cykel ved søen 42' });
    expect(staff.ok ? null : staff.error.code).toBe('forbidden');
    const notBackup = await attempt(backend, 'restore:inspect', { path: tempDir() });
    expect(notBackup.ok ? null : notBackup.error.message).toBe('Mappen er ikke en sikkerhedskopi fra Familiespor, eller den er ufuldstændig.');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_NAME), 'utf8'));
    fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify({ ...manifest, schemaVersion: SCHEMA_VERSION + 1 }));
    expect((await must(backend, 'restore:inspect', { path: dir })).tooNew).toBe(true);
    const newer = await attempt(backend, 'restore:unlock', { path: dir, loginName: ADMIN.loginName, password: ADMIN.password });
    expect(newer.ok ? null : newer.error.code).toBe('db_too_new');
    // A staff member's session may not restore at all.
    await loginAs(backend, 'bent', 'grøn cykel ved søen 42');
    expect((await attempt(backend, 'restore:apply', {})).ok).toBe(false);
    await backend.close();
  });

  it('an update takes a verified backup with the key file before it changes the schema', async () => {
    const { backend } = await withData();
    const { db, sqlite } = backend.unlocked()!;
    // As a database from the version before: the last migration undone.
    const names = Object.keys(migrations);
    const last = names[names.length - 1]!;
    await migrations[last]!.down!(db as never);
    await sql`delete from kysely_migration where name = ${last}`.execute(db);
    sqlite.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    await must(backend, 'session:logout', {});
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const before = listBackups(path.join(backend.dataDir, 'backups')).find((b) => b.manifest?.kind === 'before_migration');
    expect(before).toMatchObject({ status: 'ok', manifest: { schemaVersion: SCHEMA_VERSION - 1 } });
    expect(checkCopy(path.join(before!.dir, DB_FILE_NAME), backend.unlocked()!.key).ok).toBe(true);
    await backend.close();
  });
});
