import { describe, expect, it } from 'vitest';
import { instrumentDefinitionSchema } from '../../common/instruments';
import { scoreMeasurement } from '../../common/scoring';
import { emptyItem, liveScore, parseNumber, toAnswers } from '../../renderer/src/features/family/progression/measurementForm';

const adbb = instrumentDefinitionSchema.parse({
  name: 'ADBB',
  subject: 'child',
  ageBand: { fromMonths: 2, toMonths: 24 },
  items: { count: 8, min: 0, max: 4 },
  direction: 'higher_worse',
  cutoff: { rule: 'gte', value: 5, label: 'Tegn på social tilbagetrækning' },
});
const pss = instrumentDefinitionSchema.parse({ name: 'PSS', subject: 'parent', items: { count: 18, min: 1, max: 5, reverse: [1, 2, 5, 6, 7, 8, 17, 18] }, direction: 'higher_worse' });
const ors = instrumentDefinitionSchema.parse({ name: 'ORS', subject: 'parent', items: { count: 4, min: 0, max: 10, decimals: 1 }, cutoff: { rule: 'lt', value: 25 } });
const items = (...values: string[]) => values.map((value) => ({ ...emptyItem(), value }));

/** The measurement form's live total is the one scoring function's (common/scoring.ts), on text as typed. */
describe('the measurement form', () => {
  it('reads Danish decimal commas, and anything else as not a number', () => {
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber(' 3 ')).toBe(3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
    expect(parseNumber('7,5,1')).toBeNaN();
    expect(parseNumber('tre')).toBeNaN();
  });

  it('totals and flags as the backend will, with a Danish message per item', () => {
    const typed = items('2', '2', '1', '', '', '', '', '');
    const live = liveScore(adbb, null, typed);
    expect(live.total).toBe(5);
    expect(live.zone).toBe('flagged');
    expect(live.issues.get('items.3.value')).toBe('Punkt 4 skal udfyldes.');
    const wrong = liveScore(adbb, null, items('5', 'x', '1', '0', '0', '0', '0', '0'));
    expect(wrong.issues.get('items.0.value')).toBe('Punkt 1 skal være mellem 0 og 4.');
    expect(wrong.issues.get('items.1.value')).toBe('Punkt 2: skriv et tal.');
    const done = liveScore(adbb, null, items('1', '1', '0', '0', '0', '0', '0', '0'));
    expect(done.issues.size).toBe(0);
    expect(done.zone).toBe('ok');
    const scored = scoreMeasurement(adbb, null, toAnswers(adbb, items('1', '1', '0', '0', '0', '0', '0', '0')));
    expect(scored.ok && scored.total).toBe(done.total);
  });

  it('scores reverse items and one decimal like the backend', () => {
    expect(liveScore(pss, null, items(...Array<string>(18).fill('3'))).total).toBe(54);
    expect(liveScore(pss, null, items(...Array<string>(18).fill('2'))).total).toBe(8 * 4 + 10 * 2);
    const low = liveScore(ors, null, items('5,5', '6', '6', '7'));
    expect(low.total).toBe(24.5);
    expect(low.zone).toBe('flagged');
    expect(liveScore(ors, null, items('5,55', '6', '6', '7')).issues.get('items.0.value')).toBe('Punkt 1 må højst have én decimal.');
  });

  it('survives a field registered before its item exists (the count just changed)', () => {
    const sparse = [undefined, ...items('1')] as unknown as ReturnType<typeof items>;
    expect(() => liveScore(adbb, null, sparse)).not.toThrow();
  });
});
