import { phaseLabels, type Phase } from '../../../../common/families';
import { cutoffRuleLabels, directionLabels, type CutoffRule, type Direction } from '../../../../common/instruments';
import { formatNumber } from '../../../../common/scoring';

/**
 * Pure chart geometry shared by the screens and the printouts: time as numbers (UTC midnight), the cut-off band on the
 * side its rule flags, phase changes as markers, and line styles that differ in colour, dash and marker shape, so a
 * greyscale print and a colour-blind reader tell them apart (Okabe–Ito colours).
 */
export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
export interface LineStyle {
  color: string;
  dash: string | undefined;
  shape: Shape;
}

const FIRST_STYLE: LineStyle = { color: '#0072B2', dash: undefined, shape: 'circle' };
export const LINE_STYLES: readonly LineStyle[] = [
  FIRST_STYLE,
  { color: '#D55E00', dash: '7 4', shape: 'square' },
  { color: '#009E73', dash: '2 3', shape: 'triangle' },
  { color: '#CC79A7', dash: '10 3 2 3', shape: 'diamond' },
  { color: '#000000', dash: '4 2', shape: 'cross' },
  { color: '#E69F00', dash: '12 4', shape: 'circle' },
];
export const lineStyle = (i: number): LineStyle => LINE_STYLES[i % LINE_STYLES.length] ?? FIRST_STYLE;

export interface ChartPoint {
  /** UTC milliseconds of the date (the x value). */
  t: number;
  date: string;
  value: number;
  flagged: boolean;
  /** Shown in the table and the point's title: "Over cut-off", "6-måneders-skema" … */
  note: string | null;
}
export interface ChartLine {
  key: string;
  name: string;
  points: ChartPoint[];
}
export interface Band {
  y1: number;
  y2: number;
  /** From (x1) and to (x2) this band applies; null: the whole axis. */
  x1: number | null;
  x2: number | null;
  label: string;
}
export interface Marker {
  t: number;
  label: string;
}

export const DAY = 86_400_000;
export const toTime = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
/** dd.mm.åååå from a time made by toTime. */
export function timeLabel(t: number): string {
  const d = new Date(t);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
}

/** "≥ 5" */
export const cutoffText = (rule: CutoffRule | string, value: number) => `${cutoffRuleLabels[rule as CutoffRule] ?? rule} ${formatNumber(value)}`;

/** The part of the axis the rule flags: above the cut-off for ≥ and >, below it for ≤ and <. */
export function cutoffBand(rule: CutoffRule | string, value: number, range: { min: number; max: number }, meaning: string | null, x1: number | null = null, x2: number | null = null): Band {
  const upward = rule === 'gte' || rule === 'gt';
  const label = `Grænseværdi ${cutoffText(rule, value)}${meaning ? `: ${meaning}` : ''}`;
  return upward ? { y1: value, y2: Math.max(range.max, value), x1, x2, label } : { y1: Math.min(range.min, value), y2: value, x1, x2, label };
}

/**
 * Bands for cut-offs that differ from point to point (ASQ:SE-2's intervals): one band per run of points with the same
 * cut-off, from its first point to the next run's first point (the last to the axis end).
 */
export function steppedBands(points: Array<{ t: number; cutoff: number | null }>, rule: CutoffRule | string, range: { min: number; max: number }, meaning: string | null, end: number): Band[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const bands: Band[] = [];
  sorted.forEach((p, i) => {
    if (p.cutoff === null) return;
    const previous = sorted[i - 1];
    if (previous && previous.cutoff === p.cutoff) return;
    const next = sorted.slice(i + 1).find((q) => q.cutoff !== p.cutoff);
    bands.push(cutoffBand(rule, p.cutoff, range, meaning, i === 0 ? null : p.t, next ? next.t : end));
  });
  if (bands[0]) bands[0].x1 = null;
  return bands;
}

export function directionText(direction: Direction | null): string | null {
  // The same words as the instrument dialog's choice (common/instruments).
  return direction ? directionLabels[direction] : null;
}

/** The x axis: the period asked for, else the points and markers, with a little room on both sides. */
export function timeDomain(times: number[], period: { from?: string | null; to?: string | null } = {}): [number, number] {
  const from = period.from ? toTime(period.from) : null;
  const to = period.to ? toTime(period.to) : null;
  const lo = from ?? (times.length ? Math.min(...times) : Date.now());
  const hi = to ?? (times.length ? Math.max(...times) : lo);
  const pad = Math.max(3 * DAY, Math.round((hi - lo) * 0.04));
  return [from ?? lo - pad, to ?? hi + pad];
}

/**
 * Ticks on the first day of months (every 1, 2, 3, 6 or 12 months, at most `count`); a domain shorter than two
 * months gets evenly spread whole days instead.
 */
export function timeTicks([lo, hi]: [number, number], count = 6): number[] {
  if (hi - lo < DAY) return [lo];
  const start = new Date(lo);
  const months: number[] = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1), 1)); d.getTime() <= hi; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.getTime());
  if (months.length >= 2) {
    const step = [1, 2, 3, 6, 12].find((n) => Math.ceil(months.length / n) <= count) ?? 12;
    return months.filter((_, i) => i % step === 0);
  }
  const days = Math.round((hi - lo) / DAY);
  const steps = Math.min(count - 1, days);
  return [...new Set(Array.from({ length: steps + 1 }, (_, i) => lo + Math.round((days * i) / steps) * DAY))];
}

/** Y ticks: both ends of the scale and round numbers between them (1, 2, 5, 10, 20 … apart), at most about six. */
export function valueTicks([lo, hi]: [number, number], count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((n) => (hi - lo) / n <= count - 1) ?? Math.ceil((hi - lo) / (count - 1));
  const inner: number[] = [];
  // Round numbers at least half a step from the ends, so the end labels never crowd them (-0 is 0).
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) if (v - lo > step / 2 && hi - v > step / 2) inner.push(v + 0);
  return [lo, ...inner, hi];
}

/** Phase changes inside the domain (the first phase at the start is not a change). */
export function phaseMarkers(phases: Array<{ phase: Phase; fromDate: string }>, [lo, hi]: [number, number]): Marker[] {
  return phases
    .slice(1)
    .map((p) => ({ t: toTime(p.fromDate), label: phaseLabels[p.phase] }))
    .filter((m) => m.t >= lo && m.t <= hi);
}

/** A one-sentence summary of a chart for screen readers: each line's count and latest value. */
export function chartSummary(title: string, lines: ChartLine[]): string {
  if (!lines.some((l) => l.points.length)) return `${title}: ingen målinger.`;
  const parts = lines.flatMap((l) => {
    const last = l.points.at(-1);
    if (!last) return [];
    return [`${l.name}: ${l.points.length === 1 ? '1 måling' : `${l.points.length} målinger`}, seneste ${formatNumber(last.value)} den ${timeLabel(last.t)}${last.flagged ? ' (markeret)' : ''}`];
  });
  return `${title}. ${parts.join('. ')}.`;
}
