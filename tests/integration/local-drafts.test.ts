import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_DRAFTS_DIR, WorkstationDrafts } from '../../main/server/local-drafts';
import { TEST_SCRYPT_N, tempDir } from '../helpers';

const scope = { databaseId: 'db-1', userId: 7 };
const content = (text: string) => ({ familyId: 3, observedAt: '2026-11-24T17:00:00.000Z', shift: 'evening' as const, categoryId: 2, personIds: [], text, concern: 'none' as const });
const keptFiles = (dataDir: string) => fs.readdirSync(path.join(dataDir, LOCAL_DRAFTS_DIR));

/** The workstation's own draft store for the institution's server (main/server/local-drafts.ts). */
describe('the workstation draft store', () => {
  it('opens only with the password, survives a restart, shows nothing readable, and is removed when empty', async () => {
    const dataDir = tempDir();
    const store = await WorkstationDrafts.open(dataDir, scope, 'grøn kaffe på bordet', TEST_SCRYPT_N);
    const draft = store.save(undefined, content('Mor græd i nat, æøå'), new Date('2026-11-24T18:00:00Z'));
    expect(draft.id).toBe(-1);
    store.save(12, content('Rettet kladde'), new Date('2026-11-24T18:01:00Z'));
    store.close();
    const [name] = keptFiles(dataDir);
    const bytes = fs.readFileSync(path.join(dataDir, LOCAL_DRAFTS_DIR, name ?? ''));
    for (const secret of ['Mor græd', 'Rettet', 'æøå']) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    const reopened = await WorkstationDrafts.open(dataDir, scope, 'grøn kaffe på bordet', TEST_SCRYPT_N);
    expect(reopened.list().map((d) => [d.id, d.content.text])).toEqual([
      [12, 'Rettet kladde'],
      [-1, 'Mor græd i nat, æøå'],
    ]);
    // A new local draft does not reuse an id.
    expect(reopened.save(undefined, content('Endnu en'), new Date()).id).toBe(-2);
    reopened.settle(-1, 40);
    expect(reopened.serverIdFor(-1)).toBe(40);
    // A later save under the local id is kept under the server id it became.
    expect(reopened.save(-1, content('Efter afsendelse'), new Date()).id).toBe(40);
    for (const d of reopened.list()) reopened.remove(d.id);
    expect(keptFiles(dataDir)).toEqual([]);
    reopened.close();
  });

  it('another password or another user opens nothing; the file is kept aside, not deleted', async () => {
    const dataDir = tempDir();
    const store = await WorkstationDrafts.open(dataDir, scope, 'grøn kaffe på bordet', TEST_SCRYPT_N);
    store.save(undefined, content('Kun for Astrid'), new Date());
    store.close();
    const wrong = await WorkstationDrafts.open(dataDir, scope, 'forkert adgangskode', TEST_SCRYPT_N);
    expect(wrong.list()).toEqual([]);
    expect(keptFiles(dataDir).some((f) => f.endsWith('.uaabnet'))).toBe(true);
    wrong.close();
    // Another user on this workstation has a store of their own: nothing of Astrid's is in it.
    const other = await WorkstationDrafts.open(dataDir, { ...scope, userId: 8 }, 'grøn kaffe på bordet', TEST_SCRYPT_N);
    expect(other.list()).toEqual([]);
    other.close();
  });
});
