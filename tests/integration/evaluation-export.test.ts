import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/age';
import { todayIso } from '../../common/dates';
import { attempt, createUser, loginAs, must, setUp, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', name: 'Bent Bækgaard', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', name: 'Lis Lykkegaard', role: 'leader' as const, password: 'rød båd i havnen 55' };
const items = (n: number, value: number) => Array.from({ length: n }, () => ({ value }));

/** Rows of a CSV text (no quoted cells in these files: codes and numbers only). */
const csv = (text: string) => text.trimEnd().split('\r\n').map((line) => line.split(','));

describe('evalueringsudtræk (VIVE)', () => {
  it('pseudonymised CSV files and a codebook: no name, CPR digits, free text or exact date from the database in any file', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    await createUser(backend, LIS);
    const T = todayIso();
    const day = (n: number) => addDays(T, n);
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const instruments = await must(backend, 'instruments:list', {});
    const id = (key: string) => instruments.find((i) => i.key === key)!.id;

    const family = await must(backend, 'families:create', {
      displayName: 'Familien Kjærgaard-Rask',
      startDate: day(-200),
      municipality: 'Randers Kommune',
      caseworkerName: 'Sagsbehandler Vibeke Østergaard',
      caseworkerContact: 'vibeke@randers.example',
      persons: [
        { kind: 'mother', name: 'Sabrina Kjærgaard', cpr: '150295-4821' },
        { kind: 'father', name: 'Jonas Rask', cpr: '0301921137' },
        { kind: 'child', name: 'Alma Kjærgaard', birthDate: day(-180), dueDate: day(-160) },
      ],
    });
    const person = (kind: string) => family.persons.find((p) => p.kind === kind)!.id;
    await must(backend, 'team:add', { familyId: family.id, userId: bentId, role: 'family_therapist' });
    await must(backend, 'team:add', { familyId: family.id, name: 'Psykolog Hanne Holmgaard', role: 'psychologist' });
    await must(backend, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: day(-190) });
    const note = await must(backend, 'journal:sign', {
      familyId: family.id,
      observedAt: new Date(Date.now() - 3_600_000).toISOString(),
      shift: 'day',
      categoryId,
      personIds: [],
      text: 'Sabrina trøstede Alma roligt efter vaccinationen hos lægen',
      concern: 'serious',
    });
    await must(backend, 'journal:amend', { observationId: note.id, reason: 'Præcisering af stedet', text: 'Det var hos praktiserende læge i Vestergade' });
    await must(backend, 'underretninger:create', { familyId: family.id, sentOn: day(-30), municipality: 'Randers Kommune', reason: 'Far kom beruset hjem sent om aftenen' });
    await must(backend, 'measurements:create', { familyId: family.id, personId: person('mother'), instrumentId: id('pss'), measuredOn: day(-185), items: items(18, 3), note: 'Sabrina var træt under udfyldningen' });
    const adbb = await must(backend, 'measurements:create', { familyId: family.id, personId: person('child'), instrumentId: id('adbb'), measuredOn: day(-100), items: items(8, 1) });
    await must(backend, 'measurements:correct', { measurementId: adbb.id, reason: 'Punkt otte var nul', measuredOn: day(-100), items: [...items(7, 1), { value: 0 }] });
    await must(backend, 'measurements:create', {
      familyId: family.id,
      personId: person('child'),
      instrumentId: id('nbo'),
      measuredOn: day(-175),
      items: Array.from({ length: 18 }, (_, i) => ({ text: i === 0 ? 'Alma drejede hovedet mod morens stemme' : '' })),
    });
    await must(backend, 'measurements:create', { familyId: family.id, personId: person('mother'), instrumentId: id('ea'), measuredOn: day(-90), raterName: 'Psykolog Hanne Holmgaard', items: items(6, 5) });
    await must(backend, 'measurements:create', { familyId: family.id, personId: person('mother'), instrumentId: id('srs'), staffId: bentId, measuredOn: day(-60), items: items(4, 9.5) });
    const goal = await must(backend, 'goals:create', { familyId: family.id, text: 'Jeg vil finde en vuggestue tæt på Vestergade', area: 'other', areaOther: 'Dagtilbud og hverdagsliv', startDate: day(-150) });
    await must(backend, 'goals:review', {
      goalId: goal.id,
      reviewedOn: day(-120),
      staffScore: 4,
      parentScore: 7,
      parentComment: 'Jeg har ringet til tre institutioner selv',
      note: 'Mor tog selv initiativ til besøget',
      otherParticipants: ['Mormor Gitte Kjærgaard'],
    });
    await must(backend, 'families:changePhase', { familyId: family.id, phase: 'closing', fromDate: day(-20) });
    await loginAs(backend, LIS.loginName, LIS.password);
    await must(backend, 'families:close', { familyId: family.id, endDate: day(-2), outcome: 'own_home', outcomeNote: 'Flyttede hjem til lejligheden på Søndergade med støtte' });
    const current = await must(backend, 'families:create', { displayName: 'Familien Ørnebjerg', startDate: day(-30), persons: [{ kind: 'mother', name: 'Katrine Ørnebjerg' }] });

    // Staff may not export.
    await loginAs(backend, BENT.loginName, BENT.password);
    expect((await attempt(backend, 'evaluation:export', {})).ok).toBe(false);
    await loginAs(backend, LIS.loginName, LIS.password);
    const exported = await must(backend, 'evaluation:export', {});
    expect(exported.familyCount).toBe(1);
    expect(exported.files.map((f) => [f.fileName, f.mediaType])).toEqual([
      ['families.csv', 'text/csv'],
      ['measurements.csv', 'text/csv'],
      ['goals.csv', 'text/csv'],
      ['goal_reviews.csv', 'text/csv'],
      ['alliance.csv', 'text/csv'],
      ['codebook.json', 'application/json'],
    ]);
    const file = (name: string) => exported.files.find((f) => f.fileName === name)!.content;

    // Nothing from the database that identifies or tells: every name, CPR number (and its digit runs) and text.
    const texts = async (query: string) => (await behindTheAppsBack(backend, query)).filter((s): s is string => typeof s === 'string' && s.length >= 4);
    const forbidden = [
      ...await texts('select name from persons'),
      ...await texts('select display_name from families union all select municipality from families union all select caseworker_name from families union all select caseworker_contact from families union all select outcome_note from families'),
      ...await texts('select name from users'),
      ...await texts('select name from team_members'),
      ...await texts('select text from observations union all select text from observation_amendments union all select reason from observation_amendments'),
      ...await texts('select reason from underretninger'),
      ...await texts('select text from goal_revisions union all select area_other from goal_revisions union all select note from goal_reviews union all select parent_comment from goal_reviews union all select name from goal_review_participants'),
      ...await texts('select note from measurement_revisions union all select rater_name from measurement_revisions union all select reason from measurement_revisions'),
      ...((await behindTheAppsBack(backend, 'select items from measurement_revisions')) as string[]).flatMap((json) => (JSON.parse(json) as Array<{ text: string | null }>).flatMap((i) => (i.text ? [i.text] : []))),
    ];
    const cprs = await texts('select cpr from persons');
    expect(cprs).toHaveLength(2);
    expect(forbidden.length).toBeGreaterThan(20);
    for (const f of exported.files) {
      for (const s of forbidden) expect(f.content.includes(s), `${f.fileName} contains "${s}"`).toBe(false);
      for (const cpr of cprs) {
        const digits = cpr.replace(/\D/g, '');
        for (const run of [cpr, digits, digits.slice(0, 6), digits.slice(6)]) expect(f.content.includes(run), `${f.fileName} contains CPR digits ${run}`).toBe(false);
      }
      expect(f.content, `${f.fileName}: no run of six digits`).not.toMatch(/\d{6}/);
      expect(f.content, `${f.fileName}: no calendar date`).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}/);
    }

    // What it does hold: days since move-in, corrected ages, totals and flags, areas and scores, the destination.
    const [familyHeader, familyRow] = csv(file('families.csv'));
    const row = Object.fromEntries(familyHeader!.map((h, i) => [h, familyRow![i]]));
    expect(row).toMatchObject({ status: 'closed', day0_basis: 'move_in', intake_start_day: '-10', stay_start_day: '0', closing_start_day: '170', end_day: '188', destination: 'own_home', children: '1', parents: '2', child_birth_day: '10' });
    expect(row.family_code).toMatch(/^F-[A-Z2-9]{6}$/);
    const measurements = csv(file('measurements.csv'));
    expect(measurements[0]).toEqual(['family_code', 'subject_code', 'subject_kind', 'instrument', 'instrument_version', 'day', 'child_age_months', 'interval_months', 'total', 'cutoff', 'flagged', 'zone', 'corrected', 'item_scores']);
    expect(measurements.slice(1).map((r) => r.slice(1))).toEqual([
      ['P1', 'mother', 'PSS', '1', '5', '', '', String(8 * 3 + 10 * 3), '', '', '', '0', ''],
      ['C1', 'child', 'ADBB', '1', '90', '2', '', '7', '5', '1', 'flagged', '1', ''],
      ['P1', 'mother', 'EA', '1', '100', '', '', '', '', '', '', '0', '5;5;5;5;5;5'],
    ]);
    expect(csv(file('goals.csv')).slice(1).map((r) => r.slice(1))).toEqual([['G1', 'other', 'active', '40', '', '0', '10']]);
    expect(csv(file('goal_reviews.csv')).slice(1).map((r) => r.slice(1))).toEqual([['G1', '70', '4', '7']]);
    expect(csv(file('alliance.csv')).slice(1).map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual([['P1', 'SRS', '130', '38', '0']]);
    expect(csv(file('alliance.csv'))[1]![1]).toMatch(/^S-[A-Z2-9]{4}$/);

    // The codebook describes every column of every file.
    const codebook = JSON.parse(file('codebook.json')) as { files: Array<{ fileName: string; rows: number; columns: Array<{ name: string; description: string }> }>; instruments: Array<{ name: string }> };
    for (const f of exported.files.filter((x) => x.mediaType === 'text/csv')) {
      const entry = codebook.files.find((c) => c.fileName === f.fileName)!;
      expect(entry.columns.map((c) => c.name)).toEqual(csv(f.content)[0]);
      expect(entry.columns.every((c) => c.description.length > 10)).toBe(true);
      expect(entry.rows).toBe(csv(f.content).length - 1);
    }
    expect(codebook.instruments.map((i) => i.name)).toEqual(['ADBB', 'EA', 'PSS', 'SRS']);

    // A new random code per export; current families only when asked; every family named in the access log.
    const again = await must(backend, 'evaluation:export', { includeCurrent: true });
    expect(again.familyCount).toBe(2);
    const codes = csv(again.files[0]!.content).slice(1).map((r) => r[0]);
    expect(codes).not.toContain(row.family_code);
    const log = (await must(backend, 'accessLog:list', { action: 'export' })).entries.filter((e) => e.channel === 'evaluation:export');
    expect(log.map((e) => e.familyId).sort()).toEqual([family.id, family.id, current.id].sort());
    expect(log.every((e) => e.subject === 'evalueringsudtræk')).toBe(true);
    await backend.close();
  });
});
