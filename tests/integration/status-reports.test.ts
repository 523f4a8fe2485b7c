import { describe, expect, it } from 'vitest';
import { ADMIN, attempt, createUser, loginAs, must, setUp, tableChecksums, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', role: 'leader' as const, password: 'rød båd i havnen 55' };
const PSS = (v: number) => Array.from({ length: 18 }, () => ({ value: v }));

describe('statusrapport til kommunen', () => {
  it('a draft assembled from the period and the marked observations, edited, signed by the tovholder, then never changed', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    await createUser(backend, LIS);
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const family = await must(backend, 'families:create', {
      displayName: 'Familien Dahl',
      startDate: '2026-08-01',
      municipality: 'Odense Kommune',
      caseworkerName: 'Sagsbehandler Sørensen',
      persons: [
        { kind: 'mother', name: 'Nadia Dahl', cpr: '010203-1234' },
        { kind: 'child', name: 'Liva Dahl', birthDate: '2026-07-01' },
      ],
    });
    const mother = family.persons.find((p) => p.kind === 'mother')!.id;
    const withBent = await must(backend, 'team:add', { familyId: family.id, userId: bentId, role: 'family_therapist' });
    await must(backend, 'team:setCoordinator', { familyId: family.id, memberId: withBent.team.find((m) => m.userId === bentId)!.id });
    const pss = (await must(backend, 'instruments:list', {})).find((i) => i.key === 'pss')!.id;
    await must(backend, 'measurements:create', { familyId: family.id, personId: mother, instrumentId: pss, measuredOn: '2026-08-05', items: PSS(3) });
    await must(backend, 'measurements:create', { familyId: family.id, personId: mother, instrumentId: pss, measuredOn: '2026-10-20', items: PSS(2) });
    const goal = await must(backend, 'goals:create', { familyId: family.id, text: 'Jeg vil give Liva mad på faste tider', area: 'care_structure', startDate: '2026-08-10' });
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: '2026-09-07', staffScore: 3, parentScore: 5 });
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: '2026-10-05', staffScore: 6, parentScore: 7 });
    const sign = (text: string, observedAt: string, concern: 'none' | 'serious' = 'none') =>
      must(backend, 'journal:sign', { familyId: family.id, observedAt, shift: 'day', categoryId, personIds: [], text, concern });
    const relevant = await sign('Nadia gav Liva mad kl. 7, 11 og 15 uden påmindelse.', '2026-10-01T09:00:00.000Z');
    const concern = await sign('Nadia var fraværende og svarede ikke på Livas gråd.', '2026-09-20T20:00:00.000Z', 'serious');
    await sign('Et notat uden for perioden.', '2026-11-20T09:00:00.000Z');

    await loginAs(backend, BENT.loginName, BENT.password);
    const invalid = await attempt(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2026-10-31', periodTo: '2026-09-01' });
    expect(invalid.ok ? null : invalid.error.issues?.map((i) => i.message)).toEqual(['Perioden slutter før den begynder.']);
    const early = await attempt(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2026-07-01', periodTo: '2026-10-31' });
    expect(early.ok ? null : early.error.message).toBe('Perioden begynder før forløbets start.');
    const draft = await must(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2026-09-01', periodTo: '2026-10-31', observationIds: [relevant.id] });
    expect(draft).toMatchObject({ status: 'draft', signed: null, periodFrom: '2026-09-01', periodTo: '2026-10-31', observationIds: [relevant.id], sections: {} });
    const c = draft.content;
    expect(c.family).toMatchObject({ displayName: 'Familien Dahl', municipality: 'Odense Kommune', caseworkerName: 'Sagsbehandler Sørensen', phase: 'intake' });
    expect(c.persons.map((p) => [p.name, p.birthDate])).toEqual([['Nadia Dahl', null], ['Liva Dahl', '2026-07-01']]);
    expect(JSON.stringify(c)).not.toContain('1234');
    expect(c.coordinator).toEqual({ name: BENT.loginName, internal: true });
    // The period's measurements, and its reviews under each goal.
    expect(c.measurements.map((m) => [m.instrumentName, m.measuredOn, m.total])).toEqual([['PSS', '2026-10-20', 8 * 4 + 10 * 2]]);
    expect(c.goals.map((g) => [g.text, g.reviews.map((r) => [r.reviewedOn, r.staffScore, r.parentScore])])).toEqual([
      ['Jeg vil give Liva mad på faste tider', [['2026-09-07', 3, 5], ['2026-10-05', 6, 7]]],
    ]);
    expect(c.concerns.map((o) => o.id)).toEqual([concern.id]);
    expect(c.observations.map((o) => o.text)).toEqual(['Nadia gav Liva mad kl. 7, 11 og 15 uden påmindelse.']);

    // Edited while a draft: sections and the marked observations.
    const edited = await must(backend, 'statusReports:update', {
      reportId: draft.id,
      sections: { summary: 'Nadia har fået faste rutiner for måltiderne.', assessment: 'Vi anbefaler, at opholdet fortsætter.' },
      observationIds: [relevant.id, concern.id],
    });
    expect(edited.sections).toEqual({ summary: 'Nadia har fået faste rutiner for måltiderne.', assessment: 'Vi anbefaler, at opholdet fortsætter.' });
    expect(edited.content.observations.map((o) => o.id)).toEqual([concern.id, relevant.id]);
    const cleared = await must(backend, 'statusReports:update', { reportId: draft.id, sections: { assessment: '' } });
    expect(cleared.sections).toEqual({ summary: 'Nadia har fået faste rutiner for måltiderne.' });
    const foreign = await attempt(backend, 'statusReports:update', { reportId: draft.id, observationIds: [999_999] });
    expect(foreign.ok ? null : foreign.error.message).toBe('Et valgt notat hører ikke til familien.');

    // Only the tovholder signs: not a leader, when the tovholder is a staff member with a login.
    await loginAs(backend, LIS.loginName, LIS.password);
    const byLeader = await attempt(backend, 'statusReports:sign', { reportId: draft.id });
    expect(byLeader.ok ? null : byLeader.error).toEqual({ code: 'forbidden', message: `Kun familiens tovholder, ${BENT.loginName}, kan underskrive statusrapporten.` });
    await loginAs(backend, BENT.loginName, BENT.password);
    const signed = await must(backend, 'statusReports:sign', { reportId: draft.id });
    expect(signed).toMatchObject({ status: 'signed', signed: { by: { id: bentId }, as: 'coordinator' } });
    expect(signed.content.sections).toEqual({ summary: 'Nadia har fået faste rutiner for måltiderne.' });

    // Frozen: refused by the service and by the database; later records do not change what was signed.
    const before = await tableChecksums(backend);
    const edit = await attempt(backend, 'statusReports:update', { reportId: draft.id, sections: { summary: 'Ændret' } });
    expect(edit.ok ? null : edit.error).toEqual({ code: 'conflict', message: 'Statusrapporten er underskrevet og kan ikke ændres.' });
    expect((await attempt(backend, 'statusReports:sign', { reportId: draft.id })).ok).toBe(false);
    expect(await tableChecksums(backend)).toEqual(before);
    await expect(behindTheAppsBack(backend, "update status_reports set sections = '{}'")).rejects.toThrow(/immutable/);
    await expect(behindTheAppsBack(backend, "update status_reports set status = 'draft'")).rejects.toThrow(/immutable/);
    await expect(behindTheAppsBack(backend, 'delete from status_reports')).rejects.toThrow(/immutable/);
    await expect(behindTheAppsBack(backend, 'delete from status_report_observations')).rejects.toThrow(/immutable/);
    await expect(behindTheAppsBack(backend, `insert into status_report_observations values (${draft.id}, ${concern.id + 2})`)).rejects.toThrow(/immutable/);
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: '2026-10-30', staffScore: 8 });
    const reread = await must(backend, 'statusReports:get', { reportId: draft.id });
    expect(reread.content).toEqual(signed.content);
    // A draft cannot be marked signed without its content and signer, even in SQL.
    const second = await must(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2026-11-01', periodTo: '2026-11-30' });
    await expect(behindTheAppsBack(backend, `update status_reports set status = 'signed' where id = ${second.id}`)).rejects.toThrow(/signed with its content/);
    expect((await must(backend, 'statusReports:get', { reportId: second.id })).content.goals[0]!.reviews).toEqual([]);

    const list = await must(backend, 'statusReports:list', { familyId: family.id });
    expect(list.map((r) => [r.id, r.status, r.signed?.as ?? null])).toEqual([[second.id, 'draft', null], [draft.id, 'signed', 'coordinator']]);
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    const log = (await must(backend, 'accessLog:list', { familyId: family.id, action: 'change' })).entries;
    expect(log.some((e) => e.channel === 'statusReports:sign' && e.userName === BENT.loginName)).toBe(true);
    await backend.close();
  });

  it('a leader signs when the tovholder is an external team member without a login', async () => {
    const { backend } = await setUp();
    await createUser(backend, BENT);
    await createUser(backend, LIS);
    const family = await must(backend, 'families:create', { displayName: 'Familien Vinter', startDate: '2026-08-01', persons: [{ kind: 'mother', name: 'Mor Vinter' }] });
    const withExternal = await must(backend, 'team:add', { familyId: family.id, name: 'Ambulant familiebehandler Tove', role: 'ambulant_family_therapist', organisation: 'Odense Kommune' });
    await must(backend, 'team:setCoordinator', { familyId: family.id, memberId: withExternal.team.find((m) => m.name === 'Ambulant familiebehandler Tove')!.id });
    await loginAs(backend, BENT.loginName, BENT.password);
    const draft = await must(backend, 'statusReports:create', { familyId: family.id, periodFrom: '2026-08-01', periodTo: '2026-11-30' });
    expect(draft.content.coordinator).toEqual({ name: 'Ambulant familiebehandler Tove', internal: false });
    const byStaff = await attempt(backend, 'statusReports:sign', { reportId: draft.id });
    expect(byStaff.ok ? null : byStaff.error).toEqual({ code: 'forbidden', message: 'Familiens tovholder er ekstern og har intet login, så en leder underskriver statusrapporten.' });
    await loginAs(backend, LIS.loginName, LIS.password);
    const signed = await must(backend, 'statusReports:sign', { reportId: draft.id });
    expect(signed.signed).toMatchObject({ by: { name: LIS.loginName }, as: 'leader' });
    await backend.close();
  });
});
