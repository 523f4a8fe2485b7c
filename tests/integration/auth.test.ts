import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openEncrypted, WrongKeyError } from '../../db/database';
import { KEYFILE_NAME, readKeyFile, unwrapSlot } from '../../db/keyfile';
import { ADMIN, attempt, fileHash, must, newBackend, setUp } from '../helpers';

const STAFF = { name: 'Bo Østergaard', initials: 'BØ', loginName: 'bo', role: 'staff' as const, temporaryPassword: 'midlertidig kode 1' };

describe('login, passwords and slots', () => {
  it('refuses a wrong password with a clear Danish error and changes neither the database nor the key file', async () => {
    const { backend } = await setUp();
    await must(backend, 'session:logout', {});
    const dbFile = path.join(backend.dataDir, DB_FILE_NAME);
    const keyFile = path.join(backend.dataDir, KEYFILE_NAME);
    const before = [fileHash(dbFile), fileHash(`${dbFile}-wal`), fileHash(keyFile)];
    const wrong = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: 'ikke min kode' });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong_password', message: 'Forkert brugernavn eller adgangskode.' } });
    const unknown = await attempt(backend, 'session:login', { loginName: 'findes-ikke', password: 'ikke min kode' });
    expect(unknown.ok).toBe(false);
    expect([fileHash(dbFile), fileHash(`${dbFile}-wal`), fileHash(keyFile)]).toEqual(before);
    expect(backend.unlocked()).toBeNull();

    const right = await must(backend, 'session:login', { loginName: 'ASTRID', password: ADMIN.password });
    expect(right.name).toBe(ADMIN.name);
    // The failed attempts, sealed while the database was closed, are now in the access log.
    const log = await must(backend, 'accessLog:list', { action: 'login_failed' });
    expect(log.entries.map((e) => JSON.parse(e.detail!).loginName).sort()).toEqual(['astrid', 'findes-ikke']);
    expect(log.entries.find((e) => JSON.parse(e.detail!).loginName === 'astrid')!.userId).toBe(right.id);
    await backend.close();
  });

  it('a wrong raw key gives a clear error, not a crash', async () => {
    const { backend } = await setUp();
    await must(backend, 'session:logout', {});
    expect(() => openEncrypted(path.join(backend.dataDir, DB_FILE_NAME), Buffer.alloc(32, 7))).toThrow(WrongKeyError);
    await backend.close();
  });

  it('a new user must change the temporary password before doing anything else', async () => {
    const { backend } = await setUp();
    const bo = await must(backend, 'users:create', STAFF);
    expect(bo.mustChangePassword).toBe(true);
    await must(backend, 'session:logout', {});
    const session = await must(backend, 'session:login', { loginName: 'bo', password: STAFF.temporaryPassword });
    expect(session.mustChangePassword).toBe(true);
    const blocked = await attempt(backend, 'settings:get', {});
    expect(blocked.ok ? null : blocked.error.code).toBe('must_change_password');
    const same = await attempt(backend, 'session:changePassword', { currentPassword: STAFF.temporaryPassword, newPassword: STAFF.temporaryPassword });
    expect(same.ok).toBe(false);
    const changed = await must(backend, 'session:changePassword', { currentPassword: STAFF.temporaryPassword, newPassword: 'min egen sikre kode' });
    expect(changed.mustChangePassword).toBe(false);
    expect((await attempt(backend, 'settings:get', {})).ok).toBe(true);
    await must(backend, 'session:logout', {});
    expect((await attempt(backend, 'session:login', { loginName: 'bo', password: STAFF.temporaryPassword })).ok).toBe(false);
    expect((await must(backend, 'session:login', { loginName: 'bo', password: 'min egen sikre kode' })).mustChangePassword).toBe(false);
    await backend.close();
  });

  it('a deactivated user slot no longer opens the database, even read straight from the key file', async () => {
    const { backend } = await setUp();
    const bo = await must(backend, 'users:create', STAFF);
    const slotBefore = readKeyFile(backend.dataDir)!.slots.find((s) => s.userId === bo.id)!;
    await must(backend, 'users:deactivate', { userId: bo.id });
    const file = readKeyFile(backend.dataDir)!;
    expect(file.slots.some((s) => s.userId === bo.id)).toBe(false);
    // The removed slot is gone from disk; the old wrapped copy was the only thing the password could open.
    expect(file.slots.some((s) => s.id === slotBefore.id)).toBe(false);
    await must(backend, 'session:logout', {});
    const denied = await attempt(backend, 'session:login', { loginName: 'bo', password: STAFF.temporaryPassword });
    expect(denied.ok ? null : denied.error.code).toBe('wrong_password');
    // Reactivation makes a new slot with a new temporary password.
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(backend, 'users:activate', { userId: bo.id, temporaryPassword: 'ny midlertidig 2' });
    await must(backend, 'session:logout', {});
    expect((await must(backend, 'session:login', { loginName: 'bo', password: 'ny midlertidig 2' })).mustChangePassword).toBe(true);
    await backend.close();
  });

  it('the recovery code opens the database and lets an administrator set a new password; the used code is replaced', async () => {
    const { backend, recoveryCode } = await setUp();
    await must(backend, 'session:logout', {});
    const wrong = await attempt(backend, 'recovery:start', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' });
    expect(wrong.ok ? null : wrong.error.code).toBe('wrong_password');
    // recovery:complete without a started recovery is refused
    expect((await attempt(backend, 'recovery:complete', { userId: 1, newPassword: 'helt ny kode 123' })).ok).toBe(false);

    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const started = await must(backend, 'recovery:start', { recoveryCode: typed });
    expect(started.admins.map((a) => a.loginName)).toEqual([ADMIN.loginName]);
    const done = await must(backend, 'recovery:complete', { userId: started.admins[0]!.id, newPassword: 'helt ny kode 123' });
    expect(done.user.role).toBe('admin');
    expect(done.recoveryCode).not.toBe(recoveryCode);
    await must(backend, 'session:logout', {});

    expect((await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password })).ok).toBe(false);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: 'helt ny kode 123' });
    await must(backend, 'session:logout', {});
    expect((await attempt(backend, 'recovery:start', { recoveryCode })).ok).toBe(false);
    expect((await attempt(backend, 'recovery:start', { recoveryCode: done.recoveryCode })).ok).toBe(true);
    await backend.close();
  });

  it('the recovery code must be confirmed by typing its last two groups back', async () => {
    const { backend, recoveryCode } = await setUp();
    expect((await must(backend, 'settings:get', {})).recoveryConfirmed).toBe(false);
    const bad = await attempt(backend, 'recovery:confirm', { lastGroups: 'XXXXX-YYYYY' });
    expect(bad.ok ? null : bad.error.issues?.[0]?.path).toBe('lastGroups');
    await must(backend, 'recovery:confirm', { lastGroups: recoveryCode.split('-').slice(-2).join('-').toLowerCase() });
    expect((await must(backend, 'settings:get', {})).recoveryConfirmed).toBe(true);
    await backend.close();
  });

  it('key slots hold only wrapped keys: each unwraps with its own secret alone', async () => {
    const { backend, recoveryCode } = await setUp();
    const file = readKeyFile(backend.dataDir)!;
    const userSlot = file.slots.find((s) => s.kind === 'user')!;
    const recoverySlot = file.slots.find((s) => s.kind === 'recovery')!;
    const a = await unwrapSlot(file, userSlot, ADMIN.password);
    const b = await unwrapSlot(file, recoverySlot, recoveryCode);
    expect('keys' in a && 'keys' in b && a.keys[0]!.key.equals(b.keys[0]!.key)).toBe(true);
    expect(await unwrapSlot(file, userSlot, recoveryCode)).toEqual({ wrongSecret: true });
    expect(userSlot.kdf).toMatchObject({ name: 'scrypt', r: 8, p: 1 });
    expect(fs.readFileSync(path.join(backend.dataDir, KEYFILE_NAME), 'utf8')).not.toContain(ADMIN.loginName);
    await backend.close();
  });

  it('locks after the idle time: database closed, key zeroed, event sent', async () => {
    const { backend } = await setUp({ idleLockMsOverride: 150, idleCheckMs: 25 });
    const key = backend.unlocked()!.key;
    const events: unknown[] = [];
    backend.subscribe((event, payload) => events.push({ event, payload }));
    // The idle lock first takes the day's backup (the key is still there), then closes.
    for (let waited = 0; backend.unlocked() && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(backend.unlocked()).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(events.filter((e) => (e as { event: string }).event === 'session:locked')).toEqual([{ event: 'session:locked', payload: { reason: 'idle' } }]);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const lockRows = await must(backend, 'accessLog:list', { action: 'lock' });
    expect(lockRows.entries).toHaveLength(1);
    await backend.close();
  });

  it('refuses setup twice, and refuses to set up over a database whose key file is missing', async () => {
    const { backend } = await setUp();
    const again = await attempt(backend, 'setup:create', { institutionName: 'X', admin: { ...ADMIN, loginName: 'andet' } });
    expect(again.ok ? null : again.error.code).toBe('already_setup');
    await backend.close();

    const orphan = newBackend();
    fs.writeFileSync(path.join(orphan.dataDir, DB_FILE_NAME), 'not really a database');
    const refused = await attempt(orphan, 'setup:create', { institutionName: 'X', admin: ADMIN });
    expect(refused.ok ? null : refused.error.code).toBe('conflict');
    expect(fs.readFileSync(path.join(orphan.dataDir, DB_FILE_NAME), 'utf8')).toBe('not really a database');
    await orphan.close();
  });

  it('login names that differ only in Danish letter case are the same login', async () => {
    const { backend } = await setUp();
    await must(backend, 'users:create', { name: 'Åse', initials: 'ÅS', loginName: 'Åse', role: 'staff', temporaryPassword: 'midlertidig 123' });
    const clash = await attempt(backend, 'users:create', { name: 'åse to', initials: 'ÅT', loginName: 'åse', role: 'staff', temporaryPassword: 'midlertidig 456' });
    expect(clash.ok ? null : clash.error.message).toBe('Brugernavnet er allerede i brug.');
    await backend.close();
  });

  it('an abandoned recovery closes the database again', async () => {
    const { backend, recoveryCode } = await setUp({ idleLockMsOverride: 150, idleCheckMs: 25 });
    await must(backend, 'session:logout', {});
    await must(backend, 'recovery:start', { recoveryCode });
    const key = backend.unlocked()!.key;
    await new Promise((r) => setTimeout(r, 400));
    expect(backend.unlocked()).toBeNull();
    expect(key.every((b) => b === 0)).toBe(true);
    expect((await attempt(backend, 'recovery:complete', { userId: 1, newPassword: 'helt ny kode 123' })).ok).toBe(false);
    await backend.close();
  });
});
