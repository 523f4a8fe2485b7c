import { todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import type { Chart } from '../../../common/progression';
import { totalRange } from '../../../common/scoring';
import { handlers } from '../../core/context';
import { loadGoals } from '../goals/queries';
import { currentVersions } from '../instruments/queries';
import { alliancePairs, familyFacts, inForce } from './facts';
import { loadMeasurements } from './measurement-queries';

const inPeriod = (date: string, from?: string, to?: string) => (!from || date >= from) && (!to || date <= to);

/**
 * Chart data for a family: per instrument over time the totals (or item scores, without a total) per person with the
 * cut-off band and direction; the phase changes for markers; per goal the reviews; the alliance per staff member.
 * Everything a chart and its accessible table need; ISO dates (the screen formats dd.mm.åååå).
 */
export const chartHandlers = handlers({
  'progression:chart': {
    audit: { action: 'read', subject: 'progressionsgrafer', detail: (input) => (input.from || input.to ? { from: input.from, to: input.to } : undefined) },
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      const [facts] = await familyFacts(db, [input.familyId]);
      if (!facts) throw new AppFailure('not_found', 'Familien findes ikke.');
      const measurements = inForce(await loadMeasurements(db, { familyIds: [input.familyId] })).filter((m) => inPeriod(m.measuredOn, input.from, input.to));
      const shown = measurements.filter((m) => !m.instrument.perStaff);
      const versions = await currentVersions(db, { instrumentIds: [...new Set(shown.map((m) => m.instrument.id))] });
      const instruments: Chart['instruments'] = versions.flatMap((v) => {
        const def = v.definition;
        if (def.items.kind !== 'score') return [];
        const own = shown.filter((m) => m.instrument.id === v.instrumentId).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id);
        // Each person measured, in order of their first measurement, with the name from that one.
        const persons = new Map<number, string>();
        for (const m of own) if (!persons.has(m.person.id)) persons.set(m.person.id, m.person.name);
        const hasTotal = def.scoring === 'sum';
        return [
          {
            instrumentId: v.instrumentId,
            name: def.name,
            subject: def.subject,
            direction: def.direction,
            hasTotal,
            range: totalRange(def) ?? { min: def.items.min, max: def.items.max },
            cutoff: def.cutoff && hasTotal ? { rule: def.cutoff.rule, value: def.intervals ? null : def.cutoff.value, label: def.cutoff.label } : null,
            itemLabels: def.items.labels,
            series: [...persons].map(([personId, personName]) => {
              const points = own.filter((m) => m.person.id === personId);
              return {
                personId,
                personName,
                points: points.map((m) => ({
                  measurementId: m.id,
                  date: m.measuredOn,
                  total: m.total,
                  zone: m.zone,
                  flagged: m.flagged,
                  cutoffValue: m.cutoff?.value ?? null,
                  monitoringFrom: m.cutoff?.monitoringFrom ?? null,
                  interval: m.interval,
                  version: m.instrument.version,
                  items: m.items.map((i) => i.score),
                  ageMonths: m.age?.months ?? null,
                })),
              };
            }),
          },
        ];
      });
      const goals = await loadGoals(db, { familyIds: [input.familyId] }, todayIso(now), { observations: false });
      return {
        familyId: facts.id,
        displayName: facts.displayName,
        startDate: facts.startDate,
        moveInDate: facts.moveInDate,
        plannedEndDate: facts.plannedEndDate,
        endDate: facts.endDate,
        phases: facts.phases,
        instruments,
        goals: goals.map((g) => ({
          goalId: g.id,
          text: g.text,
          area: g.area,
          status: g.status,
          startDate: g.startDate,
          targetDate: g.targetDate,
          scale: g.scale,
          reviews: g.reviews.filter((r) => inPeriod(r.reviewedOn, input.from, input.to)).map((r) => ({ reviewId: r.id, date: r.reviewedOn, staffScore: r.staffScore, parentScore: r.parentScore })),
        })),
        alliance: alliancePairs(measurements),
      };
    },
  },
});
