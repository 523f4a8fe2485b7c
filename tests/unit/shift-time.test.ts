import { describe, expect, it } from 'vitest';
import { parseTypedTime, previousShiftStart, shiftOf, shiftStart } from '../../common/shift-time';

const at = (s: string) => new Date(s);
const local = (d: Date | null) => (d ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}` : null);

describe('shift times', () => {
  it('the shift follows the note\'s time: an 18.00 event written up at 23.15 is Aften', () => {
    expect(shiftOf(at('2026-11-24T18:00:00'))).toBe('evening');
    expect(shiftOf(at('2026-11-24T23:15:00'))).toBe('night');
    expect(shiftOf(at('2026-11-24T06:59:00'))).toBe('night');
    expect(shiftOf(at('2026-11-24T07:00:00'))).toBe('day');
  });

  it('knows where shift blocks start, also across midnight and with other shift times', () => {
    expect(local(shiftStart(at('2026-11-25T02:00:00')))).toBe('2026-11-24 23.00');
    expect(local(previousShiftStart(at('2026-11-24T23:30:00')))).toBe('2026-11-24 15.00');
    expect(local(previousShiftStart(at('2026-11-25T08:00:00')))).toBe('2026-11-24 23.00');
    const times = { day: 6 * 60 + 30, evening: 14 * 60 + 30, night: 22 * 60 };
    expect(shiftOf(at('2026-11-24T22:10:00'), times)).toBe('night');
    expect(local(previousShiftStart(at('2026-11-24T07:00:00'), times))).toBe('2026-11-23 22.00');
  });
});

describe('typed note times', () => {
  const now = at('2026-11-24T23:15:00');
  it.each([
    ['18', '2026-11-24 18.00'],
    ['18.00', '2026-11-24 18.00'],
    ['18:40', '2026-11-24 18.40'],
    ['1840', '2026-11-24 18.40'],
    ['i går 22.40', '2026-11-23 22.40'],
    ['igår 7', '2026-11-23 07.00'],
    ['i forgårs 13.05', '2026-11-22 13.05'],
    ['24.11 18.00', '2026-11-24 18.00'],
    ['23.11.2026 18', '2026-11-23 18.00'],
    ['23/11 9.15', '2026-11-23 09.15'],
  ])('"%s" is %s', (typed, expected) => expect(local(parseTypedTime(typed, now))).toBe(expected));

  it('a bare time still to come today means yesterday; nonsense is null', () => {
    expect(local(parseTypedTime('23.50', at('2026-11-25T00:20:00')))).toBe('2026-11-24 23.50');
    for (const bad of ['25', '18.61', '31.02 18', 'i morgen 8', 'kl', '']) expect(parseTypedTime(bad, now)).toBeNull();
  });
});

describe('note length', () => {
  it('counts characters as the user sees them, with a byte cap behind', async () => {
    const { textTooLong, visibleLength, MAX_OBSERVATION_CHARS } = await import('../../common/journal');
    expect(visibleLength('👩‍👧 é')).toBe(3);
    expect(textTooLong('a'.repeat(MAX_OBSERVATION_CHARS))).toBeNull();
    expect(textTooLong('a'.repeat(MAX_OBSERVATION_CHARS + 1))).toBe('Teksten er for lang: højst 20.000 tegn, den har 20.001. Teksten er ikke gemt – del den i to notater.');
    // 20,000 family emoji are 20,000 characters to the eye but 500 kB: refused by the byte cap.
    expect(textTooLong('👩‍👧'.repeat(20_000))).toMatch(/^Teksten fylder for meget/);
  });
});
