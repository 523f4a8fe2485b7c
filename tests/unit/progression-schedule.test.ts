import { describe, expect, it } from 'vitest';
import { addDays, ageBetween, childAge, compareAge, firstDateAtAge, lastDateAtAge, type ChildDates } from '../../common/age';
import { instrumentDefinitionSchema } from '../../common/instruments';
import { dueList, type ScheduleMeasurement, type SchedulePerson } from '../../common/schedule';
import { BUILTINS } from '../../db/migrations/data/0006_builtin_instruments';

/** The built-in instruments exactly as the migration stores them, read through the one schema. */
const builtin = (key: string) => instrumentDefinitionSchema.parse(BUILTINS.find(([k]) => k === key)![1]);
const instruments = [
  { id: 1, definition: builtin('adbb') },
  { id: 2, definition: builtin('asq_se_2') },
  { id: 3, definition: builtin('pss') },
  { id: 4, definition: builtin('srs') },
];
const ADBB = 1;
const ASQ = 2;
const PSS = 3;

const brief = (items: ReturnType<typeof dueList>) => items.map((i) => [i.instrumentName, i.interval, i.status, i.dueFrom, i.overdueAfter]);

describe('age in months and days, corrected for prematurity', () => {
  it('counts whole months from the birth date, then days', () => {
    expect(ageBetween('2026-01-31', '2026-02-27')).toEqual({ months: 0, days: 27 });
    expect(ageBetween('2026-01-31', '2026-02-28')).toEqual({ months: 1, days: 0 });
    expect(ageBetween('2026-01-31', '2026-03-30')).toEqual({ months: 1, days: 30 });
    expect(ageBetween('2026-01-31', '2026-03-31')).toEqual({ months: 2, days: 0 });
    expect(ageBetween('2026-03-10', '2026-03-09')).toBeNull();
  });

  it('corrects by the whole weeks born early when born 3 weeks or more early, until 24 months', () => {
    const premature: ChildDates = { birthDate: '2026-01-05', dueDate: '2026-03-02' }; // 56 days: 8 weeks early
    expect(childAge(premature, '2026-04-10')).toEqual({ age: { months: 1, days: 8 }, chronological: { months: 3, days: 5 }, corrected: true, weeksEarly: 8 });
    expect(childAge(premature, '2028-01-04')).toMatchObject({ age: { months: 22, days: 2 }, corrected: true });
    expect(childAge(premature, '2028-01-05')).toMatchObject({ age: { months: 24, days: 0 }, corrected: false });
    // Two weeks early: not corrected. 20 days early: still under three whole weeks.
    expect(childAge({ birthDate: '2026-01-05', dueDate: '2026-01-19' }, '2026-04-10')).toMatchObject({ age: { months: 3, days: 5 }, corrected: false, weeksEarly: 2 });
    expect(childAge({ birthDate: '2026-01-05', dueDate: '2026-01-25' }, '2026-04-10')).toMatchObject({ corrected: false });
    expect(childAge({ birthDate: '2026-01-05', dueDate: '2026-01-26' }, '2026-04-10')).toMatchObject({ corrected: true, weeksEarly: 3 });
  });

  it('the first and last date at an age agree with counting day by day', () => {
    const children: ChildDates[] = [
      { birthDate: '2026-01-31', dueDate: null },
      { birthDate: '2026-03-10', dueDate: '2026-03-14' },
      { birthDate: '2026-01-05', dueDate: '2026-03-02' },
      { birthDate: '2025-02-28', dueDate: '2025-04-11' },
    ];
    for (const child of children) {
      const ages: string[] = [];
      for (let d = 0; d < 1000; d++) ages.push(addDays(child.birthDate, d));
      for (const target of [{ months: 1, days: 0 }, { months: 2, days: 30 }, { months: 6, days: 0 }, { months: 8, days: 30 }, { months: 20, days: 15 }, { months: 24, days: 0 }, { months: 26, days: 30 }]) {
        const first = ages.find((day) => compareAge(childAge(child, day)!.age, target) >= 0);
        const last = [...ages].reverse().find((day) => compareAge(childAge(child, day)!.age, target) <= 0);
        expect(firstDateAtAge(child, target), JSON.stringify([child, target])).toBe(first);
        expect(lastDateAtAge(child, target), JSON.stringify([child, target])).toBe(last);
      }
    }
  });
});

describe('the due list', () => {
  const family = { startDate: '2026-04-01', moveInDate: '2026-04-15', endDate: null };
  const persons: SchedulePerson[] = [
    { id: 10, kind: 'mother', name: 'Mor', birthDate: '1999-05-01', dueDate: null },
    { id: 11, kind: 'child', name: 'Baby', birthDate: '2026-03-10', dueDate: '2026-03-14' },
  ];
  const list = (today: string, measurements: ScheduleMeasurement[] = []) => dueList({ today, family, persons, instruments, measurements });

  it('a child born 10.03.2026, moved in 15.04.2026: on 20.04 the 2-month ASQ:SE-2 and the parent\'s PSS are due', () => {
    expect(brief(list('2026-04-20'))).toEqual([
      ['ASQ:SE-2', 2, 'due', '2026-04-15', '2026-05-10'],
      ['PSS', null, 'due', '2026-04-15', '2026-04-29'],
    ]);
    expect(list('2026-04-20')[0]).toMatchObject({ personId: 11, until: '2026-06-09', reason: '2-måneders-skema: alder 1 mdr. – 2 mdr. 30 d.' });
  });

  it('on 12.05: the ASQ:SE-2 is overdue (the child is 2 months), ADBB is due from 2 months; PSS is next in 12 weeks', () => {
    const done: ScheduleMeasurement[] = [{ instrumentId: PSS, personId: 10, measuredOn: '2026-04-20', interval: null, zone: null }];
    expect(brief(list('2026-05-12', done))).toEqual([
      ['ASQ:SE-2', 2, 'overdue', '2026-04-15', '2026-05-10'],
      ['ADBB', null, 'due', '2026-05-10', '2026-05-17'],
    ]);
    // Two weeks before the next PSS, it shows as upcoming.
    expect(brief(list('2026-06-29', done)).find((i) => i[0] === 'PSS')).toEqual(['PSS', null, 'upcoming', '2026-07-13', '2026-07-27']);
  });

  it('on 15.06: a flagged ADBB is repeated within two weeks (overdue), the 6-month ASQ:SE-2 is due, the 2-month one was missed', () => {
    const done: ScheduleMeasurement[] = [
      { instrumentId: PSS, personId: 10, measuredOn: '2026-04-20', interval: null, zone: null },
      { instrumentId: ADBB, personId: 11, measuredOn: '2026-05-12', interval: null, zone: 'flagged' },
    ];
    expect(brief(list('2026-06-15', done))).toEqual([
      ['ADBB', null, 'overdue', '2026-05-26', '2026-06-02'],
      ['ASQ:SE-2', 6, 'due', '2026-06-10', '2026-09-10'],
      ['ASQ:SE-2', 2, 'missed', '2026-04-15', '2026-05-10'],
    ]);
    // Not flagged: every four weeks.
    const calm = done.map((m) => ({ ...m, zone: m.instrumentId === ADBB ? ('ok' as const) : m.zone }));
    expect(brief(list('2026-06-15', calm)).find((i) => i[0] === 'ADBB')).toEqual(['ADBB', null, 'due', '2026-06-09', '2026-06-16']);
    // A questionnaire done is done.
    expect(list('2026-06-15', [...done, { instrumentId: ASQ, personId: 11, measuredOn: '2026-06-12', interval: 6, zone: null }]).some((i) => i.interval === 6)).toBe(false);
  });

  it('a premature child (born 05.01.2026, due 02.03.2026: 8 weeks early) is scheduled by its corrected age', () => {
    const premature: SchedulePerson[] = [
      { id: 20, kind: 'father', name: 'Far', birthDate: '1995-01-01', dueDate: null },
      { id: 21, kind: 'child', name: 'Lille', birthDate: '2026-01-05', dueDate: '2026-03-02' },
    ];
    const at = (today: string) => dueList({ today, family: { startDate: '2026-02-01', moveInDate: '2026-02-01', endDate: null }, persons: premature, instruments, measurements: [] });
    // 10.04: 3 months old by the calendar, 1 month 8 days corrected: the 2-month questionnaire, not the 6-month one; no ADBB before 2 months corrected.
    expect(brief(at('2026-04-10'))).toEqual([
      ['PSS', null, 'overdue', '2026-02-01', '2026-02-15'],
      ['ASQ:SE-2', 2, 'due', '2026-04-02', '2026-05-02'],
    ]);
    expect(at('2026-04-10')[1]!.reason).toBe('2-måneders-skema: korrigeret alder 1 mdr. – 2 mdr. 30 d.');
    // 20.04: ADBB is upcoming, from 2 months corrected (02.05.2026).
    expect(brief(at('2026-04-20')).find((i) => i[0] === 'ADBB')).toEqual(['ADBB', null, 'upcoming', '2026-05-02', '2026-05-09']);
  });

  it('nothing is due for a closed family, an unborn child gets no child instruments, and a session rating has no schedule', () => {
    expect(dueList({ today: '2026-05-01', family: { ...family, endDate: '2026-04-30' }, persons, instruments, measurements: [] })).toEqual([]);
    const unborn = dueList({ today: '2026-05-01', family, persons: [{ id: 30, kind: 'child', name: 'Ufødt barn', birthDate: null, dueDate: '2026-07-01' }], instruments, measurements: [] });
    expect(unborn).toEqual([]);
  });

  it('a child who leaves the ADBB age band (2–24 completed months) leaves its schedule', () => {
    const older: SchedulePerson[] = [{ id: 40, kind: 'child', name: 'Stor', birthDate: '2024-03-01', dueDate: null }];
    const at = (today: string, measuredOn: string) =>
      dueList({ today, family: { startDate: '2026-01-10', moveInDate: '2026-01-10', endDate: null }, persons: older, instruments: [instruments[0]!], measurements: [{ instrumentId: ADBB, personId: 40, measuredOn, interval: null, zone: 'ok' }] });
    // Born 01.03.2024: 24 completed months until 31.03.2026.
    expect(brief(at('2026-02-25', '2026-02-01'))).toEqual([['ADBB', null, 'upcoming', '2026-03-01', '2026-03-08']]);
    expect(at('2026-02-25', '2026-02-01')[0]!.until).toBe('2026-03-31');
    // The next one (07.04) would fall after the band: nothing more is due.
    expect(brief(at('2026-03-20', '2026-03-10'))).toEqual([]);
  });
});
