import type { Kysely } from 'kysely';
import { daysBetween } from '../../../common/dates';
import { destinationOutcome, openStepStatuses, type DischargeStatus, type Step } from '../../../common/discharge';
import { byDate, isOverdue, isPlannedToday, lastDayOf, timelineEntry } from '../../../common/discharge-timeline';
import { partyLabel } from '../../../common/parties';
import { danishDate } from '../../../common/text-input';
import type { Database } from '../../../db/schema';
import { partyOf } from '../network/parties';
import { loadDischargePlans } from './queries';

/** The udslusningsplan's steps where others need them: the family overview and close dialog, the leaders' list, the shift handover. */

function brief(step: Step, today: string) {
  const e = timelineEntry(step, today);
  return { key: e.key, title: e.title, startsOn: e.startsOn, lastDay: e.lastDay, status: e.status, responsible: e.responsible, overdue: e.overdue };
}

/** The newest plan as the family overview and the close dialog need it; null when there is no plan. */
export async function dischargeStatus(db: Kysely<Database>, familyId: number, today: string): Promise<DischargeStatus | null> {
  const [plan] = await loadDischargePlans(db, familyId, 'newest');
  if (!plan) return null;
  const open = plan.steps.filter((s) => openStepStatuses.includes(s.status)).sort(byDate);
  const next = open.find((s) => lastDayOf(s) >= today);
  return {
    version: plan.version,
    updatedAt: plan.createdAt,
    destination: plan.destination,
    suggestedOutcome: destinationOutcome[plan.destination],
    targetDate: plan.targetDate,
    unfinishedSteps: open.map((s) => brief(s, today)),
    overdueSteps: open.filter((s) => isOverdue(s, today)).map((s) => brief(s, today)),
    nextStep: next ? brief(next, today) : null,
  };
}

/** The still-open steps of the newest plan of each of the given families (null: every family) that is not closed. */
async function openStepsOfNewestPlans(db: Kysely<Database>, familyIds: number[] | null) {
  if (familyIds?.length === 0) return [];
  let q = db
    .selectFrom('discharge_plan_versions as v')
    .innerJoin('families as f', 'f.id', 'v.family_id')
    .innerJoin('discharge_plan_steps as s', 's.version_id', 'v.id')
    .selectAll('s')
    .select(['v.family_id', 'v.version', 'f.display_name'])
    .where('f.end_date', 'is', null)
    .where('s.status', 'in', [...openStepStatuses])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('discharge_plan_versions as w').select('w.id').whereRef('w.family_id', '=', 'v.family_id').whereRef('w.version', '>', 'v.version'))),
    );
  if (familyIds) q = q.where('v.family_id', 'in', familyIds);
  const rows = await q.execute();
  return rows.map((r) => ({
    familyId: r.family_id,
    familyName: r.display_name,
    planVersion: r.version,
    step: {
      key: r.step_key,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      responsible: partyOf(r),
      description: r.description,
      status: r.status,
      evaluation: r.evaluation,
    } satisfies Step,
  }));
}

/** Every overdue step in the families the user may see, the longest overdue first. */
export async function overdueSteps(db: Kysely<Database>, familyIds: number[] | null, today: string) {
  const collator = new Intl.Collator('da');
  return (await openStepsOfNewestPlans(db, familyIds))
    .filter((r) => isOverdue(r.step, today))
    .map((r) => ({ ...brief(r.step, today), familyId: r.familyId, familyName: r.familyName, planVersion: r.planVersion, daysOverdue: daysBetween(lastDayOf(r.step), today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || collator.compare(a.familyName, b.familyName) || a.key - b.key);
}

/** For the shift handover: each family's steps planned for today, and its overdue steps (overdue: true). */
export async function plannedTodayByFamily(db: Kysely<Database>, familyIds: number[], today: string) {
  const byFamily = new Map<number, Array<{ kind: 'plan_step'; label: string; date: string; overdue: boolean }>>();
  const rows = (await openStepsOfNewestPlans(db, familyIds)).sort((a, b) => byDate(a.step, b.step));
  for (const { familyId, step } of rows) {
    const overdue = isOverdue(step, today);
    if (!overdue && !isPlannedToday(step, today)) continue;
    const days = step.endsOn && step.endsOn !== step.startsOn ? ` (${danishDate(step.startsOn)}–${danishDate(step.endsOn)})` : '';
    const label = overdue
      ? `Udslusning: ${step.title} — skulle være afsluttet ${danishDate(lastDayOf(step))} (ansvarlig: ${partyLabel(step.responsible)})`
      : `Udslusning: ${step.title}${days} (ansvarlig: ${partyLabel(step.responsible)})`;
    const items = byFamily.get(familyId) ?? [];
    items.push({ kind: 'plan_step', label, date: overdue ? lastDayOf(step) : step.startsOn, overdue });
    byFamily.set(familyId, items);
  }
  return byFamily;
}
