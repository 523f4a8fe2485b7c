import { childAge } from '../../../common/age';
import { todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { loadGoals } from '../goals/queries';
import { currentVersions } from '../instruments/queries';
import { alliancePairs, familyFacts, scheduleOf } from './facts';
import { loadMeasurements } from './measurement-queries';

/** A family's progression: children's (corrected) ages, what is due, every measurement, the alliance, goal reviews due. */
export const familyProgressionHandlers = handlers({
  'progression:family': {
    audit: { action: 'read', subject: 'progression' },
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      const today = todayIso(now);
      const [facts] = await familyFacts(db, [input.familyId]);
      if (!facts) throw new AppFailure('not_found', 'Familien findes ikke.');
      const measurements = await loadMeasurements(db, { familyIds: [input.familyId] });
      const instruments = await currentVersions(db, { activeOnly: true });
      const goals = await loadGoals(db, { familyIds: [input.familyId] }, today, { observations: false });
      return {
        familyId: input.familyId,
        today,
        moveInDate: facts.moveInDate,
        children: facts.persons
          .filter((p) => p.kind === 'child')
          .map((p) => {
            const age = p.birthDate ? childAge({ birthDate: p.birthDate, dueDate: p.dueDate }, today) : null;
            return { personId: p.id, name: p.name, birthDate: p.birthDate, dueDate: p.dueDate, ageToday: age ? { ...age.age, corrected: age.corrected, weeksEarly: age.weeksEarly } : null };
          }),
        due: scheduleOf(facts, measurements, instruments, today),
        measurements,
        alliance: alliancePairs(measurements),
        goalReviews: goals.flatMap((g) => (g.reviewDue ? [{ goalId: g.id, text: g.text, dueOn: g.reviewDue.dueOn, overdue: g.reviewDue.overdue, targetPassed: g.targetPassed }] : [])),
      };
    },
  },
});
