import { describe, expect, it } from 'vitest';
import { addDays } from '../../common/age';
import { todayIso } from '../../common/dates';
import { attempt, createUser, loginAs, must, setUp } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', role: 'leader' as const, password: 'rød båd i havnen 55' };
const items = (n: number, value: number) => Array.from({ length: n }, () => ({ value }));

describe('progression: the family, its charts and the leaders\' overview', () => {
  it('flags, overdue measurements and reviews, and alliance alerts; chart data with cut-off bands and phase markers', async () => {
    const { backend } = await setUp();
    const bentId = await createUser(backend, BENT);
    await createUser(backend, LIS);
    const T = todayIso();
    const day = (n: number) => addDays(T, n);
    const instruments = await must(backend, 'instruments:list', {});
    const id = (key: string) => instruments.find((i) => i.key === key)!.id;

    // Moved in 50 days ago with a baby of 4 months: no PSS yet (overdue), a flagged ADBB, a goal never reviewed, a falling SRS.
    const holm = await must(backend, 'families:create', {
      displayName: 'Familien Holm',
      startDate: day(-60),
      persons: [
        { kind: 'mother', name: 'Mette Holm' },
        { kind: 'child', name: 'Ida Holm', birthDate: day(-130), dueDate: day(-128) },
      ],
    });
    await must(backend, 'families:changePhase', { familyId: holm.id, phase: 'stay', fromDate: day(-50) });
    await must(backend, 'team:add', { familyId: holm.id, userId: bentId, role: 'family_therapist' });
    const mette = holm.persons.find((p) => p.kind === 'mother')!.id;
    const ida = holm.persons.find((p) => p.kind === 'child')!.id;
    const adbb = await must(backend, 'measurements:create', { familyId: holm.id, personId: ida, instrumentId: id('adbb'), measuredOn: day(-20), items: [...items(6, 1), ...items(2, 0)] });
    expect(adbb.zone).toBe('flagged');
    await must(backend, 'measurements:create', { familyId: holm.id, personId: mette, instrumentId: id('ors'), measuredOn: day(-14), items: items(4, 7) });
    await must(backend, 'measurements:create', { familyId: holm.id, personId: mette, instrumentId: id('srs'), staffId: bentId, measuredOn: day(-14), items: items(4, 9.8) });
    await must(backend, 'measurements:create', { familyId: holm.id, personId: mette, instrumentId: id('srs'), staffId: bentId, measuredOn: day(-7), items: items(4, 8.7) });
    const goal = await must(backend, 'goals:create', { familyId: holm.id, text: 'Jeg vil læse Idas signaler', area: 'interaction', startDate: day(-40) });

    // Moved in 10 days ago, measured at move-in: nothing to act on.
    const berg = await must(backend, 'families:create', { displayName: 'Familien Berg', startDate: day(-10), persons: [{ kind: 'mother', name: 'Mor Berg' }] });
    await must(backend, 'families:changePhase', { familyId: berg.id, phase: 'stay', fromDate: day(-10) });
    await must(backend, 'measurements:create', { familyId: berg.id, personId: berg.persons[0]!.id, instrumentId: id('pss'), measuredOn: day(-5), items: items(18, 2) });
    await must(backend, 'goals:create', { familyId: berg.id, text: 'Vi vil finde en lejlighed', area: 'practical', startDate: day(-5) });

    // The family's own progression data.
    const progression = await must(backend, 'progression:family', { familyId: holm.id });
    expect(progression.moveInDate).toBe(day(-50));
    expect(progression.children).toEqual([{ personId: ida, name: 'Ida Holm', birthDate: day(-130), dueDate: day(-128), ageToday: expect.objectContaining({ corrected: false, weeksEarly: 0 }) }]);
    expect(progression.due.map((d) => [d.instrumentName, d.interval, d.status, d.personName])).toEqual([
      ['PSS', null, 'overdue', 'Mette Holm'],
      ['ASQ:SE-2', 6, 'due', 'Ida Holm'],
      ['ADBB', null, 'due', 'Ida Holm'],
      ['ASQ:SE-2', 2, 'missed', 'Ida Holm'],
    ]);
    expect(progression.due.find((d) => d.instrumentName === 'ADBB')).toMatchObject({ dueFrom: day(-6), reason: 'Gentages 14 dage efter en måling over grænseværdien' });
    expect(progression.alliance).toEqual([
      {
        staff: { id: bentId, name: BENT.loginName, initials: 'BEN' },
        instrumentId: id('srs'),
        instrumentName: 'SRS',
        cutoff: { rule: 'lte', value: 36 },
        points: [expect.objectContaining({ date: day(-14), total: 39.2, zone: 'ok' }), expect.objectContaining({ date: day(-7), total: 34.8, zone: 'flagged' })],
        alert: { low: true, falling: true },
      },
    ]);
    expect(progression.goalReviews).toEqual([{ goalId: goal.id, text: 'Jeg vil læse Idas signaler', dueOn: day(-12), overdue: true, targetPassed: false }]);
    expect(progression.measurements.map((m) => m.instrument.name)).toEqual(['SRS', 'SRS', 'ORS', 'ADBB']);

    // Chart data: totals with the cut-off band and direction per instrument, phase markers, goal reviews, alliance.
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: day(-1), staffScore: 3, parentScore: 5 });
    const chart = await must(backend, 'progression:chart', { familyId: holm.id });
    expect(chart.phases).toEqual([{ phase: 'intake', fromDate: day(-60) }, { phase: 'stay', fromDate: day(-50) }]);
    expect(chart.instruments.map((i) => [i.name, i.direction, i.range, i.cutoff])).toEqual([
      ['ADBB', 'higher_worse', { min: 0, max: 32 }, { rule: 'gte', value: 5, label: 'Tegn på social tilbagetrækning' }],
      ['ORS', 'higher_better', { min: 0, max: 40 }, { rule: 'lt', value: 25, label: 'Under klinisk cut-off (voksne)' }],
    ]);
    expect(chart.instruments[0]!.series).toEqual([
      { personId: ida, personName: 'Ida Holm', points: [expect.objectContaining({ measurementId: adbb.id, date: day(-20), total: 6, flagged: true, cutoffValue: 5, ageMonths: expect.any(Number) })] },
    ]);
    expect(chart.goals).toEqual([expect.objectContaining({ goalId: goal.id, scale: { min: 0, max: 10, lowLabel: null, highLabel: null }, reviews: [expect.objectContaining({ date: day(-1), staffScore: 3, parentScore: 5 })] })]);
    expect(chart.alliance.map((a) => a.points.map((p) => p.total))).toEqual([[39.2, 34.8]]);
    expect((await must(backend, 'progression:chart', { familyId: holm.id, from: day(-15) })).instruments.map((i) => i.name)).toEqual(['ORS']);

    // The leaders' overview: families to act on first.
    await loginAs(backend, BENT.loginName, BENT.password);
    expect((await attempt(backend, 'progression:overview', {})).ok).toBe(false);
    await loginAs(backend, LIS.loginName, LIS.password);
    const overview = await must(backend, 'progression:overview', {});
    expect(overview.families.map((f) => [f.displayName, f.attention])).toEqual([['Familien Holm', true], ['Familien Berg', false]]);
    const row = overview.families[0]!;
    expect(row.flagged).toEqual([{ measurementId: adbb.id, instrumentName: 'ADBB', personName: 'Ida Holm', measuredOn: day(-20), total: 6, cutoff: 5, rule: 'gte' }]);
    expect(row.overdueMeasurements.map((m) => [m.instrumentName, m.personName, m.dueFrom])).toEqual([['PSS', 'Mette Holm', day(-50)]]);
    // Reviewed yesterday: no longer overdue.
    expect(row.overdueReviews).toEqual([]);
    expect(row.allianceAlerts.map((a) => [a.staff.name, a.alert])).toEqual([[BENT.loginName, { low: true, falling: true }]]);

    // A new, calm ADBB: the flag goes; a good SRS: the alliance alert goes.
    await loginAs(backend, BENT.loginName, BENT.password);
    await must(backend, 'measurements:create', { familyId: holm.id, personId: ida, instrumentId: id('adbb'), measuredOn: day(-1), items: items(8, 0) });
    await must(backend, 'measurements:create', { familyId: holm.id, personId: mette, instrumentId: id('srs'), staffId: bentId, measuredOn: day(0), items: items(4, 9.5) });
    await loginAs(backend, LIS.loginName, LIS.password);
    const after = (await must(backend, 'progression:overview', {})).families.find((f) => f.familyId === holm.id)!;
    expect([after.flagged, after.allianceAlerts]).toEqual([[], []]);
    const log = (await must(backend, 'accessLog:list', { action: 'read' })).entries.filter((e) => e.channel === 'progression:overview');
    expect(new Set(log.map((e) => e.familyId))).toEqual(new Set([holm.id, berg.id]));
    await backend.close();
  });
});
