import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/channels';
import type { BackendCore } from '../../../main/core/backend';
import { writeWorkstation } from '../../../db/workstation';
import { prepareInstitution, startPostgres, type TestPostgres } from '../../pg';
import { LOCAL_DRAFTS_DIR } from '../../../main/server/local-drafts';
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
  const { config } = await prepareInstitution(server, `o_${randomBytes(6).toString('hex')}`, { firstAdmin: ADMIN });
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

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): Array<{ file: string; bytes: Buffer }> {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((e) => (e.isFile() ? [{ file: path.join(e.parentPath, e.name), bytes: fs.readFileSync(path.join(e.parentPath, e.name)) }] : []));
}

async function serverRows(config: { database: string }, statement: string, params: unknown[] = []): Promise<unknown[]> {
  const su = server.superuser(config.database);
  await su.connect();
  try {
    return (await su.query(statement, params)).rows;
  } finally {
    await su.end();
  }
}

describe('drafts while the server is away', () => {
  it('are kept encrypted on the workstation, listed, sent to the server when it is back, and never doubled', async () => {
    const { config, workstation } = await institution();
    const dataDir = tempDir();
    const backend = workstation(dataDir);
    const connection = connectionEvents(backend);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const { familyId, categoryId } = await familyAndCategory(backend);
    const onServer = await must(backend, 'journal:saveDraft', noteInput(familyId, categoryId, 'Første udkast om Ærø'));

    await server.halt();
    let localId: number;
    try {
      await connection.until(false);
      // A draft already on the server, typed on; and a new draft: both kept here.
      const edited = await must(backend, 'journal:saveDraft', { ...noteInput(familyId, categoryId, 'Første udkast om Ærø, rettet uden server'), draftId: onServer.id });
      expect(edited).toMatchObject({ id: onServer.id, savedLocally: true });
      const fresh = await must(backend, 'journal:saveDraft', noteInput(familyId, categoryId, 'Hemmelig kladde skrevet uden forbindelse'));
      expect(fresh.id).toBeLessThan(0);
      expect(fresh.savedLocally).toBe(true);
      localId = fresh.id;
      const again = await must(backend, 'journal:saveDraft', { ...noteInput(familyId, categoryId, 'Hemmelig kladde skrevet uden forbindelse, længere'), draftId: localId });
      expect(again.id).toBe(localId);
      // The list shows what is kept here while the server is away.
      const listed = await must(backend, 'journal:drafts', {});
      expect(listed.map((d) => d.text).sort()).toEqual(['Første udkast om Ærø, rettet uden server', 'Hemmelig kladde skrevet uden forbindelse, længere']);
      // Signing waits: refused, nothing written.
      const sign = await attempt(backend, 'journal:sign', { ...noteInput(familyId, categoryId, 'Hemmelig kladde skrevet uden forbindelse, længere') });
      expect(sign.ok ? null : sign.error.code).toBe('server_unavailable');

      // On disk: one sealed file, nothing readable in any file the app wrote.
      const kept = filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR));
      expect(kept).toHaveLength(1);
      for (const { file, bytes } of filesUnder(dataDir)) {
        for (const secret of ['Hemmelig', 'rettet uden server', 'Ærø', Buffer.from('Hemmelig').toString('base64')]) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${file} contains ${secret}`).toBe(false);
        }
      }
    } finally {
      await server.resume();
    }
    await connection.until(true);
    // The connection's return sent the kept drafts (queued before the event); the file is gone.
    await backend.dispatch('app:status', {});
    expect(filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR))).toEqual([]);
    const drafts = (await serverRows(config, "select id, text from observations where status = 'draft' order by id")) as Array<{ id: number; text: string }>;
    expect(drafts.map((d) => d.text)).toEqual(['Første udkast om Ærø, rettet uden server', 'Hemmelig kladde skrevet uden forbindelse, længere']);
    expect(drafts[0]?.id).toBe(onServer.id);
    // The screen's next save under the local id lands on the same server draft (no second copy), then it is signed.
    const next = await must(backend, 'journal:saveDraft', { ...noteInput(familyId, categoryId, 'Hemmelig kladde, færdig'), draftId: localId });
    expect(next.id).toBe(drafts[1]?.id);
    expect(next.savedLocally).toBeUndefined();
    const signed = await must(backend, 'journal:sign', { ...noteInput(familyId, categoryId, 'Hemmelig kladde, færdig'), draftId: next.id });
    expect(await serverRows(config, "select count(*)::int as n from observations where text like 'Hemmelig%'")).toEqual([{ n: 1 }]);
    expect(signed.id).toBe(next.id);
    // The sending is in the server's access log as the user's own drafts.
    const logged = (await serverRows(config, "select count(*)::int as n from access_log where subject = 'egen kladde (gemt på arbejdsstationen)'")) as Array<{ n: number }>;
    expect(logged[0]?.n).toBeGreaterThanOrEqual(1);
    await backend.close();
  });

  it('a draft kept on the workstation when the session ended is sent at the next login; a login needs the server and says so', async () => {
    const { config, workstation } = await institution();
    const dataDir = tempDir();
    const backend = workstation(dataDir);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const { familyId, categoryId } = await familyAndCategory(backend);
    await server.halt();
    try {
      const kept = await must(backend, 'journal:saveDraft', noteInput(familyId, categoryId, 'Kladde fra før lukketid'));
      expect(kept.savedLocally).toBe(true);
      await backend.close();
      const later = workstation(dataDir);
      const refused = await attempt(later, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'server_unavailable', message: expect.stringMatching(/For at logge ind skal der være forbindelse til institutionens server/) });
      await later.close();
      expect(filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR))).toHaveLength(1);
    } finally {
      await server.resume();
    }
    const again = workstation(dataDir);
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect((await must(again, 'journal:drafts', {})).map((d) => d.text)).toEqual(['Kladde fra før lukketid']);
    expect(filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR))).toEqual([]);
    expect(await serverRows(config, "select count(*)::int as n from observations where text = 'Kladde fra før lukketid'")).toEqual([{ n: 1 }]);
    await again.close();
  });

  it('a signed draft is not brought back from a copy kept on the workstation (the note dialog signed first when the connection returned)', async () => {
    const { config, workstation } = await institution();
    const dataDir = tempDir();
    const backend = workstation(dataDir);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const { familyId, categoryId } = await familyAndCategory(backend);
    const content = noteInput(familyId, categoryId, 'Mor badede barnet roligt');
    const draft = await must(backend, 'journal:saveDraft', content);
    const store = backend.store();
    const kept = store?.engine === 'postgres' ? store.server.drafts : undefined;
    if (!kept) throw new Error('no workstation draft store');
    // A copy of the same draft kept here (saved while the server was away, not yet sent) when the note is signed.
    kept.save(draft.id, content, new Date());
    await must(backend, 'journal:sign', { ...content, draftId: draft.id });
    expect(kept.list()).toEqual([]);
    // A copy that outlived the signing (kept again here, say by a save racing the sign) is not sent as a new draft.
    kept.save(draft.id, content, new Date());
    await backend.close();
    const again = workstation(dataDir);
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await must(again, 'journal:drafts', {})).toEqual([]);
    expect(await serverRows(config, "select status, count(*)::int as n from observations where text = 'Mor badede barnet roligt' group by status")).toEqual([{ status: 'signed', n: 1 }]);
    expect(filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR))).toEqual([]);
    await again.close();
  });

  it('a draft kept after the user changed their password opens at the next login with the new password', async () => {
    const { config, workstation } = await institution();
    const dataDir = tempDir();
    const backend = workstation(dataDir);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const { familyId, categoryId } = await familyAndCategory(backend);
    const newPassword = 'ny kode efter flytningen 4';
    await must(backend, 'session:changePassword', { currentPassword: ADMIN.password, newPassword });
    await server.halt();
    try {
      const kept = await must(backend, 'journal:saveDraft', noteInput(familyId, categoryId, 'Kladde efter ny adgangskode'));
      expect(kept.savedLocally).toBe(true);
      await backend.close();
    } finally {
      await server.resume();
    }
    const again = workstation(dataDir);
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: newPassword });
    expect((await must(again, 'journal:drafts', {})).map((d) => d.text)).toEqual(['Kladde efter ny adgangskode']);
    // Nothing set aside unopened: the store opened with the new password and is empty now that the draft was sent.
    expect(filesUnder(path.join(dataDir, LOCAL_DRAFTS_DIR))).toEqual([]);
    expect(await serverRows(config, "select count(*)::int as n from observations where text = 'Kladde efter ny adgangskode'")).toEqual([{ n: 1 }]);
    await again.close();
  });
});
