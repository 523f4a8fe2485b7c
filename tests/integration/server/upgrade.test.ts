import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../db/migrations';
import { ADMIN, attempt, must, newServerDatabase, serverSuperuser, workstationOn } from '../../helpers';


async function serverVersion(backend: Parameters<typeof serverSuperuser>[0]): Promise<number> {
  const client = await serverSuperuser(backend);
  try {
    return Number((await client.query('select count(*) as n from kysely_migration')).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('a workstation newer than the server: IT upgrades the server from the login screen', () => {
  it('login says the server is outdated; a wrong owner password changes nothing; the right one migrates, then login works', async () => {
    const { config, ownerPassword: OWNER } = await newServerDatabase({ schemaVersion: SCHEMA_VERSION - 1 });
    const backend = workstationOn(config);
    try {
      expect(await serverVersion(backend)).toBe(SCHEMA_VERSION - 1);
      const refused = await attempt(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('server_outdated');
        expect(refused.error.message).toContain('databaseejerens adgangskode');
      }

      const wrong = await attempt(backend, 'server:upgrade', { ownerPassword: 'forkert kode' });
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) {
        expect(wrong.error.code).toBe('wrong_password');
        expect(wrong.error.message).toBe('Databaseejerens adgangskode er forkert.');
      }
      expect(await serverVersion(backend)).toBe(SCHEMA_VERSION - 1);
      // The app's own logins cannot do it either: only the owner may change the schema.
      const empty = await attempt(backend, 'server:upgrade', { ownerPassword: '' });
      expect(empty.ok).toBe(false);

      expect(await must(backend, 'server:upgrade', { ownerPassword: OWNER })).toEqual({ from: SCHEMA_VERSION - 1, to: SCHEMA_VERSION });
      expect(await serverVersion(backend)).toBe(SCHEMA_VERSION);
      // Again: nothing left to do.
      expect(await must(backend, 'server:upgrade', { ownerPassword: OWNER })).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });

      await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      const family = await must(backend, 'families:create', { displayName: 'Familien Opdateret', startDate: '2026-11-01', persons: [{ kind: 'mother', name: 'Mor' }] });
      expect(family.id).toBeGreaterThan(0);
    } finally {
      await backend.close();
    }
  });

  it('a workstation on its own encrypted file has no server to upgrade', async () => {
    const { newBackend } = await import('../../helpers');
    const local = newBackend();
    try {
      const result = await attempt(local, 'server:upgrade', { ownerPassword: 'ejerens adgangskode' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('not_available');
    } finally {
      await local.close();
    }
  });
});
