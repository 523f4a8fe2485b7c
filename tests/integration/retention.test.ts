import { describe, expect, it } from 'vitest';
import { familyExportSchema } from '../../common/family-export';
import { ADMIN, attempt, createUser, loginAs, must, setUp } from '../helpers';
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
    const sqlite = backend.unlocked()!.sqlite;
    for (const table of [
      'families', 'persons', 'observations', 'underretninger', 'team_members', 'family_phases', 'coordinator_periods', 'measurements', 'goals', 'status_reports',
      'network_persons', 'network_agreements', 'network_meetings', 'safety_plan_versions', 'discharge_plan_versions',
    ]) {
      const column = table === 'families' ? 'id' : 'family_id';
      expect(sqlite.prepare(`select count(*) from ${table} where ${column} = ?`).pluck().get(family.id), table).toBe(0);
    }
    expect((await must(backend, 'journal:search', { query: 'xylofonlyden' })).hits.map((h) => h.familyId)).toEqual([other.id]);
    // The access log keeps the family's rows in the chain, without their detail; a record without personal data remains.
    const rows = sqlite.prepare('select detail from access_log where family_id = ?').all(family.id) as Array<{ detail: string | null }>;
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.detail === null)).toBe(true);
    expect((await must(backend, 'accessLog:verify', {})).broken).toBeNull();
    expect(sqlite.prepare('select family_id, closed_on, retention_years from deleted_families').all()).toEqual([{ family_id: family.id, closed_on: '2025-06-30', retention_years: 1 }]);
    const everything = JSON.stringify(sqlite.prepare('select * from deleted_families').all());
    expect(everything).not.toContain('Glemsel');
    // Outside the retention job, signed notes still cannot be deleted.
    expect(() => sqlite.prepare("delete from observations where status = 'signed'").run()).toThrow(/immutable/);
    await backend.close();
  });
});
