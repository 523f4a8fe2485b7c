import { describe, expect, it } from 'vitest';
import { chartSummary, cutoffBand, DAY, lineStyle, LINE_STYLES, phaseMarkers, steppedBands, timeDomain, timeLabel, timeTicks, toTime, valueTicks } from '../../renderer/src/ui/charts/chartModel';

/** The pure geometry behind the progression charts (screen and print): bands, ticks, markers, line styles. */
describe('chart model', () => {
  it('shades the side of the cut-off its rule flags, with the meaning in the label', () => {
    const range = { min: 0, max: 32 };
    expect(cutoffBand('gte', 5, range, 'Tegn på social tilbagetrækning')).toEqual({ y1: 5, y2: 32, x1: null, x2: null, label: 'Grænseværdi ≥ 5: Tegn på social tilbagetrækning' });
    expect(cutoffBand('lte', 36, { min: 0, max: 40 }, null)).toEqual({ y1: 0, y2: 36, x1: null, x2: null, label: 'Grænseværdi ≤ 36' });
    expect(cutoffBand('lt', 25, { min: 0, max: 40 }, null).y2).toBe(25);
    expect(cutoffBand('gt', 12.5, { min: 0, max: 40 }, null).label).toBe('Grænseværdi > 12,5');
  });

  it('steps the band where the cut-off changes from one questionnaire to the next (ASQ:SE-2)', () => {
    const t = (d: string) => toTime(d);
    const bands = steppedBands(
      [
        { t: t('2026-03-01'), cutoff: 40 },
        { t: t('2026-05-01'), cutoff: 40 },
        { t: t('2026-09-01'), cutoff: 48 },
        { t: t('2026-10-01'), cutoff: null },
      ],
      'gt',
      { min: 0, max: 360 },
      null,
      t('2026-12-31'),
    );
    expect(bands.map((b) => [b.y1, b.x1 === null ? null : timeLabel(b.x1), b.x2 === null ? null : timeLabel(b.x2)])).toEqual([
      [40, null, '01.09.2026'],
      [48, '01.09.2026', '01.10.2026'],
    ]);
  });

  it('dates as dd.mm.åååå on whole months, and value ticks with both ends of the scale', () => {
    expect(timeLabel(toTime('2026-07-01'))).toBe('01.07.2026');
    expect(timeTicks([toTime('2026-06-01'), toTime('2026-09-30')]).map(timeLabel)).toEqual(['01.06.2026', '01.07.2026', '01.08.2026', '01.09.2026']);
    expect(timeTicks([toTime('2025-01-10'), toTime('2026-12-20')]).map(timeLabel)).toEqual(['01.02.2025', '01.08.2025', '01.02.2026', '01.08.2026']);
    const short = timeTicks([toTime('2026-06-10'), toTime('2026-06-20')]);
    expect(short.length).toBeGreaterThan(1);
    expect(short.every((x) => (x - toTime('2026-06-10')) % DAY === 0)).toBe(true);
    expect(valueTicks([0, 32])).toEqual([0, 10, 20, 32]);
    expect(valueTicks([18, 90])).toEqual([18, 40, 60, 90]);
    expect(valueTicks([0, 10])).toEqual([0, 2, 4, 6, 8, 10]);
    expect(valueTicks([-1, 9])).toEqual([-1, 2, 4, 6, 9]);
  });

  it('pads the axis around the data, or keeps exactly the period asked for', () => {
    const [lo, hi] = timeDomain([toTime('2026-06-01'), toTime('2026-12-01')]);
    expect(lo).toBeLessThan(toTime('2026-06-01'));
    expect(hi).toBeGreaterThan(toTime('2026-12-01'));
    expect(timeDomain([toTime('2026-06-01')], { from: '2026-07-01', to: '2026-09-30' })).toEqual([toTime('2026-07-01'), toTime('2026-09-30')]);
  });

  it('marks phase changes inside the axis, not the first phase', () => {
    const phases = [
      { phase: 'intake' as const, fromDate: '2026-06-01' },
      { phase: 'stay' as const, fromDate: '2026-06-15' },
      { phase: 'closing' as const, fromDate: '2027-01-10' },
    ];
    expect(phaseMarkers(phases, [toTime('2026-06-01'), toTime('2026-12-31')])).toEqual([{ t: toTime('2026-06-15'), label: 'Familieanbringelse' }]);
  });

  it('gives every line its own colour, dash and marker, so they differ in greyscale too', () => {
    const keys = LINE_STYLES.map((s) => `${s.dash ?? 'solid'}/${s.shape}`);
    expect(new Set(keys).size).toBe(LINE_STYLES.length);
    expect(new Set(LINE_STYLES.map((s) => s.color)).size).toBe(LINE_STYLES.length);
    expect(lineStyle(LINE_STYLES.length)).toEqual(LINE_STYLES[0]);
  });

  it('reads the chart out in one sentence', () => {
    const point = (date: string, value: number, flagged = false) => ({ t: toTime(date), date, value, flagged, note: null });
    expect(chartSummary('ADBB', [{ key: 'a', name: 'Emil', points: [point('2026-07-01', 6, true), point('2026-07-15', 3)] }])).toBe('ADBB. Emil: 2 målinger, seneste 3 den 15.07.2026.');
    expect(chartSummary('PSS', [])).toBe('PSS: ingen målinger.');
  });
});
