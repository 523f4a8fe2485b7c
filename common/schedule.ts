import { z } from 'zod';
import { addDays, firstDateAtAge, isPremature, lastDateAtAge, maxDate, minDate, type Age, type ChildDates } from './age';
import type { PersonKind } from './families';
import type { InstrumentDefinition } from './instruments';
import type { Zone } from './scoring';

/**
 * Which measurements are due for a family, from the instruments' own schedules (data, not code). Pure date math.
 *
 * - The base date is move-in: the first day of the phase Familieanbringelse, or the forløb's start while the family
 *   has not moved in. Nothing is due for a closed family.
 * - 'age_intervals' (ASQ:SE-2): each questionnaire is due from the day the child's corrected age enters its window
 *   (or move-in, if later), overdue once the child has reached the questionnaire's age (6 months for the
 *   6-month questionnaire) and at least `graceDays` have passed since it became due, and missed when the window has
 *   closed. Windows that closed before move-in are not listed; a questionnaire done at any time is done.
 * - 'every' (ADBB, PSS): first due at move-in, or for a child when it enters the instrument's age band; then
 *   `everyDays` after the latest measurement, or `repeatIfFlaggedDays` after a flagged one; overdue `graceDays`
 *   after it became due. A child leaves the schedule when it leaves the age band (completed months above the band).
 * - Child instruments are scheduled for the family's children (kind 'child') who are born; parent instruments for
 *   each parent (mother, father, co-mother, step-parent).
 * Items that become due more than LOOKAHEAD_DAYS ahead are not listed.
 */
export const LOOKAHEAD_DAYS = 14;
export const PARENT_KINDS: readonly PersonKind[] = ['mother', 'father', 'co_mother', 'step_parent'];
export const CHILD_KINDS: readonly PersonKind[] = ['child', 'sibling'];

export const scheduleStatuses = ['overdue', 'due', 'upcoming', 'missed'] as const;
export type ScheduleStatus = (typeof scheduleStatuses)[number];
export const scheduleStatusLabels: Record<ScheduleStatus, string> = { overdue: 'Overskredet', due: 'Skal måles nu', upcoming: 'Snart', missed: 'Ikke nået i aldersvinduet' };

export const scheduleItemSchema = z.object({
  instrumentId: z.number().int(),
  instrumentName: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  /** The questionnaire (months) for instruments with intervals. */
  interval: z.number().int().nullable(),
  dueFrom: z.string(),
  overdueAfter: z.string(),
  /** The last day of the age window (intervals) or of the age band; null: none. */
  until: z.string().nullable(),
  status: z.enum(scheduleStatuses),
  lastMeasuredOn: z.string().nullable(),
  /** Why it is due, in Danish (no dates: the screen formats those). */
  reason: z.string(),
});
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export interface ScheduleFamily {
  startDate: string;
  moveInDate: string | null;
  endDate: string | null;
}
export interface SchedulePerson {
  id: number;
  kind: PersonKind;
  name: string;
  birthDate: string | null;
  dueDate: string | null;
}
export interface ScheduleInstrument {
  id: number;
  definition: InstrumentDefinition;
}
export interface ScheduleMeasurement {
  instrumentId: number;
  personId: number;
  measuredOn: string;
  interval: number | null;
  zone: Zone | null;
}

function statusOf(today: string, dueFrom: string, overdueAfter: string, until: string | null): ScheduleStatus {
  if (until !== null && today > until) return 'missed';
  if (today < dueFrom) return 'upcoming';
  return today <= overdueAfter ? 'due' : 'overdue';
}

const ageText = (a: Age) => (a.days ? `${a.months} mdr. ${a.days} d.` : `${a.months} mdr.`);

/** The day before the child's (corrected) age reaches `months + 1` months: the last day of an age band. */
function bandEnd(child: ChildDates, toMonths: number): string {
  return addDays(firstDateAtAge(child, { months: toMonths + 1, days: 0 }), -1);
}

export function dueList(input: {
  today: string;
  family: ScheduleFamily;
  persons: SchedulePerson[];
  instruments: ScheduleInstrument[];
  measurements: ScheduleMeasurement[];
}): ScheduleItem[] {
  const { today, family, persons, instruments, measurements } = input;
  if (family.endDate !== null) return [];
  const base = family.moveInDate ?? family.startDate;
  const horizon = addDays(today, LOOKAHEAD_DAYS);
  const items: ScheduleItem[] = [];
  for (const { id, definition: def } of instruments) {
    const schedule = def.schedule;
    if (!schedule) continue;
    const subjects = persons.filter((p) => (def.subject === 'child' ? p.kind === 'child' && p.birthDate !== null : PARENT_KINDS.includes(p.kind)));
    for (const person of subjects) {
      const done = measurements.filter((m) => m.instrumentId === id && m.personId === person.id).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
      const last = done[done.length - 1] ?? null;
      const item = (fields: { interval: number | null; dueFrom: string; overdueAfter: string; until: string | null; reason: string }) => {
        const status = statusOf(today, fields.dueFrom, fields.overdueAfter, fields.until);
        if (status === 'upcoming' && fields.dueFrom > horizon) return;
        items.push({ instrumentId: id, instrumentName: def.name, personId: person.id, personName: person.name, status, lastMeasuredOn: last?.measuredOn ?? null, ...fields });
      };
      const child: ChildDates | null = person.birthDate ? { birthDate: person.birthDate, dueDate: person.dueDate } : null;
      if (schedule.kind === 'age_intervals') {
        if (!child) continue;
        const corrected = isPremature(child) ? 'korrigeret alder' : 'alder';
        for (const iv of def.intervals ?? []) {
          if (done.some((m) => m.interval === iv.months)) continue;
          const until = lastDateAtAge(child, iv.to);
          if (until < base) continue;
          const dueFrom = maxDate(firstDateAtAge(child, iv.from), base);
          const overdueAfter = minDate(until, maxDate(firstDateAtAge(child, { months: iv.months, days: 0 }), addDays(dueFrom, schedule.graceDays)));
          item({ interval: iv.months, dueFrom, overdueAfter, until, reason: `${iv.months}-måneders-skema: ${corrected} ${ageText(iv.from)} – ${ageText(iv.to)}` });
        }
        continue;
      }
      let bandFrom: string | null = null;
      let until: string | null = null;
      if (child && def.ageBand) {
        bandFrom = firstDateAtAge(child, { months: def.ageBand.fromMonths, days: 0 });
        until = bandEnd(child, def.ageBand.toMonths);
      }
      let dueFrom: string;
      let reason: string;
      if (last) {
        const repeatAfter = last.zone === 'flagged' ? schedule.repeatIfFlaggedDays : null;
        dueFrom = addDays(last.measuredOn, repeatAfter ?? schedule.everyDays);
        reason = repeatAfter !== null ? `Gentages ${repeatAfter} dage efter en måling over grænseværdien` : `Gentages hver ${schedule.everyDays}. dag`;
      } else {
        dueFrom = bandFrom ? maxDate(base, bandFrom) : base;
        reason = bandFrom && def.ageBand && bandFrom > base ? `Første måling, når barnet er ${def.ageBand.fromMonths} mdr.` : 'Første måling efter indflytning';
      }
      if (until !== null && dueFrom > until) continue;
      item({ interval: null, dueFrom, overdueAfter: addDays(dueFrom, schedule.graceDays), until, reason });
    }
  }
  const order: Record<ScheduleStatus, number> = { overdue: 0, due: 1, upcoming: 2, missed: 3 };
  return items.sort((a, b) => order[a.status] - order[b.status] || a.dueFrom.localeCompare(b.dueFrom) || a.instrumentName.localeCompare(b.instrumentName, 'da'));
}
