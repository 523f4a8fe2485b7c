import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/age';
import { todayIso } from '../../common/dates';
import { previousShiftStart } from '../../common/shift-time';
import { ADMIN, createUser, loginAs, must, setUp, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };

describe('vagtoverlevering', () => {
  it('shows exactly the notes observed or signed since the previous shift began, my families first, with concerns awaiting a leader', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const ærø = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
    const andersen = await must(backend, 'families:create', { displayName: 'Familien Andersen', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
    const closed = await must(backend, 'families:create', { displayName: 'Familien Afsluttet', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Mor' }] });
    await must(backend, 'team:add', { familyId: ærø.id, userId: bentId, role: 'family_therapist' });
    await must(backend, 'families:close', { familyId: closed.id, endDate: '2026-11-01', outcome: 'own_home' });

    const since = previousShiftStart(new Date());
    const hour = 3_600_000;
    // History written before the previous shift began (straight into the table: the app signs at the current time).
    const old = new Date(since.getTime() - 5 * hour).toISOString();
    await behindTheAppsBack(
      backend,
      "insert into observations (family_id, author_id, status, observed_at, shift, category_id, text, concern, created_at, updated_at, signed_at) values (?, 1, 'signed', ?, 'day', ?, 'Gammelt notat.', 'none', ?, ?, ?)",
      [ærø.id, old, categoryId, old, old, old],
    );
    const note = (familyId: number, text: string, observedAt: Date, concern: 'none' | 'serious' = 'none') =>
      must(backend, 'journal:sign', { familyId, observedAt: observedAt.toISOString(), shift: 'evening', categoryId, personIds: [], text, concern });
    await note(ærø.id, 'Mor og baby sov godt.\nAnden linje.', new Date(Math.max(since.getTime() + 60_000, Date.now() - 60_000)));
    // Written up now about something earlier than the shift: new to the next shift all the same.
    await note(andersen.id, 'Far var vred i går formiddags.', new Date(since.getTime() - 10 * hour), 'serious');

    await loginAs(backend, BENT.loginName, BENT.password);
    const handover = await must(backend, 'handover:get', {});
    expect(handover.since).toBe(since.toISOString());
    expect(handover.families.map((f) => [f.displayName, f.onMyTeam])).toEqual([
      ['Familien Ærø', true],
      ['Familien Andersen', false],
    ]);
    expect(handover.families[0]!.observations.map((o) => o.excerpt)).toEqual(['Mor og baby sov godt. Anden linje.']);
    expect(handover.families[1]!.observations.map((o) => [o.excerpt, o.concern])).toEqual([['Far var vred i går formiddags.', 'serious']]);
    expect(handover.families[1]!.pendingConcerns).toBe(1);

    // Since a chosen time: the old note too.
    const earlier = await must(backend, 'handover:get', { since: new Date(since.getTime() - 6 * hour).toISOString() });
    expect(earlier.sinceShift).toBeNull();
    expect(earlier.families[0]!.observations.map((o) => o.excerpt)).toContain('Gammelt notat.');

    // Printing the sheet is logged per family.
    await must(backend, 'print:record', { document: 'handover', familyIds: [ærø.id, andersen.id] });
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    const prints = (await must(backend, 'accessLog:list', { action: 'print' })).entries;
    expect(prints.map((p) => [p.familyId, p.subject]).sort()).toEqual([[andersen.id, 'udskrift: vagtoverlevering'], [ærø.id, 'udskrift: vagtoverlevering']].sort());
    await backend.close();
  });

  it('lists what is due in each family: measurements on the child\'s schedule and goal reviews, overdue first', async () => {
    const { backend } = await setUp();
    const today = todayIso(new Date());
    const family = await must(backend, 'families:create', {
      displayName: 'Familien Skema',
      startDate: addDays(today, -60),
      persons: [{ kind: 'mother', name: 'Mor Skema' }, { kind: 'child', name: 'Liva Skema', birthDate: addDays(today, -120), dueDate: addDays(today, -118) }],
    });
    await must(backend, 'goals:create', { familyId: family.id, text: 'Vi vil have faste sovetider', area: 'care_structure', startDate: addDays(today, -40) });
    const handover = await must(backend, 'handover:get', {});
    const due = handover.families.find((f) => f.familyId === family.id)?.due ?? [];
    expect(due.find((d) => d.kind === 'goal_review')).toEqual({ kind: 'goal_review', label: 'Opfølgning på målet «Vi vil have faste sovetider»', date: addDays(today, -12), overdue: true });
    // A four-month-old: ADBB (2–24 months) is on the schedule and not yet measured.
    expect(due.some((d) => d.kind === 'measurement' && d.label.startsWith('ADBB') && d.label.endsWith('Liva Skema'))).toBe(true);
    expect(due.map((d) => d.overdue)).toEqual([...due.map((d) => d.overdue)].sort((a, b) => Number(b) - Number(a)));
  });
});
