import type { AlliancePair } from '../../../../../common/alliance';
import { goalStatusLabels, type Goal } from '../../../../../common/goals';
import type { Chart } from '../../../../../common/progression';
import { directionLabels } from '../../../../../common/instruments';
import { zoneLabels } from '../../../../../common/scoring';
import { cutoffBand, cutoffText, directionText, phaseMarkers, steppedBands, timeDomain, toTime, type Band, type ChartLine, type Marker } from '../../../ui/charts/chartModel';

/** What one ChartFigure needs, made from the backend's chart data (progression:chart). */
export interface Figure {
  key: string;
  title: string;
  description: string[];
  lines: ChartLine[];
  bands: Band[];
  markers: Marker[];
  xDomain: [number, number];
  yDomain: [number, number];
  yLabel: string;
  seriesLabel: string;
}

export type ChartInstrument = Chart['instruments'][number];
export type ChartGoal = Chart['goals'][number];

/** The x axis shared by every chart of a family: the period asked for, else the forløb from its start until today (or its end). */
export function familyDomain(chart: Chart, period: { from?: string | null; to?: string | null }, today: string): [number, number] {
  return timeDomain([toTime(chart.startDate), toTime(chart.endDate ?? today)], period);
}

export function instrumentFigure(inst: ChartInstrument, chart: Chart, xDomain: [number, number]): Figure {
  const withNames = inst.series.length > 1;
  const lines: ChartLine[] = inst.hasTotal
    ? inst.series.map((s) => ({
        key: `p${s.personId}`,
        name: s.personName,
        points: s.points.flatMap((p) =>
          p.total === null
            ? []
            : [
                {
                  t: toTime(p.date),
                  date: p.date,
                  value: p.total,
                  flagged: p.flagged,
                  note: [p.interval ? `${p.interval}-måneders-skema` : null, p.zone && p.zone !== 'ok' ? zoneLabel(p.zone, inst) : null].filter(Boolean).join(' · ') || null,
                },
              ],
        ),
      }))
    : inst.series.flatMap((s) =>
        inst.itemLabels.map((label, i) => ({
          key: `p${s.personId}-i${i}`,
          name: withNames ? `${label} (${s.personName})` : label,
          points: s.points.flatMap((p) => {
            const value = p.items[i];
            return value === null || value === undefined ? [] : [{ t: toTime(p.date), date: p.date, value, flagged: false, note: null }];
          }),
        })),
      );
  const bands: Band[] = [];
  if (inst.cutoff && inst.cutoff.value !== null) bands.push(cutoffBand(inst.cutoff.rule, inst.cutoff.value, inst.range, inst.cutoff.label));
  else if (inst.cutoff) {
    const points = inst.series.flatMap((s) => s.points.map((p) => ({ t: toTime(p.date), cutoff: p.cutoffValue })));
    bands.push(...steppedBands(points, inst.cutoff.rule, inst.range, inst.cutoff.label, xDomain[1]));
  }
  const description = [
    directionText(inst.direction),
    inst.cutoff?.value !== null && inst.cutoff ? `Grænseværdi ${cutoffText(inst.cutoff.rule, inst.cutoff.value)}${inst.cutoff.label ? `: ${inst.cutoff.label}` : ''}` : null,
    inst.cutoff && inst.cutoff.value === null ? 'Grænseværdi efter skemaets interval' : null,
    inst.hasTotal ? `Total ${inst.range.min}–${inst.range.max}` : `Hver skala ${inst.range.min}–${inst.range.max}`,
  ].filter((d): d is string => d !== null);
  return {
    key: `instrument-${inst.instrumentId}`,
    title: inst.name,
    description,
    lines,
    bands,
    markers: phaseMarkers(chart.phases, xDomain),
    xDomain,
    yDomain: [inst.range.min, inst.range.max],
    yLabel: inst.hasTotal ? 'Total' : 'Point',
    seriesLabel: inst.hasTotal ? 'Person' : 'Skala',
  };
}

/** "Over cut-off" reads wrong for a rule that flags low totals (SRS, ORS): say which side. */
function zoneLabel(zone: 'monitor' | 'flagged', inst: ChartInstrument): string {
  if (zone === 'monitor') return zoneLabels.monitor;
  return inst.cutoff && (inst.cutoff.rule === 'lte' || inst.cutoff.rule === 'lt') ? 'Under grænseværdien' : 'Over grænseværdien';
}

export function goalFigure(goal: ChartGoal, phases: Chart['phases'], xDomain: [number, number]): Figure {
  const line = (key: 'staffScore' | 'parentScore', name: string): ChartLine => ({
    key,
    name,
    points: goal.reviews.flatMap((r) => {
      const value = r[key];
      return value === null ? [] : [{ t: toTime(r.date), date: r.date, value, flagged: false, note: null }];
    }),
  });
  const ends = [goal.scale.lowLabel ? `${goal.scale.min} = ${goal.scale.lowLabel}` : null, goal.scale.highLabel ? `${goal.scale.max} = ${goal.scale.highLabel}` : null].filter((d): d is string => d !== null);
  return {
    key: `goal-${goal.goalId}`,
    title: goal.text,
    description: [`${goalStatusLabels[goal.status]}`, `Skala ${goal.scale.min}–${goal.scale.max}${ends.length ? ` (${ends.join(', ')})` : ''}`],
    lines: [line('staffScore', 'Medarbejdernes vurdering'), line('parentScore', 'Forældrenes egen vurdering')],
    bands: [],
    markers: phaseMarkers(phases, xDomain),
    xDomain,
    yDomain: [goal.scale.min, goal.scale.max],
    yLabel: 'Point',
    seriesLabel: 'Vurdering',
  };
}

/** The samarbejdsalliance: one line per staff member, the cut-off band of the instrument (SRS ≤ 36). */
export function allianceFigure(pairs: AlliancePair[], xDomain: [number, number], markers: Marker[], range = { min: 0, max: 40 }): Figure | null {
  const first = pairs[0];
  if (!first) return null;
  const cutoff = first.cutoff;
  return {
    key: `alliance-${first.instrumentId}`,
    title: `Samarbejdsalliancen (${first.instrumentName})`,
    description: [directionLabels.higher_better, ...(cutoff ? [`Grænseværdi ${cutoffText(cutoff.rule, cutoff.value)}: bekymring for samarbejdsalliancen`] : [])],
    lines: pairs.map((p) => ({
      key: `s${p.staff.id}-${p.instrumentId}`,
      name: p.staff.name,
      points: p.points.map((pt) => ({ t: toTime(pt.date), date: pt.date, value: pt.total, flagged: pt.zone === 'flagged', note: pt.zone === 'flagged' ? 'Under grænseværdien' : null })),
    })),
    bands: cutoff ? [cutoffBand(cutoff.rule, cutoff.value, range, null)] : [],
    markers,
    xDomain,
    yDomain: [range.min, range.max],
    yLabel: 'Total',
    seriesLabel: 'Medarbejder',
  };
}

/** A goal as goals:list gives it, in the chart's shape. */
export function chartGoalOf(g: Pick<Goal, 'id' | 'text' | 'area' | 'status' | 'startDate' | 'targetDate' | 'scale' | 'reviews'>): ChartGoal {
  return {
    goalId: g.id,
    text: g.text,
    area: g.area,
    status: g.status,
    startDate: g.startDate,
    targetDate: g.targetDate,
    scale: g.scale,
    reviews: g.reviews.map((r) => ({ reviewId: r.id, date: r.reviewedOn, staffScore: r.staffScore, parentScore: r.parentScore })),
  };
}
