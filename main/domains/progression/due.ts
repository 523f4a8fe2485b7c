import type { Kysely } from 'kysely';
import type { HandoverItem } from '../../../common/channels/handover';
import type { Database } from '../../../db/schema';
import { loadGoals } from '../goals/queries';
import { currentVersions } from '../instruments/queries';
import { familyFacts, inForce, scheduleOf } from './facts';
import { loadMeasurements } from './measurement-queries';

/**
 * What is due in each family for the shift handover: measurements due or overdue on the child's schedule (the same
 * schedule as the Progression tab) and goal reviews due, overdue first.
 */
export async function dueByFamily(db: Kysely<Database>, familyIds: number[], today: string): Promise<Map<number, HandoverItem[]>> {
  const due = new Map<number, HandoverItem[]>();
  if (familyIds.length === 0) return due;
  const facts = await familyFacts(db, familyIds);
  const measurements = inForce(await loadMeasurements(db, { familyIds }));
  const instruments = await currentVersions(db, { activeOnly: true });
  const goals = await loadGoals(db, { familyIds }, today, { observations: false });
  for (const f of facts) {
    const items: HandoverItem[] = scheduleOf(
      f,
      measurements.filter((m) => m.familyId === f.id),
      instruments,
      today,
    )
      .filter((i) => i.status === 'overdue' || i.status === 'due')
      .map((i) => ({ kind: 'measurement', label: `${i.instrumentName} · ${i.personName}`, date: i.status === 'overdue' ? i.overdueAfter : i.dueFrom, overdue: i.status === 'overdue' }));
    for (const g of goals) {
      if (g.familyId !== f.id || !g.reviewDue) continue;
      items.push({ kind: 'goal_review', label: `Opfølgning på målet «${g.text}»`, date: g.reviewDue.dueOn, overdue: g.reviewDue.overdue });
    }
    if (items.length) due.set(f.id, items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date)));
  }
  return due;
}
