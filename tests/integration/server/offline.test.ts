import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/channels';
import type { BackendCore } from '../../../main/core/backend';
import { prepareServer } from '../../../db/postgres/prepare';
import { writeWorkstation } from '../../../db/workstation';
import { startPostgres, type TestPostgres } from '../../pg';
import { ADMIN, attempt, must, newBackend, noteInput, tempDir } from '../../helpers';

/**
 * When the institution's server is away: this file runs its own PostgreSQL server, so it can shut it down and start
 * it again under a logged-in workstation (the shared test server must stay up for the other files).
 */
let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server.stop();
});

async function institution() {
  const config = server.config(`o_${randomBytes(6).toString('hex')}`);
  await prepareServer({
    server: config,
    itAdmin: { user: server.user, password: server.password },
    ownerPassword: `ejer ${randomBytes(9).toString('base64')}`,
    institutionName: 'Familiehuset Lærkebo',
    firstAdmin: { ...ADMIN, mustChangePassword: false },
  });
  const workstation = (dataDir = tempDir()) => {
    writeWorkstation(dataDir, { server: config });
    return newBackend({ dataDir });
  };
  return { config, workstation };
}

function connectionEvents(backend: BackendCore) {
  const seen: boolean[] = [];
  backend.subscribe((event: EventName, payload) => {
    if (event === 'server:connection') seen.push((payload as { online: boolean }).online);
  });
  return {
    seen,
    async until(online: boolean, ms = 20_000) {
      const started = Date.now();
      while (seen[seen.length - 1] !== online) {
        if (Date.now() - started > ms) throw new Error(`no server:connection ${String(online)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

async function familyAndCategory(backend: BackendCore) {
  const categoryId = (await must(backend, 'journal:categories', {}))[0]?.id ?? 0;
  const family = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
  return { familyId: family.id, categoryId };
}

describe('writes while the server is away', () => {
  it('a sign while the server is down is refused in Danish and changes nothing; after the restart it goes through exactly once', async () => {
    const { config, workstation } = await institution();
    const backend = workstation();
    const connection = connectionEvents(backend);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const { familyId, categoryId } = await familyAndCategory(backend);
    const draft = await must(backend, 'journal:saveDraft', noteInput(familyId, categoryId, 'Mor trøstede barnet roligt'));

    await server.halt();
    try {
      const refused = await attempt(backend, 'journal:sign', { ...noteInput(familyId, categoryId, 'Mor trøstede barnet roligt'), draftId: draft.id });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('server_unavailable');
        expect(refused.error.message).toMatch(/Ingen forbindelse til serveren/);
      }
      await connection.until(false);
    } finally {
      await server.resume();
    }
    await connection.until(true);

    // Signed twice (the first answer "lost"): one note.
    const input = { ...noteInput(familyId, categoryId, 'Mor trøstede barnet roligt'), draftId: draft.id };
    const first = await must(backend, 'journal:sign', input);
    const again = await must(backend, 'journal:sign', input);
    expect(again.id).toBe(first.id);
    const su = server.superuser(config.database);
    await su.connect();
    try {
      const rows = (await su.query("select id, status from observations where text = 'Mor trøstede barnet roligt'")).rows;
      expect(rows).toEqual([{ id: first.id, status: 'signed' }]);
    } finally {
      await su.end();
    }
    // A different text on a signed draft is still refused (never a silent change of a signed note).
    const changed = await attempt(backend, 'journal:sign', { ...input, text: 'Noget andet' });
    expect(changed.ok).toBe(false);
    await backend.close();
  });
});
