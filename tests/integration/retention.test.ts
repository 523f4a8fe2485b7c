import { describe, expect, it } from 'vitest';
import { familyExportSchema } from '../../common/family-export';
import { FAMILY_RECORD_TABLES, SERVER_ONLY_FAMILY_TABLES } from '../../db/retention';
import { ADMIN, attempt, behindTheAppsBack, createUser, loginAs, must, rewriteAccessLog, setUp, TEST_ENGINE } from '../helpers';
import { networkAndPlans } from '../plan-fixtures';

describe('retention: export and deletion of a closed family', () => {
  it('exports the whole record, then deletes it everywhere after the retention period; the access log keeps its chain', async () => {
    const { backend } = await setUp();
    await createUser(backend, { loginName: 'bent', role: 'staff', password: 'grøn cykel ved søen 42' });
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const family = await must(backend, 'families:create', { displayName: 'Familien Glemsel', startDate: '2025-01-01', persons: [{ kind: 'mother', name: 'Mona Glemsel', cpr: '010190-1234' }] });
    const other = await must(backend, 'families:create', { displayName: 'Familien Bliver', startDate: '2025-01-01', persons: [{ kind: 'mother', name: 'Eva' }] });
    const at = new Date(Date.now() - 60_000).toISOString();
    const note = await must(backend, 'journal:sign', { familyId: family.id, observedAt: at, shift: 'day', categoryId, personIds: [], text: 'Xylofonlyden beroligede barnet.', concern: 'serious' });
    await must(backend, 'journal:sign', { familyId: other.id, observedAt: at, shift: 'day', categoryId, personIds: [], text: 'Xylofonlyden igen.', concern: 'none' });
    await must(backend, 'journal:amend', { observationId: note.id, reason: 'Tilføjelse', text: 'Også om natten.' });
    await must(backend, 'concerns:acknowledge', { observationId: note.id, actions: ['talked_with_family'], note: 'Talt med mor.' });
    await must(backend, 'underretninger:create', { familyId: family.id, observationId: note.id, sentOn: '2025-03-01', municipality: 'Greve Kommune', reason: 'Bekymring.' });
    // Progression, network and plans too.
    await networkAndPlans(backend, family.id);
    const pss = (await must(backend, 'instruments:list', {})).find((i) => i.key === 'pss')!.id;
    await must(backend, 'measurements:create', { familyId: family.id, personId: family.persons[0]!.id, instrumentId: pss, measuredOn: '2025-03-01', items: [3, 2, 4, 1, 2, 3, 2, 2, 4, 3, 3, 2, 1, 4, 3, 2, 2, 3].map((value) => ({ value })) });
    const goal = await must(backend, 'goals:create', { familyId: family.id, text: 'Vi vil have faste sovetider', area: 'care_structure', startDate: '2025-02-01' });
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: '2025-03-01', staffScore: 5 });
    await must(backend, 'goals:linkObservation', { goalId: goal.id, observationId: note.id });
    await must(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2025-01-01', periodTo: '2025-03-31' });
    await loginAs(backend, 'bent', 'grøn cykel ved søen 42');
    await must(backend, 'journal:saveDraft', { familyId: family.id, observedAt: at, shift: 'day', categoryId, personIds: [], text: 'Bents kladde', concern: 'none' });
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    await must(backend, 'families:close', { familyId: family.id, endDate: '2025-06-30', outcome: 'own_home' });

    // Not due under the default period; due when the institution's period is one year.
    expect((await must(backend, 'retention:due', {})).families).toEqual([]);
    const settings = await must(backend, 'settings:get', {});
    await must(backend, 'settings:update', { institutionName: settings.institutionName, idleLockMinutes: settings.idleLockMinutes, familyRetentionYears: 1 });
    expect((await must(backend, 'retention:due', {})).families.map((f) => [f.displayName, f.dueSince])).toEqual([['Familien Glemsel', '2026-06-30']]);

    const exported = await must(backend, 'families:export', { familyId: family.id });
    const document = familyExportSchema.parse(JSON.parse(exported.json));
    expect(document.persons[0]!.cpr).toBe('010190-1234');
    expect(document.observations.map((o) => [o.text, o.amendments.length, o.acknowledgement?.note])).toEqual([['Xylofonlyden beroligede barnet.', 1, 'Talt med mor.']]);
    expect(document.underretninger).toHaveLength(1);
    expect(exported.fileName).not.toContain('Glemsel');
    expect(JSON.parse(exported.schema).description).toBe('Familiespor: a family’s full record.');

    const wrong = await attempt(backend, 'retention:deleteFamily', { familyId: family.id, confirmName: 'Familien Forkert' });
    expect(wrong.ok ? null : wrong.error.issues?.[0]?.message).toBe('Skriv familiens navn nøjagtigt, som det står, for at bekræfte.');
    const notDue = await attempt(backend, 'retention:deleteFamily', { familyId: other.id, confirmName: 'Familien Bliver' });
    expect(notDue.ok ? null : notDue.error.code).toBe('conflict');
    const result = await must(backend, 'retention:deleteFamily', { familyId: family.id, confirmName: 'familien glemsel' });
    expect(result.deleted).toMatchObject({ observations: 2, persons: 1 });

    // Gone everywhere: rows, drafts, the search index.
    for (const [table, column, parent] of FAMILY_RECORD_TABLES) {
      if (parent !== 'families' || (TEST_ENGINE === 'sqlite' && SERVER_ONLY_FAMILY_TABLES.includes(table))) continue;
      expect(Number((await behindTheAppsBack(backend, `select count(*) from ${table} where ${column} = ?`, [family.id]))[0]), table).toBe(0);
    }
    expect((await must(backend, 'journal:search', { query: 'xylofonlyden' })).hits.map((h) => h.familyId)).toEqual([other.id]);
    // The access log keeps the family's rows in the chain, without their detail; a record without personal data remains.
    const details = await behindTheAppsBack(backend, 'select detail from access_log where family_id = ? order by id', [family.id]);
    expect(details.length).toBeGreaterThan(5);
    expect(details.every((d) => d === null)).toBe(true);
    expect((await must(backend, 'accessLog:verify', {})).broken).toBeNull();
    expect(await behindTheAppsBack(backend, "select family_id || ' ' || closed_on || ' ' || retention_years from deleted_families")).toEqual([`${family.id} 2025-06-30 1`]);
    const everything = JSON.stringify(await behindTheAppsBack(backend, "select family_id || closed_on || deleted_at || deleted_by || retention_years from deleted_families"));
    expect(everything).not.toContain('Glemsel');
    // Outside the retention job, signed notes still cannot be deleted.
    await expect(behindTheAppsBack(backend, "delete from observations where status = 'signed'")).rejects.toThrow(/immutable/);
    await backend.close();
  });

  it('the list of a family\'s tables follows the schema: every table that leads to a family is on it, children before parents', async () => {
    const { backend } = await setUp();
    // Foreign keys as "table.column>parent" (on the server, as IT's administrator).
    const edges = (await behindTheAppsBack(
      backend,
      TEST_ENGINE === 'postgres'
        ? `select c.conrelid::regclass::text || '.' || a.attname || '>' || c.confrelid::regclass::text from pg_constraint c
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] where c.contype = 'f' and c.connamespace = 'public'::regnamespace`
        : `select m.name || '.' || f."from" || '>' || f."table" from sqlite_master m join pragma_foreign_key_list(m.name) f where m.type = 'table'`,
    )) as string[];
    const parsed = edges.map((e) => {
      const [from = '', parent = ''] = e.split('>');
      const [table = '', column = ''] = from.split('.');
      return { table, column, parent };
    });
    // Every table whose rows lead to a family through foreign keys.
    const leadsToFamily = new Set(['families']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of parsed) if (leadsToFamily.has(e.parent) && !leadsToFamily.has(e.table)) grew = leadsToFamily.add(e.table).size > 0;
    }
    const listed = FAMILY_RECORD_TABLES.map(([table]) => table);
    expect([...leadsToFamily].filter((t) => !listed.includes(t))).toEqual([]);
    // Each entry is a foreign key of the schema (the search index is FTS5 without keys on SQLite), and comes before its parent.
    for (const [table, column, parent] of FAMILY_RECORD_TABLES) {
      if (table === 'families' || (TEST_ENGINE === 'sqlite' && (table === 'observation_search' || SERVER_ONLY_FAMILY_TABLES.includes(table)))) continue;
      expect(parsed.some((e) => e.table === table && e.column === column && e.parent === parent), `${table}.${column} -> ${parent}`).toBe(true);
    }
    for (const e of parsed) {
      if (listed.includes(e.table) && listed.includes(e.parent) && e.table !== e.parent) {
        expect(listed.indexOf(e.table), `${e.table} is deleted before ${e.parent}`).toBeLessThan(listed.indexOf(e.parent));
      }
    }
    await backend.close();
  });

  it('the access log\'s retention at a login deletes rows older than the period; the rest still verifies', async () => {
    const { backend } = await setUp();
    const family = await must(backend, 'families:create', { displayName: 'Familien Gammel', startDate: '2025-01-01', persons: [{ kind: 'mother', name: 'Mor' }] });
    await must(backend, 'families:get', { familyId: family.id });
    const total = Number((await behindTheAppsBack(backend, 'select count(*) from access_log'))[0]);
    // The oldest rows written six years ago (a chain re-hashed behind the app's back), and the last run long ago.
    const sixYearsAgo = new Date(Date.now() - 6 * 366 * 86_400_000).toISOString();
    await rewriteAccessLog(backend, (row, index) => (index < 3 ? { ...row, at: sixYearsAgo } : row));
    await behindTheAppsBack(backend, "delete from settings where key = 'accessLogRetentionRunAt'");
    expect((await must(backend, 'accessLog:verify', {})).broken).toBeNull();

    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    expect(Number((await behindTheAppsBack(backend, 'select count(*) from access_log where at = ?', [sixYearsAgo]))[0])).toBe(0);
    const report = await must(backend, 'accessLog:verify', {});
    expect(report.broken).toBeNull();
    expect(report.firstId).toBeGreaterThan(1);
    const logged = await behindTheAppsBack(backend, "select detail from access_log where subject = 'adgangslog: rækker ud over opbevaringsperioden slettet'");
    expect(logged.map((d) => JSON.parse(String(d)))).toEqual([{ deleted: 3 }]);
    expect(Number((await behindTheAppsBack(backend, 'select count(*) from access_log'))[0])).toBeGreaterThan(total - 3);
    // At most once a day: the next login deletes nothing more, even rows made old again.
    await rewriteAccessLog(backend, (row, index) => (index < 2 ? { ...row, at: sixYearsAgo } : row));
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    expect(Number((await behindTheAppsBack(backend, 'select count(*) from access_log where at = ?', [sixYearsAgo]))[0])).toBe(2);
    await backend.close();
  });
});
