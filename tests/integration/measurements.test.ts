import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../common/channels';
import type { Instrument } from '../../common/instruments';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, attempt, createUser, loginAs, must, setUp, tableChecksums, behindTheAppsBack } from '../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', role: 'leader' as const, password: 'rød båd i havnen 55' };

let backend: BackendCore;
let familyId: number;
let mother: number;
let father: number;
let child: number;
let premature: number;
let unborn: number;
let bentId: number;
const ids: Record<string, number> = {};
let builtins: Instrument[];

const values = (...v: number[]) => v.map((value) => ({ value }));
const repeat = (n: number, value: number) => Array.from({ length: n }, () => ({ value }));
type Create = ChannelInput<'measurements:create'>;
const measure = (input: Omit<Create, 'familyId'>) => must(backend, 'measurements:create', { familyId, ...input });
const refused = async (input: Omit<Create, 'familyId'>) => {
  const before = await tableChecksums(backend);
  const result = await attempt(backend, 'measurements:create', { familyId, ...input });
  expect(await tableChecksums(backend), 'nothing is written').toEqual(before);
  return result.ok ? null : { code: result.error.code, messages: result.error.issues?.map((i) => i.message) ?? [result.error.message] };
};

beforeAll(async () => {
  ({ backend } = await setUp());
  bentId = await createUser(backend, BENT);
  await createUser(backend, LIS);
  const family = await must(backend, 'families:create', {
    displayName: 'Familien Kjærgaard',
    startDate: '2026-06-01',
    persons: [
      { kind: 'mother', name: 'Sabrina Kjærgaard' },
      { kind: 'father', name: 'Jonas Kjærgaard' },
      { kind: 'child', name: 'Alma Kjærgaard', birthDate: '2026-05-10', dueDate: '2026-05-12' },
      // Born eight weeks before the terminsdato.
      { kind: 'child', name: 'Ellen Kjærgaard', birthDate: '2026-08-01', dueDate: '2026-09-26' },
      { kind: 'sibling', name: 'Storebror', birthDate: '2021-02-01' },
      { kind: 'child', dueDate: '2027-03-01' },
    ],
  });
  familyId = family.id;
  const byName = (name: string) => family.persons.find((p) => p.name === name)!.id;
  mother = byName('Sabrina Kjærgaard');
  father = byName('Jonas Kjærgaard');
  child = byName('Alma Kjærgaard');
  premature = byName('Ellen Kjærgaard');
  unborn = family.persons.find((p) => p.kind === 'child' && !p.birthDate)!.id;
  builtins = await must(backend, 'instruments:list', {});
  for (const i of builtins) if (i.key) ids[i.key] = i.id;
});

afterAll(() => backend.close());

describe('the built-in instruments', () => {
  it('are listed with their definitions: numbers and short names, never item wording', () => {
    expect(builtins.map((i) => [i.key, i.definition.name, i.version, i.builtin])).toEqual([
      ['adbb', 'ADBB', 1, true],
      ['asq_se_2', 'ASQ:SE-2', 1, true],
      ['ea', 'EA', 1, true],
      ['nbo', 'NBO', 1, true],
      ['ors', 'ORS', 1, true],
      ['pdi_rf', 'PDI-RF', 1, true],
      ['pss', 'PSS', 1, true],
      ['srs', 'SRS', 1, true],
    ]);
    const adbb = builtins.find((i) => i.key === 'adbb')!.definition;
    expect(adbb).toMatchObject({ subject: 'child', ageBand: { fromMonths: 2, toMonths: 24 }, items: { count: 8, min: 0, max: 4 }, cutoff: { rule: 'gte', value: 5 }, direction: 'higher_worse' });
  });
});

describe('measurements scored by the backend', () => {
  it('ADBB on a child of 2–24 months: total and flag at 5', async () => {
    const m = await measure({ personId: child, instrumentId: ids.adbb!, measuredOn: '2026-08-01', items: values(1, 0, 1, 0, 1, 0, 1, 1) });
    expect(m).toMatchObject({ total: 5, zone: 'flagged', flagged: true, cutoff: { rule: 'gte', value: 5 }, instrument: { name: 'ADBB', version: 1 }, person: { id: child } });
    expect(m.age).toEqual({ months: 2, days: 22, corrected: false, weeksEarly: 0 });
    expect(m.rater).toEqual({ userId: 1, name: ADMIN.name });
    expect(m.history).toHaveLength(1);
  });

  it('PSS on a parent with items 1, 2, 5, 6, 7, 8, 17 and 18 reverse-scored', async () => {
    const items = repeat(18, 2);
    items[0] = { value: 5 }; // reverse: 1
    items[3] = { value: 5 }; // not reverse: 5
    const m = await measure({ personId: mother, instrumentId: ids.pss!, measuredOn: '2026-06-05', items });
    // 16 items at 2: the 7 reversed of them count 4 (6 − 2), the 9 others 2; item 1 counts 1, item 4 counts 5.
    expect(m.total).toBe(7 * 4 + 9 * 2 + 1 + 5);
    expect(m.items.slice(0, 4).map((i) => [i.value, i.score])).toEqual([[5, 1], [2, 4], [2, 2], [5, 5]]);
    expect(m).toMatchObject({ zone: null, flagged: false, cutoff: null, age: null });
  });

  it('ORS below 25 is flagged; SRS needs the staff member of the session and flags 36 or less', async () => {
    expect(await measure({ personId: mother, instrumentId: ids.ors!, measuredOn: '2026-06-10', items: values(6.5, 7.2, 8.1, 2) })).toMatchObject({ total: 23.8, zone: 'flagged' });
    expect(await refused({ personId: mother, instrumentId: ids.srs!, measuredOn: '2026-06-10', items: values(9, 9, 9, 9) })).toEqual({ code: 'invalid_input', messages: ['Vælg den medarbejder, samtalen var med.'] });
    const srs = await measure({ personId: mother, instrumentId: ids.srs!, staffId: bentId, measuredOn: '2026-06-10', items: values(9, 9, 9, 9) });
    expect(srs).toMatchObject({ total: 36, zone: 'flagged', staff: { id: bentId, name: BENT.loginName }, instrument: { perStaff: true } });
    expect(await refused({ personId: mother, instrumentId: ids.ors!, staffId: bentId, measuredOn: '2026-06-10', items: values(9, 9, 9, 9) })).toEqual({
      code: 'invalid_input',
      messages: ['ORS vurderer ikke en samtale med en bestemt medarbejder.'],
    });
  });

  it('NBO is a structured note on a newborn; PDI-RF and EA are entered by an external coder', async () => {
    const notes = Array.from({ length: 18 }, (_, i) => ({ text: i < 2 ? `Observation ${i + 1}: rolig` : '' }));
    const nbo = await measure({ personId: child, instrumentId: ids.nbo!, measuredOn: '2026-06-15', items: notes, note: 'Forældrene så barnets signaler.' });
    expect(nbo).toMatchObject({ total: null, zone: null, note: 'Forældrene så barnets signaler.' });
    expect(nbo.items.slice(0, 3).map((i) => i.text)).toEqual(['Observation 1: rolig', 'Observation 2: rolig', null]);
    const pdi = await measure({ personId: father, instrumentId: ids.pdi_rf!, measuredOn: '2026-06-20', raterName: 'Psykolog Hanne Holm', items: values(3) });
    expect(pdi).toMatchObject({ total: 3, rater: { userId: null, name: 'Psykolog Hanne Holm' } });
    const ea = await measure({ personId: mother, instrumentId: ids.ea!, measuredOn: '2026-06-20', raterName: 'Psykolog Hanne Holm', items: values(5, 4, 6, 7, 5, 4) });
    expect(ea).toMatchObject({ total: null, zone: null });
    expect(ea.items.map((i) => i.score)).toEqual([5, 4, 6, 7, 5, 4]);
  });

  it('invalid item values are refused with Danish messages, every problem at once, and nothing is written', async () => {
    expect(await refused({ personId: child, instrumentId: ids.adbb!, measuredOn: '2026-08-01', items: values(5, -1, 0.5, 0, 0, 0, 0, 0) })).toEqual({
      code: 'invalid_input',
      messages: ['Punkt 1 skal være mellem 0 og 4.', 'Punkt 2 skal være mellem 0 og 4.', 'Punkt 3 skal være et helt tal.'],
    });
    expect(await refused({ personId: child, instrumentId: ids.adbb!, measuredOn: '2026-08-01', items: values(0, 0, 0) })).toEqual({ code: 'invalid_input', messages: ['ADBB har 8 punkter; der er udfyldt 3.'] });
    expect(await refused({ personId: mother, instrumentId: ids.pss!, measuredOn: '2026-06-05', items: [...repeat(17, 3), { value: null }] })).toEqual({
      code: 'invalid_input',
      messages: ['Punkt 18 skal udfyldes.'],
    });
    expect(await refused({ personId: mother, instrumentId: ids.ors!, measuredOn: '2026-06-10', items: values(6.55, 7, 8, 11) })).toEqual({
      code: 'invalid_input',
      messages: ['Punkt 1 må højst have én decimal.', 'Punkt 4 skal være mellem 0 og 10.'],
    });
    expect(await refused({ personId: child, instrumentId: ids.asq_se_2!, interval: 2, measuredOn: '2026-07-05', items: values(10, 7, 5) })).toEqual({
      code: 'invalid_input',
      messages: ['Punkt 2 skal være 0, 5 eller 10.'],
    });
  });

  it('the right person, a date within the forløb and not in the future, the child\'s age inside the instrument\'s band', async () => {
    expect(await refused({ personId: mother, instrumentId: ids.adbb!, measuredOn: '2026-08-01', items: repeat(8, 0) })).toEqual({
      code: 'invalid_input',
      messages: ['ADBB bruges til et barn. Vælg et af familiens børn.'],
    });
    expect(await refused({ personId: child, instrumentId: ids.pss!, measuredOn: '2026-08-01', items: repeat(18, 1) })).toEqual({
      code: 'invalid_input',
      messages: ['PSS bruges til en forælder. Vælg en af forældrene.'],
    });
    expect(await refused({ personId: unborn, instrumentId: ids.adbb!, measuredOn: '2026-08-01', items: repeat(8, 0) })).toEqual({ code: 'invalid_input', messages: ['Barnet er ikke født endnu.'] });
    expect(await refused({ personId: mother, instrumentId: ids.pss!, measuredOn: '2026-05-20', items: repeat(18, 1) })).toEqual({ code: 'invalid_input', messages: ['Datoen ligger før forløbets start.'] });
    expect(await refused({ personId: mother, instrumentId: ids.pss!, measuredOn: '2099-01-01', items: repeat(18, 1) })).toEqual({ code: 'invalid_input', messages: ['Datoen ligger i fremtiden.'] });
    // 1 month 22 days: too young for ADBB.
    expect(await refused({ personId: child, instrumentId: ids.adbb!, measuredOn: '2026-07-01', items: repeat(8, 0) })).toEqual({
      code: 'invalid_input',
      messages: ['ADBB bruges fra 2 til 24 måneder. Barnet var 1 md. og 21 dage den dag.'],
    });
    const other = await must(backend, 'families:create', { displayName: 'Familien Andersen', startDate: '2026-06-01', persons: [{ kind: 'mother', name: 'Mor Andersen' }] });
    expect(await refused({ personId: other.persons[0]!.id, instrumentId: ids.pss!, measuredOn: '2026-06-05', items: repeat(18, 1) })).toEqual({ code: 'invalid_input', messages: ['Personen hører ikke til familien.'] });
  });

  it('ASQ:SE-2 by interval and corrected age; the cut-offs per interval are entered by the institution as a new version', async () => {
    // Alma: 1 month 25 days on 05.07: the 2-month questionnaire; no cut-off entered yet, so no flag.
    const first = await measure({ personId: child, instrumentId: ids.asq_se_2!, interval: 2, measuredOn: '2026-07-05', items: [{ value: 10, concern: true }, ...values(5, 5, 0)] });
    expect(first).toMatchObject({ total: 25, zone: null, cutoff: null, interval: 2, instrument: { version: 1 } });
    expect(await refused({ personId: child, instrumentId: ids.asq_se_2!, interval: 6, measuredOn: '2026-07-05', items: values(10) })).toEqual({
      code: 'invalid_input',
      messages: ['Barnet var 1 md. og 25 dage den dag. 6-måneders-skemaet er til 3 mdr. og 0 dage til 8 mdr. og 30 dage. Brug 2-måneders-skemaet.'],
    });
    // Ellen, born eight weeks early, is 3 months old by the calendar on 01.11 but 1 month 6 days corrected.
    const corrected = await measure({ personId: premature, instrumentId: ids.asq_se_2!, interval: 2, measuredOn: '2026-11-01', items: values(5, 5) });
    expect(corrected.age).toEqual({ months: 1, days: 6, corrected: true, weeksEarly: 8 });
    expect(await refused({ personId: premature, instrumentId: ids.asq_se_2!, interval: 6, measuredOn: '2026-11-01', items: values(5, 5) })).toEqual({
      code: 'invalid_input',
      messages: ['Barnet var 1 md. og 6 dage (korrigeret alder) den dag. 6-måneders-skemaet er til 3 mdr. og 0 dage til 8 mdr. og 30 dage. Brug 2-måneders-skemaet.'],
    });

    // The leader enters the 6-month questionnaire's item count, cut-off and monitoring zone from the licensed manual.
    await loginAs(backend, LIS.loginName, LIS.password);
    const asq = builtins.find((i) => i.key === 'asq_se_2')!;
    const intervals = asq.definition.intervals!.map((i) => (i.months === 6 ? { ...i, itemCount: 6, cutoff: 30, monitoringFrom: 20 } : i));
    const updated = await must(backend, 'instruments:update', { instrumentId: asq.id, definition: { ...asq.definition, intervals }, note: 'Cut-off fra manualen' });
    expect(updated.version).toBe(2);
    expect(updated.versions.map((v) => [v.version, v.note, v.createdBy])).toEqual([[1, 'Indbygget', null], [2, 'Cut-off fra manualen', LIS.loginName]]);
    // Changing how a built-in instrument scores is refused.
    const changed = await attempt(backend, 'instruments:update', { instrumentId: asq.id, definition: { ...asq.definition, items: { ...asq.definition.items, concernPoints: 10 } } });
    expect(changed.ok ? null : changed.error.message).toMatch(/^Et indbygget måleredskab kan kun få nye grænseværdier/);
    await loginAs(backend, ADMIN.loginName, ADMIN.password);

    // Alma at 6 months 10 days: 6 items now, and flagged above 30.
    expect(await refused({ personId: child, instrumentId: ids.asq_se_2!, interval: 6, measuredOn: '2026-11-20', items: values(10, 10) })).toEqual({
      code: 'invalid_input',
      messages: ['ASQ:SE-2 (6 mdr.) har 6 punkter; der er udfyldt 2.'],
    });
    const six = await measure({ personId: child, instrumentId: ids.asq_se_2!, interval: 6, measuredOn: '2026-11-20', items: [...values(10, 10, 5, 0, 0), { value: 5, concern: true }] });
    expect(six).toMatchObject({ total: 35, zone: 'flagged', cutoff: { rule: 'gt', value: 30, monitoringFrom: 20 }, instrument: { version: 2 } });
    const monitor = await measure({ personId: child, instrumentId: ids.asq_se_2!, interval: 6, measuredOn: '2026-11-21', items: values(10, 10, 5, 0, 0, 0) });
    expect(monitor).toMatchObject({ total: 25, zone: 'monitor', flagged: false });
    // The earlier measurement keeps the version it was made with.
    const list = await must(backend, 'progression:family', { familyId });
    expect(list.measurements.find((m) => m.id === first.id)).toMatchObject({ instrument: { version: 1 }, zone: null });
  });
});

describe('corrections and withdrawals are appended', () => {
  it('a correction is a complete new version with a reason; the newest is in force; all are kept; SQL cannot edit or delete', async () => {
    const m = await measure({ personId: child, instrumentId: ids.adbb!, measuredOn: '2026-09-01', items: repeat(8, 1) });
    expect(m).toMatchObject({ total: 8, zone: 'flagged' });
    const invalid = await attempt(backend, 'measurements:correct', { measurementId: m.id, reason: '', measuredOn: '2026-09-01', items: values(0, 0, 9, 0, 0, 0, 0, 0) });
    expect(invalid.ok ? null : invalid.error.issues?.map((i) => i.message)).toEqual(['Begrundelse skal udfyldes.']);
    const wrongValue = await attempt(backend, 'measurements:correct', { measurementId: m.id, reason: 'Tastefejl', measuredOn: '2026-09-01', items: values(0, 0, 9, 0, 0, 0, 0, 0) });
    expect(wrongValue.ok ? null : wrongValue.error.message).toBe('Punkt 3 skal være mellem 0 og 4.');
    const corrected = await must(backend, 'measurements:correct', { measurementId: m.id, reason: 'Tastefejl: punkt 1–4 var 0', measuredOn: '2026-09-02', items: values(0, 0, 0, 0, 1, 1, 1, 1) });
    expect(corrected).toMatchObject({ id: m.id, total: 4, zone: 'ok', measuredOn: '2026-09-02' });
    expect(corrected.history.map((h) => [h.total, h.reason, h.measuredOn])).toEqual([
      [8, null, '2026-09-01'],
      [4, 'Tastefejl: punkt 1–4 var 0', '2026-09-02'],
    ]);
    const withdrawn = await must(backend, 'measurements:withdraw', { measurementId: m.id, reason: 'Registreret på det forkerte barn' });
    expect(withdrawn).toMatchObject({ withdrawn: true, total: 4 });
    expect(withdrawn.history).toHaveLength(3);
    expect((await attempt(backend, 'measurements:withdraw', { measurementId: m.id, reason: 'Igen' })).ok).toBe(false);
    for (const table of ['measurements', 'measurement_revisions', 'instrument_versions']) {
      await expect(behindTheAppsBack(backend, `update ${table} set created_at = 'x'`), table).rejects.toThrow(/append-only/);
      await expect(behindTheAppsBack(backend, `delete from ${table}`), table).rejects.toThrow(/append-only/);
    }
    // Withdrawn measurements leave the charts.
    const chart = await must(backend, 'progression:chart', { familyId });
    const adbb = chart.instruments.find((i) => i.name === 'ADBB')!;
    expect(adbb.series.flatMap((s) => s.points.map((p) => p.measurementId))).not.toContain(m.id);
  });

  it('a closed family\'s measurements are read, not written', async () => {
    const closed = await must(backend, 'families:create', { displayName: 'Familien Lukket', startDate: '2026-06-01', persons: [{ kind: 'mother', name: 'Mor Lukket' }] });
    await must(backend, 'families:close', { familyId: closed.id, endDate: '2026-11-01', outcome: 'own_home' });
    const result = await attempt(backend, 'measurements:create', { familyId: closed.id, personId: closed.persons[0]!.id, instrumentId: ids.pss!, measuredOn: '2026-06-05', items: repeat(18, 1) });
    expect(result.ok ? null : result.error.code).toBe('conflict');
  });
});

describe('the institution\'s own instruments', () => {
  it('a leader adds and edits one; a measurement keeps the version it was made with; staff may not define instruments', async () => {
    await loginAs(backend, BENT.loginName, BENT.password);
    const definition = { name: 'Hverdagsskala', subject: 'parent' as const, items: { count: 4, min: 0, max: 3, reverse: [2] }, direction: 'higher_worse' as const, cutoff: { rule: 'gte' as const, value: 8 } };
    expect((await attempt(backend, 'instruments:create', { definition })).ok).toBe(false);
    await loginAs(backend, LIS.loginName, LIS.password);
    const invalid = await attempt(backend, 'instruments:create', { definition: { ...definition, items: { count: 4, min: 3, max: 0, reverse: [7] } } });
    expect(invalid.ok ? null : invalid.error.issues?.map((i) => i.message).sort()).toEqual(['Et omvendt punkt findes ikke (der er 4).', 'Højeste værdi skal være større end laveste.']);
    const created = await must(backend, 'instruments:create', { definition });
    expect(created).toMatchObject({ key: null, builtin: false, version: 1, definition: { name: 'Hverdagsskala', scoring: 'sum', perStaff: false } });
    expect((await attempt(backend, 'instruments:create', { definition: { ...definition, name: 'hverdagsskala' } })).ok).toBe(false);

    await loginAs(backend, BENT.loginName, BENT.password);
    // Item 2 reversed: 3 − 3 = 0.
    const before = await must(backend, 'measurements:create', { familyId, personId: mother, instrumentId: created.id, measuredOn: '2026-10-01', items: values(3, 3, 2, 2) });
    expect(before).toMatchObject({ total: 7, zone: 'ok', instrument: { version: 1 } });

    await loginAs(backend, LIS.loginName, LIS.password);
    const v2 = await must(backend, 'instruments:update', { instrumentId: created.id, definition: { ...definition, cutoff: { rule: 'gte', value: 6 } }, note: 'Ny cut-off' });
    expect(v2.version).toBe(2);
    await loginAs(backend, BENT.loginName, BENT.password);
    const after = await must(backend, 'measurements:create', { familyId, personId: mother, instrumentId: created.id, measuredOn: '2026-10-02', items: values(3, 3, 2, 2) });
    expect(after).toMatchObject({ total: 7, zone: 'flagged', instrument: { version: 2 } });
    // A correction of the older measurement is still scored by version 1.
    const corrected = await must(backend, 'measurements:correct', { measurementId: before.id, reason: 'Punkt 4 var 3', measuredOn: '2026-10-01', items: values(3, 3, 2, 3) });
    expect(corrected).toMatchObject({ total: 8, zone: 'flagged', cutoff: { value: 8 }, instrument: { version: 1 } });

    await loginAs(backend, LIS.loginName, LIS.password);
    await must(backend, 'instruments:setActive', { instrumentId: created.id, active: false });
    expect((await must(backend, 'instruments:list', {})).some((i) => i.id === created.id)).toBe(false);
    expect((await must(backend, 'instruments:list', { includeInactive: true })).find((i) => i.id === created.id)?.active).toBe(false);
    const retired = await attempt(backend, 'measurements:create', { familyId, personId: mother, instrumentId: created.id, measuredOn: '2026-10-03', items: values(0, 0, 0, 0) });
    expect(retired.ok ? null : retired.error.message).toBe('Måleredskabet er taget ud af brug.');
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
  });
});
