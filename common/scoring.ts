import { z } from 'zod';
import type { FieldIssue } from './errors';
import type { CutoffRule, InstrumentDefinition, Interval } from './instruments';

/**
 * Scoring: one pure implementation for the backend (which stores the total and the flag) and the screen (which
 * shows the total live while items are entered). Representation:
 * - an item's score is its value, or min + max − value for a reverse-scored item (PSS: 6 − value);
 * - the total of a 'sum' instrument is the sum of the item scores plus `concernPoints` per item marked with a concern
 *   (ASQ:SE-2: items scored 0/5/10, + 5 per concern), rounded to one decimal;
 * - the cut-off is the definition's, or the interval's for instruments with intervals; its zone is 'flagged' by the
 *   rule (gte/gt/lte/lt), 'monitor' inside the monitoring zone, else 'ok'; null without a total or a cut-off value.
 */
export const MAX_ITEM_TEXT = 2000;

export const itemAnswerSchema = z.strictObject({
  value: z.number({ error: 'Angiv et tal.' }).nullable().optional(),
  concern: z.boolean().optional(),
  text: z.string().trim().max(MAX_ITEM_TEXT, `Højst ${MAX_ITEM_TEXT.toLocaleString('da-DK')} tegn.`).optional(),
});
export type ItemAnswer = z.input<typeof itemAnswerSchema>;

export const zones = ['ok', 'monitor', 'flagged'] as const;
export type Zone = (typeof zones)[number];
export const zoneLabels: Record<Zone, string> = { ok: 'Under grænseværdien', monitor: 'Overvågningszone', flagged: 'Over grænseværdien' };

export interface AppliedCutoff {
  rule: CutoffRule;
  value: number;
  monitoringFrom: number | null;
  label: string | null;
}

/** One stored item: the value as entered, its score, the concern mark and any text. */
export interface ScoredItem {
  number: number;
  value: number | null;
  score: number | null;
  concern: boolean;
  text: string | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
/** Danish number: decimal comma. */
export const formatNumber = (n: number) => String(round1(n)).replace('.', ',');

function listOr(values: number[]): string {
  const shown = values.map(formatNumber);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} eller ${shown[shown.length - 1]}`;
}

export function intervalOf(def: InstrumentDefinition, months: number | null | undefined): Interval | null {
  return def.intervals?.find((i) => i.months === months) ?? null;
}

/** How many items a measurement must have: the interval's count, or the definition's. */
export function expectedItemCount(def: InstrumentDefinition, interval: Interval | null): number | null {
  if (!def.intervals) return def.items.count;
  return interval?.itemCount ?? null;
}

export function itemScore(def: InstrumentDefinition, itemNumber: number, value: number): number {
  return def.items.reverse.includes(itemNumber) ? def.items.min + def.items.max - value : value;
}

/** The total so far (answered items only): what the screen shows while items are entered. Null: no total. */
export function liveTotal(def: InstrumentDefinition, items: ItemAnswer[]): number | null {
  if (def.scoring !== 'sum' || def.items.kind !== 'score') return null;
  let total = 0;
  items.forEach((item, i) => {
    if (typeof item.value === 'number' && Number.isFinite(item.value)) total += itemScore(def, i + 1, item.value);
    if (item.concern && def.items.concernPoints !== null) total += def.items.concernPoints;
  });
  return round1(total);
}

export function cutoffFor(def: InstrumentDefinition, intervalMonths: number | null): AppliedCutoff | null {
  if (!def.cutoff || def.scoring !== 'sum') return null;
  const interval = def.intervals ? intervalOf(def, intervalMonths) : null;
  const value = def.intervals ? (interval?.cutoff ?? null) : def.cutoff.value;
  if (value === null) return null;
  return { rule: def.cutoff.rule, value, monitoringFrom: interval?.monitoringFrom ?? null, label: def.cutoff.label };
}

export function isFlagged(total: number, rule: CutoffRule, value: number): boolean {
  switch (rule) {
    case 'gte':
      return total >= value;
    case 'gt':
      return total > value;
    case 'lte':
      return total <= value;
    case 'lt':
      return total < value;
  }
}

export function zoneOf(total: number | null, cutoff: AppliedCutoff | null): Zone | null {
  if (total === null || !cutoff) return null;
  if (isFlagged(total, cutoff.rule, cutoff.value)) return 'flagged';
  if (cutoff.monitoringFrom !== null) {
    const upward = cutoff.rule === 'gte' || cutoff.rule === 'gt';
    if (upward ? total >= cutoff.monitoringFrom : total <= cutoff.monitoringFrom) return 'monitor';
  }
  return 'ok';
}

/** The lowest and highest total an instrument (or one of its intervals) can give; null without a total. */
export function totalRange(def: InstrumentDefinition, intervalMonths?: number | null): { min: number; max: number } | null {
  if (def.scoring !== 'sum' || def.items.kind !== 'score') return null;
  const count = (intervalMonths !== undefined && intervalMonths !== null ? intervalOf(def, intervalMonths)?.itemCount : null) ?? def.items.count;
  const high = def.items.allowed ? Math.max(...def.items.allowed) : def.items.max;
  const low = def.items.allowed ? Math.min(...def.items.allowed) : def.items.min;
  return { min: round1(count * low), max: round1(count * (high + (def.items.concernPoints ?? 0))) };
}

export type ScoreResult =
  | { ok: true; items: ScoredItem[]; total: number | null; cutoff: AppliedCutoff | null; zone: Zone | null }
  | { ok: false; issues: FieldIssue[] };

/**
 * Checks every item against the definition (all problems at once, in Danish, with the field path) and scores the
 * measurement. `intervalMonths` is the questionnaire for instruments with intervals.
 */
export function scoreMeasurement(def: InstrumentDefinition, intervalMonths: number | null, items: ItemAnswer[]): ScoreResult {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  let interval: Interval | null = null;
  if (def.intervals) {
    if (intervalMonths === null) add('interval', 'Vælg skemaets interval.');
    else {
      interval = intervalOf(def, intervalMonths);
      if (!interval) add('interval', `${def.name} har ikke et ${intervalMonths}-måneders-skema.`);
    }
  } else if (intervalMonths !== null) add('interval', `${def.name} har ingen intervaller.`);

  const expected = expectedItemCount(def, interval);
  if (expected !== null && items.length !== expected) add('items', `${def.name}${interval ? ` (${interval.months} mdr.)` : ''} har ${expected} punkter; der er udfyldt ${items.length}.`);
  else if (expected === null && (items.length < 1 || items.length > def.items.count)) add('items', `Angiv mellem 1 og ${def.items.count} punkter.`);

  const { kind, min, max, decimals, allowed, concernPoints } = def.items;
  const scored: ScoredItem[] = items.map((item, i) => {
    const n = i + 1;
    const path = `items.${i}`;
    const text = item.text?.trim() ? item.text.trim().normalize('NFC') : null;
    if (item.concern && concernPoints === null) add(`${path}.concern`, `Punkt ${n} kan ikke markeres med bekymring.`);
    if (kind === 'note') {
      if (typeof item.value === 'number') add(`${path}.value`, `Punkt ${n} er en tekst, ikke et tal.`);
      return { number: n, value: null, score: null, concern: false, text };
    }
    if (text) add(`${path}.text`, `Punkt ${n} er et tal, ikke en tekst.`);
    const value = item.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      add(`${path}.value`, `Punkt ${n} skal udfyldes.`);
      return { number: n, value: null, score: null, concern: Boolean(item.concern), text: null };
    }
    if (allowed && !allowed.includes(value)) add(`${path}.value`, `Punkt ${n} skal være ${listOr(allowed)}.`);
    else if (value < min || value > max) add(`${path}.value`, `Punkt ${n} skal være mellem ${formatNumber(min)} og ${formatNumber(max)}.`);
    else if (decimals === 0 && !Number.isInteger(value)) add(`${path}.value`, `Punkt ${n} skal være et helt tal.`);
    else if (decimals === 1 && Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) add(`${path}.value`, `Punkt ${n} må højst have én decimal.`);
    return { number: n, value, score: itemScore(def, n, value), concern: Boolean(item.concern), text: null };
  });
  if (issues.length) return { ok: false, issues };
  const total = liveTotal(def, items);
  const cutoff = cutoffFor(def, interval?.months ?? null);
  return { ok: true, items: scored, total, cutoff, zone: zoneOf(total, cutoff) };
}
