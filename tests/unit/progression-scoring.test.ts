import { describe, expect, it } from 'vitest';
import { allianceAlert } from '../../common/alliance';
import { builtinChangeProblem, instrumentDefinitionSchema, type InstrumentDefinition } from '../../common/instruments';
import { liveTotal, scoreMeasurement, totalRange, type ItemAnswer } from '../../common/scoring';
import { BUILTINS } from '../../db/migrations/data/0006_builtin_instruments';

const builtin = (key: string) => instrumentDefinitionSchema.parse(BUILTINS.find(([k]) => k === key)![1]);
const values = (...v: Array<number | null>): ItemAnswer[] => v.map((value) => ({ value }));
const score = (def: InstrumentDefinition, items: ItemAnswer[], interval: number | null = null) => scoreMeasurement(def, interval, items);
const messages = (r: ReturnType<typeof scoreMeasurement>) => (r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));

describe('the one scoring function (common/scoring.ts), on the built-in definitions', () => {
  it('every built-in definition parses, and none holds item wording (at most short scale names)', () => {
    for (const [, definition] of BUILTINS) {
      const def = instrumentDefinitionSchema.parse(definition);
      expect(def.items.labels.every((l) => l.length <= 40)).toBe(true);
    }
    expect(BUILTINS.map(([key]) => key)).toEqual(['adbb', 'asq_se_2', 'pss', 'ors', 'srs', 'nbo', 'pdi_rf', 'ea']);
  });

  it('ADBB: 8 items 0–4, total 0–32, flagged at 5 or more', () => {
    const adbb = builtin('adbb');
    expect(totalRange(adbb)).toEqual({ min: 0, max: 32 });
    expect(score(adbb, values(0, 1, 0, 1, 0, 1, 0, 1))).toMatchObject({ ok: true, total: 4, zone: 'ok' });
    expect(score(adbb, values(0, 1, 0, 1, 0, 1, 0, 2))).toMatchObject({ ok: true, total: 5, zone: 'flagged', cutoff: { rule: 'gte', value: 5 } });
    expect(messages(score(adbb, values(0, 5, -1, 1.5, null, 0, 0, 0)))).toEqual([
      'items.1.value: Punkt 2 skal være mellem 0 og 4.',
      'items.2.value: Punkt 3 skal være mellem 0 og 4.',
      'items.3.value: Punkt 4 skal være et helt tal.',
      'items.4.value: Punkt 5 skal udfyldes.',
    ]);
    expect(messages(score(adbb, values(0, 0, 0)))).toEqual(['items: ADBB har 8 punkter; der er udfyldt 3.']);
  });

  it('PSS: 18 items 1–5, items 1, 2, 5, 6, 7, 8, 17 and 18 scored 6 − value; total 18–90, no cut-off', () => {
    const pss = builtin('pss');
    expect(totalRange(pss)).toEqual({ min: 18, max: 90 });
    const all = (v: number) => values(...Array.from({ length: 18 }, () => v));
    expect(score(pss, all(1))).toMatchObject({ ok: true, total: 8 * 5 + 10 * 1, zone: null, cutoff: null });
    expect(score(pss, all(5))).toMatchObject({ total: 8 * 1 + 10 * 5 });
    // Only item 1 (reverse) at 1 and item 3 (not reverse) at 5, the rest 3: 5 + 5 + 16 × 3.
    const mixed = all(3);
    mixed[0] = { value: 1 };
    mixed[2] = { value: 5 };
    const result = score(pss, mixed);
    expect(result).toMatchObject({ ok: true, total: 58 });
    expect(result.ok && result.items.slice(0, 3).map((i) => [i.value, i.score])).toEqual([[1, 5], [3, 3], [5, 5]]);
  });

  it('ASQ:SE-2: items scored 0, 5 or 10, + 5 per concern; the cut-off and monitoring zone per interval as the institution enters them', () => {
    const asq = builtin('asq_se_2');
    const items: ItemAnswer[] = [{ value: 10 }, { value: 5, concern: true }, { value: 0 }, { value: 10, concern: true }];
    expect(liveTotal(asq, items)).toBe(35);
    // Without the institution's cut-off: a total, no flag; the interval is required.
    expect(score(asq, items, 6)).toMatchObject({ ok: true, total: 35, zone: null });
    expect(messages(score(asq, items))).toEqual(['interval: Vælg skemaets interval.']);
    expect(messages(score(asq, items, 4))).toEqual(['interval: ASQ:SE-2 har ikke et 4-måneders-skema.']);
    expect(messages(score(asq, [{ value: 10 }, { value: 7 }], 6))).toEqual(['items.1.value: Punkt 2 skal være 0, 5 eller 10.']);
    const entered = instrumentDefinitionSchema.parse({
      ...asq,
      intervals: asq.intervals!.map((i) => (i.months === 6 ? { ...i, itemCount: 4, cutoff: 30, monitoringFrom: 20 } : i)),
    });
    expect(score(entered, items, 6)).toMatchObject({ ok: true, total: 35, zone: 'flagged', cutoff: { rule: 'gt', value: 30, monitoringFrom: 20 } });
    expect(score(entered, values(10, 5, 5, 0), 6)).toMatchObject({ total: 20, zone: 'monitor' });
    expect(score(entered, values(10, 5, 0, 0), 6)).toMatchObject({ total: 15, zone: 'ok' });
    expect(score(entered, values(10, 5, 10, 5), 6)).toMatchObject({ total: 30, zone: 'monitor' });
    expect(messages(score(entered, values(10, 5), 6))).toEqual(['items: ASQ:SE-2 (6 mdr.) har 4 punkter; der er udfyldt 2.']);
    // Another interval keeps its own (not yet entered) cut-off.
    expect(score(entered, items, 12)).toMatchObject({ zone: null });
    // A leader may enter cut-offs in a built-in instrument, not change how it scores.
    expect(builtinChangeProblem(asq, entered)).toBeNull();
    expect(builtinChangeProblem(asq, instrumentDefinitionSchema.parse({ ...entered, cutoff: { ...entered.cutoff!, rule: 'gte' } }))).toBeNull();
    expect(builtinChangeProblem(asq, instrumentDefinitionSchema.parse({ ...asq, items: { ...asq.items, concernPoints: 10 } }))).toMatch(/^Et indbygget måleredskab/);
  });

  it('ORS and SRS: 4 items 0–10 with one decimal; ORS under 25 and SRS at 36 or less are flagged', () => {
    const ors = builtin('ors');
    const srs = builtin('srs');
    expect(score(ors, values(6.5, 7.2, 8.1, 2))).toMatchObject({ ok: true, total: 23.8, zone: 'flagged' });
    expect(score(ors, values(6.5, 7.2, 8.1, 3.2))).toMatchObject({ total: 25, zone: 'ok' });
    expect(messages(score(ors, values(6.55, 7, 8, 11)))).toEqual(['items.0.value: Punkt 1 må højst have én decimal.', 'items.3.value: Punkt 4 skal være mellem 0 og 10.']);
    expect(score(srs, values(9, 9, 9, 9))).toMatchObject({ total: 36, zone: 'flagged' });
    expect(score(srs, values(9, 9, 9, 9.1))).toMatchObject({ total: 36.1, zone: 'ok' });
  });

  it('NBO is a structured note without a score; PDI-RF runs −1 to 9; EA has scales 1–7 and no total', () => {
    const nbo = builtin('nbo');
    const notes = Array.from({ length: 18 }, (_, i) => ({ text: i === 0 ? '  Vender hovedet mod mors stemme ' : '' }));
    const result = score(nbo, notes);
    expect(result).toMatchObject({ ok: true, total: null, zone: null });
    expect(result.ok && result.items[0]).toEqual({ number: 1, value: null, score: null, concern: false, text: 'Vender hovedet mod mors stemme' });
    expect(messages(score(nbo, [{ value: 3 }, ...notes.slice(1)]))).toEqual(['items.0.value: Punkt 1 er en tekst, ikke et tal.']);
    expect(score(builtin('pdi_rf'), values(-1))).toMatchObject({ ok: true, total: -1 });
    expect(messages(score(builtin('pdi_rf'), values(10)))).toEqual(['items.0.value: Punkt 1 skal være mellem -1 og 9.']);
    expect(score(builtin('ea'), values(5, 6, 4, 7, 5, 6))).toMatchObject({ ok: true, total: null, zone: null });
    expect(messages(score(builtin('ea'), values(0, 6, 4, 7, 5, 6)))).toEqual(['items.0.value: Punkt 1 skal være mellem 1 og 7.']);
  });

  it('a concern mark on an instrument without concern points is refused', () => {
    expect(messages(score(builtin('adbb'), [{ value: 0, concern: true }, ...values(0, 0, 0, 0, 0, 0, 0)]))).toEqual(['items.0.concern: Punkt 1 kan ikke markeres med bekymring.']);
  });

  it('a definition is checked with Danish messages', () => {
    const bad = instrumentDefinitionSchema.safeParse({ name: 'Egen skala', subject: 'parent', items: { count: 3, min: 5, max: 1, reverse: [4] }, cutoff: { rule: 'gte', value: 3 }, scoring: 'none' });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message).sort()).toEqual(
      ['En grænseværdi kræver en total.', 'Et omvendt punkt findes ikke (der er 3).', 'Højeste værdi skal være større end laveste.'].sort(),
    );
  });
});

describe('the alliance alert', () => {
  const p = (date: string, total: number) => ({ date, total, zone: total <= 36 ? ('flagged' as const) : ('ok' as const) });

  it('is low when the latest SRS is at or below 36, and falling when it is 2 points or more below the mean of the previous three', () => {
    expect(allianceAlert([p('2026-11-01', 39), p('2026-11-08', 36)], 'higher_better')).toEqual({ low: true, falling: true });
    expect(allianceAlert([p('2026-11-01', 39.5), p('2026-11-08', 38.5)], 'higher_better')).toEqual({ low: false, falling: false });
    expect(allianceAlert([p('2026-11-01', 40), p('2026-11-08', 39.5), p('2026-11-15', 39.5), p('2026-11-22', 37.6)], 'higher_better')).toEqual({ low: false, falling: true });
    // Only the three before the latest count: an old high score no longer pulls the mean.
    expect(allianceAlert([p('2026-10-01', 40), p('2026-11-01', 38), p('2026-11-08', 38), p('2026-11-15', 38), p('2026-11-22', 37)], 'higher_better')).toEqual({ low: false, falling: false });
    expect(allianceAlert([p('2026-11-01', 35), p('2026-11-08', 38)], 'higher_better')).toEqual({ low: false, falling: false });
    expect(allianceAlert([], 'higher_better')).toEqual({ low: false, falling: false });
  });
});
