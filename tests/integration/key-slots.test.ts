import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { deriveKey, newKdfParams, open, seal } from '../../db/crypto';
import { KEYFILE_NAME, loginLookup, readKeyFile, unwrapSlot, type KeyFile } from '../../db/keyfile';
import type { FaultPoint } from '../../main/keys/vault';
import { ADMIN, attempt, createUser, loginAs, must, setUp, TEST_SCRYPT_N } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const keyFilePath = (dataDir: string) => path.join(dataDir, KEYFILE_NAME);
const readRaw = (dataDir: string) => JSON.parse(fs.readFileSync(keyFilePath(dataDir), 'utf8')) as KeyFile;
const writeRaw = (dataDir: string, file: unknown) => fs.writeFileSync(keyFilePath(dataDir), JSON.stringify(file));

async function validSlotIds(backend: Awaited<ReturnType<typeof setUp>>['backend']): Promise<string[]> {
  const rows = await backend.unlocked()!.db.selectFrom('key_slots').select('slot_id').where('revoked_at', 'is', null).execute();
  return rows.map((r) => r.slot_id).sort();
}

describe('key slots bound to their user', () => {
  it('a staff member who edits their slot to the administrator\'s user id gets no session, and the attempt is logged as key file tampering', async () => {
    const { backend, admin } = await setUp();
    const bentId = await createUser(backend, BENT);
    await must(backend, 'session:logout', {});

    const original = readRaw(backend.dataDir);
    // The exact attack: the slot's userId changed to the administrator's.
    const edited = structuredClone(original);
    const bentSlot = edited.slots.find((s) => s.kind === 'user' && s.userId === bentId)!;
    bentSlot.userId = admin.id;
    writeRaw(backend.dataDir, edited);
    const first = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('key_file_tampered');
      expect(first.error.message).toMatch(/^Nøglefilen er ændret uden for Familiespor/);
    }
    expect(backend.sessionUser()).toBeNull();
    expect(backend.unlocked()).toBeNull();

    // The same with the login lookup as well, typing the administrator's login name with Bent's own password.
    bentSlot.lookup = loginLookup(original.databaseId, ADMIN.loginName);
    writeRaw(backend.dataDir, edited);
    const second = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: BENT.password });
    expect(second.ok ? null : second.error.code).toBe('key_file_tampered');
    expect(backend.sessionUser()).toBeNull();

    writeRaw(backend.dataDir, original);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const tampered = (await must(backend, 'accessLog:list', { action: 'key_file_tampered' })).entries;
    expect(tampered).toHaveLength(2);
    expect(tampered.every((e) => e.verified === false && e.subject?.startsWith('nøglefil ændret'))).toBe(true);
    expect(tampered.map((e) => JSON.parse(e.detail!).loginName).sort()).toEqual([ADMIN.loginName, BENT.loginName].sort());
    await backend.close();
  });

  it('a slot whose user id is changed in the database list (or whose user row changed login) is refused', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    // Someone with the database key edits the list itself: the slot no longer matches its user.
    const file = readKeyFile(backend.dataDir)!;
    const slot = file.slots.find((s) => s.kind === 'user' && s.userId === bentId)!;
    backend.unlocked()!.sqlite.prepare('update key_slots set user_id = 1 where slot_id = ?').run(slot.id);
    await must(backend, 'session:logout', {});
    const result = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(result.ok ? null : result.error.code).toBe('key_file_tampered');
    await backend.close();
  });

  it('decrypting refuses a shortened GCM tag', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = seal(key, Buffer.from('hemmelig'), 'aad');
    expect(open(key, sealed, 'aad')?.toString()).toBe('hemmelig');
    const short = { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 4).toString('base64') };
    expect(open(key, short, 'aad')).toBeNull();
  });

  it('a key file from before user binding is listed once, bound at each user\'s next login, and an edited one is refused', async () => {
    // No waiting between the attempts below (throttling has its own test).
    const { backend, recoveryCode } = await setUp({ throttle: { baseDelayMs: 0 } });
    const bentId = await createUser(backend, BENT);
    const { key, sqlite } = backend.unlocked()!;
    const dataKey = Buffer.from(key);
    const file = readKeyFile(backend.dataDir)!;
    // The state before the upgrade: a format-1 key file (data key sealed straight under each password, bound to the
    // slot id only) and no slot list in the database.
    const legacySlot = async (secret: string, init: { kind: 'user'; userId: number; loginName: string } | { kind: 'recovery' }) => {
      const id = randomUUID();
      const kdf = newKdfParams(TEST_SCRYPT_N);
      const wrapping = await deriveKey(secret, kdf);
      const head = init.kind === 'user' ? { userId: init.userId, lookup: loginLookup(file.databaseId, init.loginName) } : {};
      return { id, kind: init.kind, ...head, kdf, createdAt: new Date().toISOString(), ...seal(wrapping, dataKey, `familiespor:${file.databaseId}:${init.kind}:${id}`) };
    };
    const legacy = {
      ...file,
      version: 1,
      slots: [
        await legacySlot(ADMIN.password, { kind: 'user', userId: 1, loginName: ADMIN.loginName }),
        await legacySlot(BENT.password, { kind: 'user', userId: bentId, loginName: BENT.loginName }),
        await legacySlot(recoveryCode, { kind: 'recovery' }),
      ],
    };
    sqlite.prepare('delete from key_slots').run();
    sqlite.prepare("delete from secrets where name = 'data_key_id'").run();
    await must(backend, 'session:logout', {});

    // Attack before the upgrade: Bent's legacy slot claims the administrator's user id and login name.
    const attacked = structuredClone(legacy);
    attacked.slots[1] = { ...attacked.slots[1]!, userId: 1, lookup: loginLookup(file.databaseId, ADMIN.loginName) };
    const beforeAttack = fs.readFileSync(path.join(backend.dataDir, 'familiespor.db'));
    writeRaw(backend.dataDir, attacked);
    const asAdmin = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: BENT.password });
    expect(asAdmin.ok).toBe(false);
    expect(backend.unlocked()).toBeNull();
    // Two slots claim one user: neither was listed, so the administrator needs the recovery code.
    expect((await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password })).ok).toBe(false);
    await must(backend, 'recovery:start', { recoveryCode });
    await must(backend, 'session:logout', {});

    // Without the attack: start again from the pre-upgrade database and the legacy file.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(backend.dataDir, `familiespor.db${suffix}`), { force: true });
    fs.writeFileSync(path.join(backend.dataDir, 'familiespor.db'), beforeAttack);
    writeRaw(backend.dataDir, legacy);
    await must(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    const afterBent = readKeyFile(backend.dataDir)!;
    const bentSlots = afterBent.slots.filter((s) => s.kind === 'user' && s.userId === bentId);
    expect(bentSlots).toHaveLength(1);
    expect('v' in bentSlots[0]! && bentSlots[0]!.v).toBe(2);
    // The administrator's slot stays in format 1 until the administrator logs in.
    expect(afterBent.slots.filter((s) => !('v' in s)).map((s) => s.kind).sort()).toEqual(['recovery', 'user']);
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    expect(readKeyFile(backend.dataDir)!.slots.filter((s) => !('v' in s)).map((s) => s.kind)).toEqual(['recovery']);
    expect(readKeyFile(backend.dataDir)!.slots.map((s) => s.id).sort()).toEqual(await validSlotIds(backend));
    await backend.close();
  });
});

describe('revocation that holds', () => {
  it('an old copy of the key file does not bring back a reset password, a replaced password or a used recovery code', async () => {
    const { backend, recoveryCode } = await setUp();
    const bentId = await createUser(backend, BENT);
    const before = fs.readFileSync(keyFilePath(backend.dataDir));

    // The administrator resets Bent's password; Bent chooses a new one.
    await must(backend, 'users:resetPassword', { userId: bentId, temporaryPassword: 'midlertidig kode 2' });
    await loginAs(backend, BENT.loginName, 'midlertidig kode 2');
    await must(backend, 'session:changePassword', { currentPassword: 'midlertidig kode 2', newPassword: 'blå stol i stuen 77' });
    // The administrator forgets everything and uses the recovery code; a new code replaces it.
    await must(backend, 'session:logout', {});
    await must(backend, 'recovery:start', { recoveryCode });
    const recovered = await must(backend, 'recovery:complete', { userId: 1, newPassword: 'ny lampe i gangen 99' });
    await must(backend, 'session:logout', {});

    // An old key file comes back (a leftover copy, Windows previous versions, an IT backup).
    fs.writeFileSync(keyFilePath(backend.dataDir), before);
    const oldPassword = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(oldPassword.ok ? null : oldPassword.error.code).toBe('wrong_password');
    expect(backend.unlocked()).toBeNull();
    const oldAdmin = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(oldAdmin.ok ? null : oldAdmin.error.code).toBe('wrong_password');
    const oldCode = await attempt(backend, 'recovery:start', { recoveryCode });
    expect(oldCode.ok ? null : oldCode.error.code).toBe('wrong_password');
    expect(backend.unlocked()).toBeNull();

    expect(recovered.recoveryCode).not.toBe(recoveryCode);
    await backend.close();
  });

  it('a deactivated user\'s slot no longer opens the database, even from an old key file', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    const before = fs.readFileSync(keyFilePath(backend.dataDir));
    await must(backend, 'users:deactivate', { userId: bentId });
    await must(backend, 'session:logout', {});
    fs.writeFileSync(keyFilePath(backend.dataDir), before);
    const result = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(result.ok ? null : result.error.code).toBe('wrong_password');
    expect(backend.unlocked()).toBeNull();
    // The next login makes the file agree with the database again.
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(readKeyFile(backend.dataDir)!.slots.map((s) => s.id).sort()).toEqual(await validSlotIds(backend));
    await backend.close();
  });

  it('"Skift databasens nøgle": everybody keeps their password, but a key copied before no longer opens the database', async () => {
    const { backend, recoveryCode } = await setUp();
    const bentId = await createUser(backend, BENT);
    await createUser(backend, { loginName: 'lis', role: 'leader', password: 'rød båd i havnen 55' });
    const before = fs.readFileSync(keyFilePath(backend.dataDir));
    const beforeFile = readKeyFile(backend.dataDir)!;
    await must(backend, 'users:deactivate', { userId: bentId });
    const stages: unknown[] = [];
    backend.subscribe((event, payload) => event === 'keys:rekeyProgress' && stages.push(payload));
    const result = await must(backend, 'keys:rekey', { reason: 'Bent stoppede i utide' });
    expect(result.resealed).toBe(3); // the administrator, Lis and the recovery code
    expect(result.revokedUsers).toEqual([]);
    expect(stages).toEqual([{ stage: 'copy' }, { stage: 'keyfile' }, { stage: 'swap' }, { stage: 'done' }]);
    // The session goes on with the new key.
    expect((await must(backend, 'families:list', {})).length).toBe(0);
    const log = (await must(backend, 'accessLog:list', { action: 'change' })).entries;
    expect(log.some((e) => e.subject === 'databasens nøgle skiftet: Bent stoppede i utide')).toBe(true);

    // Bent kept the old key file and knows his password: his slot opens the old data key, which opens nothing now.
    const oldBentSlot = beforeFile.slots.find((s) => s.userId === bentId)!;
    const oldKeys = await unwrapSlot(beforeFile, oldBentSlot, BENT.password);
    expect('keys' in oldKeys).toBe(true);
    await must(backend, 'session:logout', {});
    const current = fs.readFileSync(keyFilePath(backend.dataDir));
    fs.writeFileSync(keyFilePath(backend.dataDir), before);
    const bent = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    expect(bent.ok).toBe(false);
    expect(backend.unlocked()).toBeNull();

    // Everybody else: same password, new key. The recovery code too.
    fs.writeFileSync(keyFilePath(backend.dataDir), current);
    await must(backend, 'session:login', { loginName: 'lis', password: 'rød båd i havnen 55' });
    await must(backend, 'session:logout', {});
    await must(backend, 'recovery:start', { recoveryCode });
    await must(backend, 'session:logout', {});
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    // The old key is gone from the file once everybody's slot holds the new one.
    const after = readKeyFile(backend.dataDir)!;
    expect(after.slots.every((s) => 'v' in s && s.dataKeys.length === 1)).toBe(true);
    const verify = await must(backend, 'accessLog:verify', {});
    expect(verify.ok).toBe(true);
    await backend.close();
  });
});

describe('key file and database agree after a failure at any step', () => {
  const points: Array<{ point: FaultPoint; answered: 'ok' | 'internal'; works: 'old' | 'new' }> = [
    { point: 'keyfile:prepare', answered: 'internal', works: 'old' },
    { point: 'commit', answered: 'internal', works: 'old' },
    { point: 'keyfile:finalize', answered: 'ok', works: 'new' },
  ];
  for (const { point, answered, works } of points) {
    it(`a password reset failing at ${point}: ${works === 'old' ? 'nothing changed' : 'the change holds'}, and the next login makes the key file agree`, async () => {
      let failAt: FaultPoint | null = null;
      const { backend } = await setUp({
        fault: (p) => {
          if (p === failAt) throw new Error(`injected failure at ${p}`);
        },
      });
      const bentId = await createUser(backend, BENT);
      const slotsBefore = await validSlotIds(backend);
      failAt = point;
      const result = await attempt(backend, 'users:resetPassword', { userId: bentId, temporaryPassword: 'midlertidig kode 3' });
      failAt = null;
      expect(result.ok ? 'ok' : result.error.code).toBe(answered);
      const mustChange = (await backend.unlocked()!.db.selectFrom('users').select('must_change_password').where('id', '=', bentId).executeTakeFirstOrThrow()).must_change_password;
      expect(mustChange).toBe(works === 'new' ? 1 : 0);
      if (works === 'old') expect(await validSlotIds(backend)).toEqual(slotsBefore);

      await must(backend, 'session:logout', {});
      const oldPassword = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: BENT.password });
      expect(oldPassword.ok).toBe(works === 'old');
      await must(backend, 'session:logout', {});
      const newPassword = await attempt(backend, 'session:login', { loginName: BENT.loginName, password: 'midlertidig kode 3' });
      expect(newPassword.ok).toBe(works === 'new');
      await must(backend, 'session:logout', {});

      // Any login reconciles: the key file holds exactly the slots the database lists as valid.
      await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      expect(readKeyFile(backend.dataDir)!.slots.map((s) => s.id).sort()).toEqual(await validSlotIds(backend));
      await backend.close();
    });
  }

  it('a new recovery code that failed before its commit never works, and the shown code is the one that works', async () => {
    let failAt: FaultPoint | null = null;
    const { backend, recoveryCode } = await setUp({
      fault: (p) => {
        if (p === failAt) throw new Error(`injected failure at ${p}`);
      },
    });
    failAt = 'commit';
    const failed = await attempt(backend, 'recovery:regenerate', {});
    failAt = null;
    expect(failed.ok).toBe(false);
    // The settings still say the old code is confirmed state as before; the old code still works.
    await must(backend, 'session:logout', {});
    await must(backend, 'recovery:start', { recoveryCode });
    await must(backend, 'session:logout', {});
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const fresh = await must(backend, 'recovery:regenerate', {});
    expect((await must(backend, 'settings:get', {})).recoveryConfirmed).toBe(false);
    await must(backend, 'session:logout', {});
    expect((await attempt(backend, 'recovery:start', { recoveryCode })).ok).toBe(false);
    await must(backend, 'recovery:start', { recoveryCode: fresh.recoveryCode });
    await backend.close();
  });
});
