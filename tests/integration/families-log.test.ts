import { describe, expect, it } from 'vitest';
import { createBackend } from '../../main/core/backend';
import { ADMIN, attempt, behindTheAppsBack, must, setUp, TEST_SCRYPT_N } from '../helpers';

const now = () => new Date().toISOString();

async function withFamily() {
  const ctx = await setUp();
  const family = await must(ctx.backend, 'families:create', {
    displayName: 'Familien Ærø-Sørensen',
    municipality: 'Odense Kommune',
    caseworkerName: 'Sanne Sagsbehandler',
    startDate: '2026-09-01',
    persons: [
      { kind: 'mother', name: 'Maja Sørensen', cpr: '0102031234' },
      { kind: 'child', name: 'Ufødt barn', dueDate: '2026-12-24' },
    ],
  });
  const categories = await must(ctx.backend, 'journal:categories', {});
  return { ...ctx, family, categories };
}

function entry(familyId: number, categoryId: number, text: string, extra: Record<string, unknown> = {}) {
  return { familyId, observedAt: now(), shift: 'day' as const, categoryId, personIds: [] as number[], text, concern: 'none' as const, ...extra };
}

describe('families', () => {
  it('creates a family with an unborn child, defaults and the creator as tovholder; marks the child born', async () => {
    const { backend, family } = await withFamily();
    expect(family.plannedEndDate).toBe('2027-03-01');
    expect(family.legalBasis).toBe('Barnets lov § 32, stk. 1: familieanbringelse i form af døgnophold');
    expect(family.phase).toBe('intake');
    expect(family.persons.map((p) => p.kind)).toEqual(['mother', 'child']);
    expect(family.persons[0]!.cprMasked).toBe('010203-••••');
    expect(JSON.stringify(family)).not.toContain('1234');
    expect(family.team).toHaveLength(1);
    expect(family.coordinatorName).toBe(ADMIN.name);
    const child = family.persons[1]!;
    expect(child.dueDate).toBe('2026-12-24');
    // A future birth is refused; the terminsdato is kept (a premature child's corrected age).
    expect((await attempt(backend, 'persons:markBorn', { personId: child.id, birthDate: '2099-01-01', name: 'Liva' })).ok).toBe(false);
    const born = await must(backend, 'persons:markBorn', { personId: child.id, birthDate: '2026-11-28', name: 'Liva' });
    expect(born.persons[1]).toMatchObject({ name: 'Liva', birthDate: '2026-11-28', dueDate: '2026-12-24' });
    expect((await attempt(backend, 'persons:markBorn', { personId: child.id, birthDate: '2026-11-29', name: 'Liva' })).ok).toBe(false);
    const cpr = await must(backend, 'persons:revealCpr', { personId: family.persons[0]!.id });
    expect(cpr.cpr).toBe('010203-1234');
    const log = await must(backend, 'accessLog:list', { familyId: family.id });
    expect(log.entries.some((e) => e.channel === 'persons:revealCpr' && !e.detail!.includes('1234'))).toBe(true);
    await backend.close();
  });

  it('refuses a child with neither birth date nor due date, and a bad CPR number, in Danish', async () => {
    const { backend } = await setUp();
    const bad = await attempt(backend, 'families:create', { displayName: 'X', startDate: '2026-09-01', persons: [{ kind: 'child', name: 'Barn', cpr: '3213001234' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const messages = bad.error.issues!.map((i) => i.message);
      expect(messages).toContain('Angiv fødselsdato, eller terminsdato hvis barnet ikke er født.');
      expect(messages).toContain('CPR-nummerets første seks cifre er ikke en dato, der findes (fx 31.02).');
    }
    const format = await attempt(backend, 'families:create', { displayName: 'X', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Eva', cpr: '12345' }] });
    expect(format.ok ? null : format.error.issues!.map((i) => i.message)).toEqual(['CPR-nummeret skal have formen ddmmåå-xxxx.']);
    expect(await must(backend, 'families:list', {})).toEqual([]);
    await backend.close();
  });

  it('reports every impossible date at once: a 31 February CPR, a mother born in the future, a terminsdato years ago, a stay years ahead', async () => {
    const { backend } = await setUp();
    const result = await attempt(backend, 'families:create', {
      displayName: 'Familien Umulig',
      startDate: '2031-01-01',
      persons: [
        { kind: 'mother', name: 'Eva', cpr: '310299-1234', birthDate: '2035-05-01' },
        { kind: 'child', dueDate: '2019-04-01' },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues!.map((i) => [i.path, i.message])).toEqual(
        expect.arrayContaining([
          ['startDate', 'Startdatoen må højst ligge et år frem.'],
          ['persons.0.cpr', 'CPR-nummerets første seks cifre er ikke en dato, der findes (fx 31.02).'],
          ['persons.0.birthDate', 'Fødselsdatoen ligger i fremtiden.'],
          ['persons.1.dueDate', 'Terminsdatoen skal ligge mellem en måned før og ti måneder efter i dag.'],
        ]),
      );
    }
    // The date is checked, not the control digit: a post-2007 number that fails modulus 11 is accepted.
    const ok = await must(backend, 'families:create', { displayName: 'Familien Mulig', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Eva', cpr: '010190-0003' }, { kind: 'child', dueDate: '2027-02-01' }] });
    expect(ok.persons.map((p) => p.name)).toEqual(['Eva', 'Ufødt barn']);
    await backend.close();
  });

  it('records phase changes with their dates and counts days in placement from the stay', async () => {
    const { backend, family } = await withFamily();
    await must(backend, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: '2026-10-01' });
    const closing = await must(backend, 'families:changePhase', { familyId: family.id, phase: 'closing', fromDate: '2026-11-01' });
    expect(closing.phases.map((p) => [p.phase, p.fromDate])).toEqual([
      ['intake', '2026-09-01'],
      ['stay', '2026-10-01'],
      ['closing', '2026-11-01'],
    ]);
    expect(closing.daysInPlacement).toBeGreaterThanOrEqual(31);
    const early = await attempt(backend, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: '2026-10-15' });
    expect(early.ok ? null : early.error.issues?.[0]?.path).toBe('fromDate');
    const closed = await must(backend, 'families:close', { familyId: family.id, endDate: '2026-11-20', outcome: 'own_home' });
    expect(closed.endDate).toBe('2026-11-20');
    expect(closed.daysInPlacement).toBe(50);
    expect(await must(backend, 'families:list', {})).toEqual([]);
    expect((await must(backend, 'families:list', { includeClosed: true })).map((f) => f.id)).toEqual([family.id]);
    expect((await attempt(backend, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: '2026-11-21' })).ok).toBe(false);
    await backend.close();
  });

  it('keeps exactly one tovholder and the history of who it was when', async () => {
    const { backend, family } = await withFamily();
    const withExternal = await must(backend, 'team:add', { familyId: family.id, name: 'Hanne Sundhedsplejerske', role: 'health_visitor', organisation: 'Odense Kommune', phone: '12345678' });
    const hanne = withExternal.team.find((m) => m.name === 'Hanne Sundhedsplejerske')!;
    const me = withExternal.team.find((m) => m.internal)!;
    const changed = await must(backend, 'team:setCoordinator', { familyId: family.id, memberId: hanne.id });
    expect(changed.team.filter((m) => m.isCoordinator).map((m) => m.id)).toEqual([hanne.id]);
    expect(changed.coordinatorHistory.map((h) => [h.name, h.toAt === null])).toEqual([
      ['Hanne Sundhedsplejerske', true],
      [ADMIN.name, false],
    ]);
    const refused = await attempt(backend, 'team:remove', { memberId: hanne.id });
    expect(refused.ok ? null : refused.error.message).toBe('Tovholderen kan ikke fjernes. Vælg først en ny tovholder.');
    const removed = await must(backend, 'team:remove', { memberId: me.id });
    expect(removed.team.find((m) => m.id === me.id)!.removedAt).not.toBeNull();
    await backend.close();
  });
});

describe('the daily log', () => {
  it('signed entries can be neither edited nor deleted through any channel, nor in SQL; amendments are appended', async () => {
    const { backend, family, categories } = await withFamily();
    const signed = await must(backend, 'journal:sign', entry(family.id, categories[0]!.id, 'Mor trøstede barnet roligt.'));
    expect(signed.author.name).toBe(ADMIN.name);
    const tries = [
      await attempt(backend, 'journal:saveDraft', { ...entry(family.id, categories[0]!.id, 'ændret'), draftId: signed.id }),
      await attempt(backend, 'journal:sign', { ...entry(family.id, categories[0]!.id, 'ændret'), draftId: signed.id }),
      await attempt(backend, 'journal:discardDraft', { draftId: signed.id }),
    ];
    for (const t of tries) expect(t.ok).toBe(false);
    await expect(behindTheAppsBack(backend, `update observations set text = 'x' where id = ${signed.id}`)).rejects.toThrow(/immutable/);
    await expect(behindTheAppsBack(backend, `delete from observations where id = ${signed.id}`)).rejects.toThrow(/immutable/);

    const amended = await must(backend, 'journal:amend', { observationId: signed.id, reason: 'Forkert tidspunkt', text: 'Det var om aftenen.' });
    await must(backend, 'journal:amend', { observationId: signed.id, reason: 'Tilføjelse', text: 'Far var til stede.' });
    const timeline = await must(backend, 'journal:timeline', { familyId: family.id });
    expect(timeline.observations[0]!.text).toBe('Mor trøstede barnet roligt.');
    expect(timeline.observations[0]!.amendments.map((a) => a.reason)).toEqual(['Forkert tidspunkt', 'Tilføjelse']);
    expect(amended.amendments[0]!.author.name).toBe(ADMIN.name);
    await expect(behindTheAppsBack(backend, "update observation_amendments set text = 'x'")).rejects.toThrow(/append-only/);
    // Amendment text is searchable too.
    expect((await must(backend, 'journal:search', { query: 'aftenen' })).hits.map((h) => h.id)).toEqual([signed.id]);
    await backend.close();
  });

  it('drafts survive a backend restart and stay private to their author', async () => {
    const { backend, family, categories } = await withFamily();
    const draft = await must(backend, 'journal:saveDraft', entry(family.id, categories[1]!.id, 'Halvt skrevet notat om natten'));
    await must(backend, 'users:create', { name: 'Bo', initials: 'BO', loginName: 'bo', role: 'staff', temporaryPassword: 'midlertidig 123' });
    await backend.close();

    const again = createBackend({ dataDir: backend.dataDir, scryptN: TEST_SCRYPT_N, diagnose: () => undefined });
    await must(again, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const drafts = await must(again, 'journal:drafts', {});
    expect(drafts.map((d) => [d.id, d.text])).toEqual([[draft.id, 'Halvt skrevet notat om natten']]);
    expect((await must(again, 'journal:timeline', { familyId: family.id })).observations).toEqual([]);
    expect((await must(again, 'journal:search', { query: 'notat' })).hits).toEqual([]);

    await must(again, 'session:logout', {});
    await must(again, 'session:login', { loginName: 'bo', password: 'midlertidig 123' });
    await must(again, 'session:changePassword', { currentPassword: 'midlertidig 123', newPassword: 'bos egen kode 1' });
    expect(await must(again, 'journal:drafts', {})).toEqual([]);
    expect((await attempt(again, 'journal:discardDraft', { draftId: draft.id })).ok).toBe(false);
    expect((await attempt(again, 'journal:sign', { ...entry(family.id, categories[1]!.id, 'kapret'), draftId: draft.id })).ok).toBe(false);
    await again.close();
  });

  it('search is case-insensitive across æøå, matches whole words (prefixes while typing), and ignores accents but not å', async () => {
    const { backend, family, categories } = await withFamily();
    const c = categories[0]!.id;
    const a = await must(backend, 'journal:sign', entry(family.id, c, 'Søvnen var urolig i nat.'));
    const b = await must(backend, 'journal:sign', entry(family.id, c, 'Barnet spiste æblegrød med god appetit.'));
    const d = await must(backend, 'journal:sign', entry(family.id, c, 'Mor drak kaffe på café Ålegården.'));
    const ids = async (query: string, live = false) => (await must(backend, 'journal:search', { query, live })).hits.map((h) => h.id);
    expect(await ids('søvn')).toEqual([a.id]);
    expect(await ids('SØVN')).toEqual([a.id]);
    expect(await ids('ÆBLEGRØD')).toEqual([b.id]);
    expect(await ids('ÆBLE')).toEqual([]); // a submitted search matches whole words
    expect(await ids('ÆBLE', true)).toEqual([b.id]); // while typing, the last word is a prefix
    expect(await ids('cafe')).toEqual([d.id]);
    expect(await ids('ålegården')).toEqual([d.id]);
    expect(await ids('alegarden')).toEqual([]); // å is its own letter
    expect(await ids('aeblegrød')).toEqual([]); // documented: "ae" does not find "æ"
    expect(await ids('urolig søvn')).toEqual([a.id]);
    expect(await ids('nat')).toEqual([a.id]);
    // Timeline search stays inside the family.
    const other = await must(backend, 'families:create', { displayName: 'Anden familie', startDate: '2026-09-01', persons: [{ kind: 'mother', name: 'Eva' }] });
    await must(backend, 'journal:sign', entry(other.id, c, 'Søvnen var fin.'));
    expect((await must(backend, 'journal:timeline', { familyId: family.id, query: 'søvn' })).observations.map((e) => e.id)).toEqual([a.id]);
    expect((await ids('søvn')).length).toBe(2);

    const log = await must(backend, 'accessLog:list', { action: 'search' });
    expect(log.entries.map((e) => JSON.parse(e.detail!).terms)).toContain('ÆBLE');
    await backend.close();
  });

  it('filters the timeline and pages it newest first', async () => {
    const { backend, family, categories } = await withFamily();
    const mother = family.persons[0]!.id;
    for (let i = 0; i < 7; i++) {
      await must(
        backend,
        'journal:sign',
        entry(family.id, categories[i % 2]!.id, `Notat ${i}`, { observedAt: new Date(Date.UTC(2026, 10, 1 + i, 10)).toISOString(), personIds: i % 3 === 0 ? [mother] : [], concern: i === 5 ? 'mild' : 'none' }),
      );
    }
    const first = await must(backend, 'journal:timeline', { familyId: family.id, limit: 3 });
    expect(first.observations.map((e) => e.text)).toEqual(['Notat 6', 'Notat 5', 'Notat 4']);
    const second = await must(backend, 'journal:timeline', { familyId: family.id, limit: 3, cursor: first.cursor! });
    expect(second.observations.map((e) => e.text)).toEqual(['Notat 3', 'Notat 2', 'Notat 1']);
    expect((await must(backend, 'journal:timeline', { familyId: family.id, personId: mother })).observations.map((e) => e.text)).toEqual(['Notat 6', 'Notat 3', 'Notat 0']);
    expect((await must(backend, 'journal:timeline', { familyId: family.id, categoryId: categories[1]!.id })).observations).toHaveLength(3);
    expect((await must(backend, 'journal:timeline', { familyId: family.id, concern: 'mild' })).observations.map((e) => e.text)).toEqual(['Notat 5']);
    expect((await must(backend, 'journal:timeline', { familyId: family.id, from: '2026-11-03', to: '2026-11-04' })).observations.map((e) => e.text)).toEqual(['Notat 3', 'Notat 2']);
    await backend.close();
  });

  it('a serious concern waits on the leader overview until a leader acknowledges it', async () => {
    const { backend, family, categories } = await withFamily();
    const serious = await must(backend, 'journal:sign', entry(family.id, categories[5]!.id, 'Far var påvirket ved aftensmaden.', { concern: 'serious' }));
    let front = await must(backend, 'overview:front', {});
    expect(front.pendingConcerns).toBe(1);
    expect(front.families[0]!.openSeriousConcerns).toBe(1);
    expect((await must(backend, 'concerns:pending', {})).map((e) => e.id)).toEqual([serious.id]);
    await must(backend, 'concerns:acknowledge', { observationId: serious.id, actions: ['team_informed'], note: 'Talt med tovholder.' });
    front = await must(backend, 'overview:front', {});
    expect(front.pendingConcerns).toBe(0);
    expect(front.families[0]!.openSeriousConcerns).toBe(0);
    const [acked] = (await must(backend, 'journal:timeline', { familyId: family.id })).observations;
    expect(acked!.acknowledgement).toMatchObject({ by: { name: ADMIN.name }, note: 'Talt med tovholder.', actions: ['team_informed'] });
    expect((await attempt(backend, 'concerns:acknowledge', { observationId: serious.id, actions: ['other'], note: 'Igen' })).ok).toBe(false);
    await backend.close();
  });

  it('writes reads, searches with terms, and writes of family data to the access log', async () => {
    const { backend, family, categories } = await withFamily();
    await must(backend, 'families:get', { familyId: family.id });
    await must(backend, 'journal:sign', entry(family.id, categories[0]!.id, 'Rolig dag.'));
    await must(backend, 'journal:timeline', { familyId: family.id, query: 'rolig' });
    await must(backend, 'journal:search', { query: 'rolig dag' });
    const log = (await must(backend, 'accessLog:list', { familyId: family.id })).entries;
    const has = (channel: string, action: string) => log.some((e) => e.channel === channel && e.action === action && e.familyId === family.id);
    expect(has('families:create', 'create')).toBe(true);
    expect(has('families:get', 'read')).toBe(true);
    expect(has('journal:sign', 'create')).toBe(true);
    expect(has('journal:timeline', 'read')).toBe(true);
    const search = (await must(backend, 'accessLog:list', { action: 'search' })).entries[0]!;
    // Across families: the terms, and one row per family whose notes the hits showed.
    expect(JSON.parse(search.detail!)).toEqual({ terms: 'rolig dag' });
    expect(search.familyId).toBe(family.id);
    // Note text never goes into the access log.
    expect(log.every((e) => !(e.detail ?? '').includes('Rolig dag.'))).toBe(true);
    await backend.close();
  });
});

describe('dagbog categories', () => {
  it('an administrator adds, orders and retires categories; a category in use keeps its name, and old entries theirs', async () => {
    const { backend, family, categories } = await withFamily();
    const signed = await must(backend, 'journal:sign', entry(family.id, categories[6]!.id, 'Praktisk notat.'));
    await must(backend, 'categories:create', { label: 'Sundhed' });
    const dup = await attempt(backend, 'categories:create', { label: 'sundhed' });
    expect(dup.ok ? null : dup.error.message).toBe('Kategorien findes allerede.');
    let list = await must(backend, 'categories:list', {});
    const sundhed = list.find((c) => c.label === 'Sundhed')!;
    await must(backend, 'categories:move', { categoryId: sundhed.id, direction: 'up' });
    const rename = await attempt(backend, 'categories:update', { categoryId: categories[6]!.id, label: 'Praktisk', active: true });
    expect(rename.ok ? null : rename.error.code).toBe('conflict');
    await must(backend, 'categories:update', { categoryId: sundhed.id, label: 'Sundhed og trivsel', active: true });
    await must(backend, 'categories:update', { categoryId: categories[6]!.id, label: 'Praktisk/andet', active: false });
    list = await must(backend, 'categories:list', {});
    expect(list.map((c) => c.label).slice(-2)).toEqual(['Sundhed og trivsel', 'Praktisk/andet']);
    expect(list.find((c) => c.label === 'Praktisk/andet')).toMatchObject({ active: false, inUse: 1 });
    const forNewEntries = (await must(backend, 'journal:categories', {})).map((c) => c.label);
    expect(forNewEntries).not.toContain('Praktisk/andet');
    expect(forNewEntries[forNewEntries.length - 1]).toBe('Sundhed og trivsel');
    const [kept] = (await must(backend, 'journal:timeline', { familyId: family.id })).observations;
    expect(kept!.id).toBe(signed.id);
    expect(kept!.category!.label).toBe('Praktisk/andet');
    await backend.close();
  });
});

describe('signing a saved draft', () => {
  it('signs the draft row itself, with its persons, and indexes it', async () => {
    const { backend, family, categories } = await withFamily();
    const mother = family.persons[0]!.id;
    const draft = await must(backend, 'journal:saveDraft', entry(family.id, categories[0]!.id, 'Første udkast', { personIds: [mother] }));
    const signed = await must(backend, 'journal:sign', { ...entry(family.id, categories[0]!.id, 'Endelig tekst om amning', { personIds: [mother] }), draftId: draft.id });
    expect(signed.id).toBe(draft.id);
    expect(signed.persons.map((p) => p.id)).toEqual([mother]);
    expect(await must(backend, 'journal:drafts', {})).toEqual([]);
    expect((await must(backend, 'journal:search', { query: 'amning' })).hits.map((h) => h.id)).toEqual([draft.id]);
    expect((await must(backend, 'journal:search', { query: 'udkast' })).hits).toEqual([]);
    await backend.close();
  });
});

describe('editing a person', () => {
  it('keeps the CPR number when the field is left empty, and removes it only when asked', async () => {
    const { backend, family } = await withFamily();
    const mother = family.persons[0]!;
    let updated = await must(backend, 'persons:update', { personId: mother.id, kind: 'mother', name: 'Maja S. Sørensen', keepCpr: true });
    expect(updated.persons[0]).toMatchObject({ name: 'Maja S. Sørensen', cprMasked: '010203-••••' });
    updated = await must(backend, 'persons:update', { personId: mother.id, kind: 'mother', name: 'Maja S. Sørensen', cpr: '0405061234', keepCpr: true });
    expect(updated.persons[0]!.cprMasked).toBe('040506-••••');
    updated = await must(backend, 'persons:update', { personId: mother.id, kind: 'mother', name: 'Maja S. Sørensen', keepCpr: false });
    expect(updated.persons[0]!.cprMasked).toBeNull();
    await backend.close();
  });
});
