import { constants, publicEncrypt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyFile } from '../../db/keyfile';
import { EVENTS_FILE_NAME, MAX_SEALED_EVENTS } from '../../main/keys/sealed-events';
import { ADMIN, attempt, createUser, must, setUp } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('login throttling', () => {
  it('the 6th wrong password in a row is refused without trying it, even the right one; logged; the right password works after the lock-out', async () => {
    const { backend } = await setUp({ throttle: { baseDelayMs: 20, maxDelayMs: 100, lockoutMinutes: 0.01 } });
    await createUser(backend, BENT);
    await must(backend, 'session:logout', {});
    const answers: string[] = [];
    while (answers.length < 5) {
      const r = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: 'forkert kode nummer x' });
      if (!r.ok && r.error.code === 'throttled' && /^Vent/.test(r.error.message)) {
        // A growing wait between wrong attempts: the caller is told how long.
        await sleep(120);
        continue;
      }
      answers.push(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`);
    }
    expect(answers.slice(0, 4).every((a) => a === 'wrong_password: Forkert brugernavn eller adgangskode.')).toBe(true);
    expect(answers[4]).toMatch(/^wrong_password: Forkert brugernavn eller adgangskode\. Brugernavnet er nu spærret/);
    // Locked out: the sixth attempt is refused before any key derivation — even with the right password.
    const sixth = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(sixth.ok ? null : sixth.error.code).toBe('throttled');
    expect(sixth.ok ? '' : sixth.error.message).toMatch(/^For mange forkerte forsøg\. Brugernavnet er spærret i \d+ sekund/);
    expect(backend.unlocked()).toBeNull();
    // Another login name is not locked out: one person cannot lock the whole house.
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const rows = (await must(backend, 'accessLog:list', {})).entries.filter((e) => e.action === 'login_failed' || e.action === 'login_refused');
    expect(rows.filter((e) => e.action === 'login_failed')).toHaveLength(5);
    expect(rows.some((e) => e.action === 'login_refused' && e.subject === 'spærret efter for mange forsøg')).toBe(true);
    expect(rows.every((e) => e.verified === false)).toBe(true);
    await must(backend, 'session:logout', {});
    await sleep(700);
    await must(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    await backend.close();
  });

  it('the lock-out survives a restart of the app', async () => {
    const { backend } = await setUp({ throttle: { baseDelayMs: 0, lockoutMinutes: 10 } });
    await createUser(backend, BENT);
    await must(backend, 'session:logout', {});
    for (let i = 0; i < 5; i++) await attempt(backend, 'session:login', { loginName: BENT.loginName, password: 'forkert kode nummer x' });
    await backend.close();
    const { newBackend } = await import('../helpers');
    const again = newBackend({ dataDir: backend.dataDir, throttle: { baseDelayMs: 0, lockoutMinutes: 10 } });
    const r = await attempt(again, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(r.ok ? null : r.error.code).toBe('throttled');
    await again.close();
  });
});

describe('a login attempt never ends the session that is open', () => {
  it('wrong credentials or a wrong recovery code leave the logged-in user logged in', async () => {
    const { backend } = await setUp();
    await createUser(backend, BENT);
    const wrong = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: 'forkert kode nummer x' });
    expect(wrong.ok ? null : wrong.error.code).toBe('wrong_password');
    expect(backend.sessionUser()?.loginName).toBe(ADMIN.loginName);
    const code = await attempt(backend, 'recovery:start', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' });
    expect(code.ok ? null : code.error.code).toBe('wrong_password');
    expect(backend.sessionUser()?.loginName).toBe(ADMIN.loginName);
    await must(backend, 'families:list', {});
    // Logged straight into the open database.
    const failed = (await must(backend, 'accessLog:list', { action: 'login_failed' })).entries;
    expect(failed.map((e) => e.verified)).toEqual([true, true]);
    // The right credentials of someone else do end it: that is a new login.
    await must(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(backend.sessionUser()?.loginName).toBe(BENT.loginName);
    await backend.close();
  });
});

describe('the sealed events file', () => {
  it('reads at most a bounded number of validated events, marks them unverified, and counts what it could not read', async () => {
    const { backend } = await setUp();
    await must(backend, 'session:logout', {});
    const file = path.join(backend.dataDir, EVENTS_FILE_NAME);
    const publicKey = readKeyFile(backend.dataDir)!.eventPublicKey;
    const sealed = (event: unknown) =>
      publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(JSON.stringify(event))).toString('base64');
    const lines = [
      sealed({ at: new Date().toISOString(), action: 'login_failed', channel: 'session:login', loginName: 'gæst' }),
      sealed({ at: '2099-01-01T00:00:00.000Z', action: 'login_failed', channel: 'session:login', loginName: 'fremtid' }),
      sealed({ at: new Date().toISOString(), action: 'login', channel: 'session:login', loginName: 'falsk login' }),
      sealed({ at: new Date().toISOString(), action: 'login_failed', channel: 'users:create', loginName: 'x' }),
      'ikke base64 ~~~',
      'A'.repeat(5000),
    ];
    while (lines.length < MAX_SEALED_EVENTS + 50) lines.push(sealed({ at: new Date().toISOString(), action: 'login_failed', channel: 'session:login', loginName: 'mange' }));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const rows = (await must(backend, 'accessLog:list', { limit: 500 })).entries.filter((e) => e.action === 'login_failed');
    expect(rows.every((e) => e.verified === false)).toBe(true);
    const summary = rows.find((e) => e.subject === 'ulæselige hændelser')!;
    expect(JSON.parse(summary.detail!)).toEqual({ unreadable: 5, dropped: 50 });
    expect(rows.filter((e) => e.subject === 'forkert adgangskode').length).toBe(MAX_SEALED_EVENTS - 5);
    expect(rows.some((e) => e.detail?.includes('fremtid') || e.detail?.includes('falsk login'))).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    await backend.close();
  });

  it('when an event cannot be sealed, a wrong password still gets the ordinary answer', async () => {
    const { backend } = await setUp();
    await must(backend, 'session:logout', {});
    // The events file cannot be written (a folder in its place).
    fs.mkdirSync(path.join(backend.dataDir, EVENTS_FILE_NAME));
    const r = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: 'forkert kode nummer x' });
    expect(r.ok ? null : r.error).toEqual({ code: 'wrong_password', message: 'Forkert brugernavn eller adgangskode.' });
    fs.rmdirSync(path.join(backend.dataDir, EVENTS_FILE_NAME));
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await backend.close();
  });
});
