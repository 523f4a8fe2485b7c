import { todayIso } from '../../../common/dates';
import { stepStatusLabels, type DischargePlanVersion } from '../../../common/discharge';
import { stepHistoryOf, timelineOf } from '../../../common/discharge-timeline';
import { AppFailure } from '../../../common/errors';
import { diffDischargePlans } from '../../../common/plan-diff';
import { PLAN_CHANGED_MESSAGE } from '../../../common/plan-keys';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { dischargeVersionList, loadDischargePlans, stayStart } from './queries';
import { overdueSteps } from './status';
import { carriedOver, dateIssues, resolvePlan, writeVersion } from './write';

function versionOf(versions: DischargePlanVersion[], version: number, path: string): DischargePlanVersion {
  const v = versions.find((x) => x.version === version);
  if (!v) {
    const message = `Udgave ${version} findes ikke.`;
    throw new AppFailure('invalid_input', message, [{ path, message }]);
  }
  return v;
}

/** The newest version, when it is the one the editor started from; otherwise someone changed the plan meanwhile. */
function newestIfBase(versions: DischargePlanVersion[], baseVersion: number | null): DischargePlanVersion | undefined {
  const newest = versions.at(-1);
  if ((newest?.version ?? null) !== baseVersion) throw new AppFailure('conflict', PLAN_CHANGED_MESSAGE);
  return newest;
}

/**
 * The udslusningsplan: every change appends a whole new version with date, author and reason — a step's status change
 * too — so earlier versions stay readable and comparable.
 */
export const dischargeHandlers = handlers({
  'discharge:get': {
    audit: { action: 'read', subject: 'udslusningsplan', detail: (input) => (input.version ? { version: input.version } : undefined) },
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      const versions = await loadDischargePlans(db, input.familyId);
      const current = versions.at(-1) ?? null;
      const plan = input.version ? versionOf(versions, input.version, 'version') : current;
      const today = todayIso(now);
      return {
        familyId: input.familyId,
        today,
        plan,
        currentVersion: current?.version ?? null,
        versions: dischargeVersionList(versions),
        timeline: { stayStart: (await stayStart(db, input.familyId)).stayStart, targetDate: plan?.targetDate ?? null, entries: timelineOf(plan?.steps ?? [], today) },
        stepHistory: stepHistoryOf(versions),
      };
    },
  },

  'discharge:save': {
    audit: { action: 'change', subject: 'udslusningsplan: ny udgave', detail: (input) => ({ baseVersion: input.baseVersion }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const previous = newestIfBase(await loadDischargePlans(db, input.familyId), input.baseVersion);
      const plan = await resolvePlan(db, now, input, previous);
      await writeVersion(db, input.familyId, (previous?.version ?? 0) + 1, plan, user.id, now.toISOString());
      const [saved] = await loadDischargePlans(db, input.familyId, 'newest');
      if (!saved) throw new AppFailure('not_found', 'Udslusningsplanen findes ikke.');
      return saved;
    },
  },

  'discharge:setStepStatus': {
    audit: { action: 'change', subject: 'udslusningsplan: status for trin', detail: (input) => ({ baseVersion: input.baseVersion, stepKey: input.stepKey, status: input.status }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const previous = newestIfBase(await loadDischargePlans(db, input.familyId), input.baseVersion);
      if (!previous) throw new AppFailure('conflict', PLAN_CHANGED_MESSAGE);
      const plan = carriedOver(previous, input.reason ?? '');
      const step = plan.steps.find((s) => s.key === input.stepKey);
      if (!step) {
        const message = 'Trinnet findes ikke i planen.';
        throw new AppFailure('invalid_input', message, [{ path: 'stepKey', message }]);
      }
      const startsOn = input.startsOn ?? step.startsOn;
      const endsOn = input.startsOn !== undefined || input.endsOn !== null ? input.endsOn : step.endsOn;
      const problems = await dateIssues(db, input.familyId, now, { steps: [{ startsOn, path: 'startsOn' }] });
      if (endsOn !== null && endsOn < startsOn) problems.push({ path: 'endsOn', message: 'Trinnet slutter, før det begynder.' });
      const [problem] = problems;
      if (problem) throw new AppFailure('invalid_input', problem.message, problems);
      if (step.status === input.status && step.startsOn === startsOn && step.endsOn === endsOn && (input.evaluation === null || input.evaluation === step.evaluation)) {
        throw new AppFailure('conflict', `Trinnet har allerede status ${stepStatusLabels[input.status].toLowerCase()}.`);
      }
      const from = stepStatusLabels[step.status].toLowerCase();
      Object.assign(step, { status: input.status, startsOn, endsOn, evaluation: input.evaluation ?? step.evaluation });
      plan.reason = input.reason ?? `Status for trinnet '${step.title}' ændret fra ${from} til ${stepStatusLabels[input.status].toLowerCase()}.`;
      await writeVersion(db, input.familyId, previous.version + 1, plan, user.id, now.toISOString());
      const [saved] = await loadDischargePlans(db, input.familyId, 'newest');
      if (!saved) throw new AppFailure('not_found', 'Udslusningsplanen findes ikke.');
      return saved;
    },
  },

  'discharge:diff': {
    audit: { action: 'read', subject: 'udslusningsplan: sammenligning', detail: (input) => ({ fromVersion: input.fromVersion, toVersion: input.toVersion }) },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      const versions = await loadDischargePlans(db, input.familyId);
      return diffDischargePlans(versionOf(versions, input.fromVersion, 'fromVersion'), versionOf(versions, input.toVersion, 'toVersion'));
    },
  },

  'discharge:overdue': {
    audit: { action: 'read', subject: 'overskredne trin i udslusningsplaner' },
    async run({ db, now, families }) {
      const rows = await overdueSteps(db, await families.scope(), todayIso(now));
      families.shown(rows.map((r) => r.familyId));
      return rows;
    },
  },
});
