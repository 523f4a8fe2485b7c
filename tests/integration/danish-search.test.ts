import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_VERSION } from '../../db/search';
import { ADMIN, must, setUp, TEST_ENGINE, noteInput as note } from '../helpers';


async function withNotes(texts: string[]) {
  const { backend } = await setUp();
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const family = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
  const ids: number[] = [];
  for (const text of texts) ids.push((await must(backend, 'journal:sign', note(family.id, categoryId, text))).id);
  const search = async (query: string, live = false) => (await must(backend, 'journal:search', { query, live })).hits.map((h) => texts[ids.indexOf(h.id)]);
  return { backend, family, search };
}

describe('search that understands Danish words (through the real backend and index)', () => {
  it('finds inflected forms, irregular forms and compounds; keeps false friends apart', async () => {
    const { backend, search } = await withNotes([
      'Der er bekymringen om søvnen.',
      'Barnet leger på gulvet.',
      'Jordemoderen kom i dag.',
      'God morgen, sagde hun.',
      'Far var glad.',
      'Det er farligt at ryste barnet.',
      'Mødrene talte sammen.',
    ]);
    expect(await search('bekymringer')).toEqual(['Der er bekymringen om søvnen.']);
    expect(await search('legede')).toEqual(['Barnet leger på gulvet.']);
    expect(await search('jordemor')).toEqual(['Jordemoderen kom i dag.']);
    expect(await search('mor')).toEqual(['Mødrene talte sammen.']);
    expect(await search('morgen')).toEqual(['God morgen, sagde hun.']);
    expect(await search('far')).toEqual(['Far var glad.']);
    expect(await search('børn')).toEqual(['Det er farligt at ryste barnet.', 'Barnet leger på gulvet.']);
    expect(await search('sige')).toEqual(['God morgen, sagde hun.']);
    await backend.close();
  });

  it('finds a word written right after an emoji, symbol or invisible mark', async () => {
    const { backend, search } = await withNotes(['🥰glad mor', 'træt\u200bbarn', '»Rolig«—nat']);
    expect(await search('glad')).toEqual(['🥰glad mor']);
    expect(await search('træt')).toEqual(['træt\u200bbarn']);
    expect(await search('rolig')).toEqual(['»Rolig«—nat']);
    await backend.close();
  });

  it('exact phrases in quotes keep word order', async () => {
    const { backend, search } = await withNotes(['Mor sov hele natten.', 'Hele natten sov mor ikke.']);
    expect((await search('mor sov')).sort()).toEqual(['Hele natten sov mor ikke.', 'Mor sov hele natten.']);
    expect(await search('"mor sov"')).toEqual(['Mor sov hele natten.']);
    expect(await search('»sov mor«')).toEqual(['Hele natten sov mor ikke.']);
    await backend.close();
  });

  it('matches the word being typed as a prefix only while typing', async () => {
    const { backend, search } = await withNotes(['Sundhedsplejersken kom forbi.']);
    expect(await search('sundhedspl')).toEqual([]);
    expect(await search('sundhedspl', true)).toEqual(['Sundhedsplejersken kom forbi.']);
    await backend.close();
  });

  // On the server the index is rebuilt by the migration run (as the owner): tests/integration/server/.
  it.skipIf(TEST_ENGINE === 'postgres')('rebuilds the index at login when the folding changed (a new index version), with progress', async () => {
    const { backend, search } = await withNotes(['Bekymringen er stor.', 'Barnet sov.']);
    // As after an update that changed how words are matched: the stored index version is older.
    backend.unlocked()!.sqlite.prepare("update settings set value = '0' where key = 'searchIndexVersion'").run();
    backend.unlocked()!.sqlite.prepare("insert into observation_search (observation_search) values ('delete-all')").run();
    await must(backend, 'session:logout', {});
    const progress: unknown[] = [];
    backend.subscribe((event, payload) => event === 'search:reindexProgress' && progress.push(payload));
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(progress).toEqual([{ done: 0, total: 2 }, { done: 2, total: 2 }]);
    expect(await search('bekymringer')).toEqual(['Bekymringen er stor.']);
    const version = backend.unlocked()!.sqlite.prepare("select value from settings where key = 'searchIndexVersion'").pluck().get();
    expect(JSON.parse(version as string)).toBe(SEARCH_INDEX_VERSION);
    await backend.close();
  });
});
