import { z } from 'zod';
import type { Direction } from './instruments';
import { userRefSchema } from './users';
import { zones, type Zone } from './scoring';

/**
 * The samarbejdsalliance: session ratings (SRS, or any instrument marked `perStaff`) per staff member and family.
 * An alert is raised for a staff–family pair when
 * - low: the latest rating is flagged by the instrument's cut-off (SRS: total ≤ 36), or
 * - falling: the latest rating is at least FALLING_POINTS worse than the mean of the pair's previous ratings (up to
 *   FALLING_WINDOW of them; worse = lower when higher is better). One point is within what a mark on a 10 cm line
 *   varies from session to session; two points below the recent level is a change worth talking about.
 * The alert stays until a newer rating no longer meets either rule.
 */
export const FALLING_POINTS = 2;
export const FALLING_WINDOW = 3;

export interface AlliancePoint {
  date: string;
  total: number;
  zone: Zone | null;
}

export function allianceAlert(points: AlliancePoint[], direction: Direction | null): { low: boolean; falling: boolean } {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted[sorted.length - 1];
  if (!latest) return { low: false, falling: false };
  const previous = sorted.slice(-1 - FALLING_WINDOW, -1);
  let falling = false;
  if (previous.length) {
    const mean = previous.reduce((s, p) => s + p.total, 0) / previous.length;
    const worseBy = direction === 'higher_worse' ? latest.total - mean : mean - latest.total;
    falling = worseBy >= FALLING_POINTS - 1e-9;
  }
  return { low: latest.zone === 'flagged', falling };
}

export const alliancePairSchema = z.object({
  staff: userRefSchema,
  instrumentId: z.number().int(),
  instrumentName: z.string(),
  cutoff: z.object({ rule: z.string(), value: z.number() }).nullable(),
  points: z.array(z.object({ measurementId: z.number().int(), date: z.string(), total: z.number(), zone: z.enum(zones).nullable(), personId: z.number().int() })),
  alert: z.object({ low: z.boolean(), falling: z.boolean() }),
});
export type AlliancePair = z.infer<typeof alliancePairSchema>;
