import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../common/channels';
import { roles, type Role } from '../../common/roles';
import { KEYFILE_NAME } from '../../db/keyfile';
import type { BackendCore } from '../../main/core/backend';
import type { FaultPoint } from '../../main/keys/vault';
import { ADMIN, attempt, fileHash, must, setUp, tableChecksums } from '../helpers';

const PASSWORD = 'fælles test kode';
let backend: BackendCore;
const logins: Record<Role, string> = { admin: ADMIN.loginName, leader: 'leder', staff: 'medarbejder' };

async function loginAs(role: Role): Promise<void> {
  await must(backend, 'session:logout', {});
  await must(backend, 'session:login', { loginName: logins[role], password: role === 'admin' ? ADMIN.password : PASSWORD });
}

/** The key-file step to fail in the next call (as on a full disk), or none. */
let failAt: FaultPoint | null = null;

beforeAll(async () => {
  ({ backend } = await setUp({
    fault: (point) => {
      if (point === failAt) throw new Error('ENOSPC: no space left on device');
    },
  }));
  for (const role of ['leader', 'staff'] as const) {
    await must(backend, 'users:create', { name: `Test ${role}`, initials: role.slice(0, 2), loginName: logins[role], role, temporaryPassword: 'midlertidig 123' });
    await must(backend, 'session:logout', {});
    await must(backend, 'session:login', { loginName: logins[role], password: 'midlertidig 123' });
    await must(backend, 'session:changePassword', { currentPassword: 'midlertidig 123', newPassword: PASSWORD });
    await loginAs('admin');
  }
});

afterAll(async () => {
  await backend.close();
});

/** Payloads that no channel accepts: every input is a strict object. */
const invalidPayloads: unknown[] = [undefined, null, 'tekst', 42, [], { uventet: true }];

describe('every channel in the table', () => {
  it('has a strict object as input (unknown fields are refused)', () => {
    for (const name of channelNames) expect(channels[name].input.safeParse({ uventet: true }).success, name).toBe(false);
  });

  for (const name of channelNames) {
    it(`${name}: invalid input gets invalid_input and changes nothing`, async () => {
      const allowed = channels[name].access;
      const role: Role = allowed === 'public' || allowed === 'session' ? 'admin' : allowed[0]!;
      await loginAs(role);
      const before = await tableChecksums(backend);
      const keyBefore = fileHash(path.join(backend.dataDir, KEYFILE_NAME));
      for (const payload of invalidPayloads) {
        const result = await attempt(backend, name, payload);
        expect(result.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message).toBe('Nogle felter er ikke udfyldt korrekt.');
          expect(result.error.issues?.length).toBeGreaterThan(0);
        }
      }
      expect(await tableChecksums(backend)).toEqual(before);
      expect(fileHash(path.join(backend.dataDir, KEYFILE_NAME))).toBe(keyBefore);
      expect(backend.sessionUser()?.role).toBe(role);
    });

    const access = channels[name].access;
    if (Array.isArray(access)) {
      for (const role of roles.filter((r) => !access.includes(r))) {
        it(`${name}: a ${role} gets forbidden`, async () => {
          await loginAs(role);
          const result = await attempt(backend, name as ChannelName, {});
          expect(result.ok ? null : result.error.code).toBe('forbidden');
          expect(result.ok ? null : result.error.message).toBe('Du har ikke adgang til denne handling.');
        });
      }
    }
    if (access !== 'public') {
      it(`${name}: refused when nobody is logged in`, async () => {
        await must(backend, 'session:logout', {});
        const result = await attempt(backend, name as ChannelName, {});
        expect(result.ok ? null : result.error.code).toBe('unauthenticated');
        await loginAs('admin');
      });
    }
  }

  it('a refused call is written to the access log as denied', async () => {
    await loginAs('staff');
    await attempt(backend, 'users:list', {});
    await loginAs('admin');
    const log = await must(backend, 'accessLog:list', { action: 'denied', limit: 500 });
    expect(log.entries.some((e) => e.channel === 'users:list' && e.userName === 'Test staff')).toBe(true);
  });

  it('an unknown channel name is refused', async () => {
    const result = await backend.dispatch('families:dropAll', {});
    expect(result.ok ? null : result.error.code).toBe('unknown_channel');
  });

  it('a backend error inside a write transaction leaves no partial state', async () => {
    await loginAs('admin');
    const before = await tableChecksums(backend);
    // The key file write fails (as on a full disk) after the user row was inserted: the row must roll back.
    const keyBefore = fileHash(path.join(backend.dataDir, KEYFILE_NAME));
    failAt = 'keyfile:prepare';
    try {
      const result = await attempt(backend, 'users:create', { name: 'Ikke Gemt', initials: 'IG', loginName: 'ikkegemt', role: 'staff', temporaryPassword: 'midlertidig 456' });
      expect(result.ok ? null : result.error).toEqual({ code: 'internal', message: 'Der skete en uventet fejl. Intet er ændret. Prøv igen, eller kontakt administrator.' });
      expect(await tableChecksums(backend)).toEqual(before);
      expect(fileHash(path.join(backend.dataDir, KEYFILE_NAME))).toBe(keyBefore);
    } finally {
      failAt = null;
    }
  });
});
