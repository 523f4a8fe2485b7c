import { daysBetween } from './dates';
import { openStepStatuses, type DischargePlanVersion, type Step, type TimelineEntry } from './discharge';
import { partyLabel } from './parties';

/** The udslusningsplan's steps against today: pure functions, the same for the screens and the backend. */

/** A step's last planned day: its end date, or its one day. */
export function lastDayOf(step: Pick<Step, 'startsOn' | 'endsOn'>): string {
  return step.endsOn ?? step.startsOn;
}

/** Its last day has passed while it is still planlagt or udskudt. */
export function isOverdue(step: Pick<Step, 'startsOn' | 'endsOn' | 'status'>, today: string): boolean {
  return openStepStatuses.includes(step.status) && lastDayOf(step) < today;
}

/** Planned for today: today is within its days and it is still planlagt or udskudt. */
export function isPlannedToday(step: Pick<Step, 'startsOn' | 'endsOn' | 'status'>, today: string): boolean {
  return openStepStatuses.includes(step.status) && step.startsOn <= today && today <= lastDayOf(step);
}

export function byDate<T extends Pick<Step, 'startsOn' | 'endsOn' | 'key'>>(a: T, b: T): number {
  return a.startsOn.localeCompare(b.startsOn) || lastDayOf(a).localeCompare(lastDayOf(b)) || a.key - b.key;
}

export function timelineEntry(step: Step, today: string): TimelineEntry {
  const lastDay = lastDayOf(step);
  return {
    key: step.key,
    title: step.title,
    startsOn: step.startsOn,
    lastDay,
    status: step.status,
    responsible: partyLabel(step.responsible),
    when: lastDay < today ? 'past' : step.startsOn > today ? 'future' : 'current',
    overdue: isOverdue(step, today),
    daysFromToday: daysBetween(today, step.startsOn),
  };
}

/** The steps by date, each placed against today. */
export function timelineOf(steps: Step[], today: string): TimelineEntry[] {
  return [...steps].sort(byDate).map((s) => timelineEntry(s, today));
}

/** Each step's status over the versions: its first status, then every change, with when, who and why. */
export function stepHistoryOf(versions: DischargePlanVersion[]) {
  const history = new Map<number, { key: number; title: string; changes: Array<{ version: number; status: Step['status']; at: string; by: DischargePlanVersion['author']; reason: string; evaluation: string | null }> }>();
  for (const v of versions) {
    for (const step of v.steps) {
      const h = history.get(step.key) ?? { key: step.key, title: step.title, changes: [] };
      h.title = step.title;
      const last = h.changes.at(-1);
      if (!last || last.status !== step.status || last.evaluation !== step.evaluation) {
        h.changes.push({ version: v.version, status: step.status, at: v.createdAt, by: v.author, reason: v.reason, evaluation: step.evaluation });
      }
      history.set(step.key, h);
    }
  }
  return [...history.values()];
}
