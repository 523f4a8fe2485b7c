import { todayIso } from '../../../common/dates';
import type { ProgressionOverview } from '../../../common/progression';
import { handlers } from '../../core/context';
import { loadGoals } from '../goals/queries';
import { currentVersions } from '../instruments/queries';
import { alliancePairs, familyFacts, inForce, scheduleOf } from './facts';
import { loadMeasurements } from './measurement-queries';

/**
 * The leaders' overview of every family living at the institution that the user may see (need-to-know, like every
 * list): the latest measurement per instrument and person where it is flagged (alliance ratings are counted under
 * alliance alerts instead), overdue measurements, overdue goal reviews and alliance alerts.
 */
export const overviewHandlers = handlers({
  'progression:overview': {
    audit: { action: 'read', subject: 'progression: overblik' },
    async run({ db, now, families }) {
      const today = todayIso(now);
      const scope = await families.scope();
      let q = db.selectFrom('families').select('id').where('end_date', 'is', null);
      if (scope) q = q.where('id', 'in', scope.length ? scope : [0]);
      const ids = (await q.execute()).map((r) => r.id);
      const facts = await familyFacts(db, ids);
      const measurements = inForce(await loadMeasurements(db, { familyIds: ids }));
      const instruments = await currentVersions(db, { activeOnly: true });
      const goals = await loadGoals(db, { familyIds: ids }, today, { observations: false });
      const rows: ProgressionOverview['families'] = facts.map((f) => {
        const own = measurements.filter((m) => m.familyId === f.id);
        const latest = new Map<string, (typeof own)[number]>();
        for (const m of own) {
          const key = `${m.instrument.id}:${m.person.id}`;
          const seen = latest.get(key);
          if (!seen || m.measuredOn > seen.measuredOn || (m.measuredOn === seen.measuredOn && m.id > seen.id)) latest.set(key, m);
        }
        const flagged = [...latest.values()]
          .flatMap((m) =>
            m.flagged && !m.instrument.perStaff && m.total !== null && m.cutoff
              ? [{ measurementId: m.id, instrumentName: m.instrument.name, personName: m.person.name, measuredOn: m.measuredOn, total: m.total, cutoff: m.cutoff.value, rule: m.cutoff.rule }]
              : [],
          )
          .sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
        const overdueMeasurements = scheduleOf(f, own, instruments, today).filter((i) => i.status === 'overdue');
        const overdueReviews = goals
          .flatMap((g) => (g.familyId === f.id && g.reviewDue?.overdue ? [{ goalId: g.id, text: g.text, dueOn: g.reviewDue.dueOn, overdue: true, targetPassed: g.targetPassed }] : []));
        const allianceAlerts = alliancePairs(own).filter((p) => p.alert.low || p.alert.falling);
        return {
          familyId: f.id,
          displayName: f.displayName,
          phase: f.phase,
          coordinatorName: f.coordinatorName,
          flagged,
          overdueMeasurements,
          overdueReviews,
          allianceAlerts,
          attention: flagged.length + overdueMeasurements.length + overdueReviews.length + allianceAlerts.length > 0,
        };
      });
      families.shown(rows.map((r) => r.familyId));
      return { today, families: rows.sort((a, b) => Number(b.attention) - Number(a.attention)) };
    },
  },
});
