import type { Kysely } from 'kysely';
import type { AlliancePair } from '../../../common/alliance';
import { allianceAlert } from '../../../common/alliance';
import type { Phase } from '../../../common/families';
import type { Measurement } from '../../../common/measurements';
import { dueList, type ScheduleItem, type SchedulePerson } from '../../../common/schedule';
import type { Database, Outcome } from '../../../db/schema';
import type { InstrumentVersion } from '../instruments/queries';

/** What the schedule, the charts and the overview need to know about a family. */
export interface FamilyFacts {
  id: number;
  displayName: string;
  phase: Phase;
  startDate: string;
  plannedEndDate: string;
  endDate: string | null;
  outcome: Outcome | null;
  /** The first day of the phase Familieanbringelse; null before it. */
  moveInDate: string | null;
  phases: Array<{ phase: Phase; fromDate: string }>;
  persons: SchedulePerson[];
  coordinatorName: string | null;
}

export async function familyFacts(db: Kysely<Database>, familyIds: number[]): Promise<FamilyFacts[]> {
  if (!familyIds.length) return [];
  const families = await db
    .selectFrom('families as f')
    .select((eb) => [
      'f.id',
      'f.display_name',
      'f.phase',
      'f.start_date',
      'f.planned_end_date',
      'f.end_date',
      'f.outcome',
      eb
        .selectFrom('coordinator_periods as cp')
        .innerJoin('team_members as tm', 'tm.id', 'cp.team_member_id')
        .leftJoin('users as u', 'u.id', 'tm.user_id')
        .select((e) => e.fn.coalesce('u.name', 'tm.name').as('n'))
        .whereRef('cp.family_id', '=', 'f.id')
        .where('cp.to_at', 'is', null)
        .limit(1)
        .as('coordinator_name'),
    ])
    .where('f.id', 'in', familyIds)
    .execute();
  const phases = await db.selectFrom('family_phases').select(['family_id', 'phase', 'from_date']).where('family_id', 'in', familyIds).orderBy('from_date').orderBy('id').execute();
  const persons = await db.selectFrom('persons').select(['id', 'family_id', 'kind', 'name', 'birth_date', 'due_date']).where('family_id', 'in', familyIds).orderBy('id').execute();
  const collator = new Intl.Collator('da');
  return families
    .map((f) => {
      const own = phases.filter((p) => p.family_id === f.id);
      return {
        id: f.id,
        displayName: f.display_name,
        phase: f.phase,
        startDate: f.start_date,
        plannedEndDate: f.planned_end_date,
        endDate: f.end_date,
        outcome: f.outcome,
        moveInDate: own.find((p) => p.phase === 'stay')?.from_date ?? null,
        phases: own.map((p) => ({ phase: p.phase, fromDate: p.from_date })),
        persons: persons.filter((p) => p.family_id === f.id).map((p) => ({ id: p.id, kind: p.kind, name: p.name, birthDate: p.birth_date, dueDate: p.due_date })),
        coordinatorName: (f.coordinator_name as string | null) ?? null,
      };
    })
    .sort((a, b) => collator.compare(a.displayName, b.displayName));
}

/** Measurements in force: the newest version of each, without the withdrawn ones. */
export function inForce(measurements: Measurement[]): Measurement[] {
  return measurements.filter((m) => !m.withdrawn);
}

/** The family's due list from the instruments' schedules (common/schedule.ts). */
export function scheduleOf(facts: FamilyFacts, measurements: Measurement[], instruments: InstrumentVersion[], today: string): ScheduleItem[] {
  return dueList({
    today,
    family: { startDate: facts.startDate, moveInDate: facts.moveInDate, endDate: facts.endDate },
    persons: facts.persons,
    instruments: instruments.filter((i) => i.active).map((i) => ({ id: i.instrumentId, definition: i.definition })),
    measurements: inForce(measurements)
      .filter((m) => m.familyId === facts.id)
      .map((m) => ({ instrumentId: m.instrument.id, personId: m.person.id, measuredOn: m.measuredOn, interval: m.interval, zone: m.zone })),
  });
}

/** Session ratings (SRS) per staff member and instrument, oldest first, with the alert (common/alliance.ts). */
export function alliancePairs(measurements: Measurement[]): AlliancePair[] {
  const pairs = new Map<string, AlliancePair & { direction: Measurement['instrument']['direction'] }>();
  for (const m of [...inForce(measurements)].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id)) {
    if (!m.instrument.perStaff || !m.staff || m.total === null) continue;
    const key = `${m.staff.id}:${m.instrument.id}`;
    const pair = pairs.get(key) ?? {
      staff: m.staff,
      instrumentId: m.instrument.id,
      instrumentName: m.instrument.name,
      cutoff: null,
      points: [],
      alert: { low: false, falling: false },
      direction: m.instrument.direction,
    };
    pair.points.push({ measurementId: m.id, date: m.measuredOn, total: m.total, zone: m.zone, personId: m.person.id });
    pair.cutoff = m.cutoff ? { rule: m.cutoff.rule, value: m.cutoff.value } : null;
    pairs.set(key, pair);
  }
  const collator = new Intl.Collator('da');
  return [...pairs.values()]
    .map(({ direction, ...pair }) => ({ ...pair, alert: allianceAlert(pair.points, direction) }))
    .sort((a, b) => collator.compare(a.staff.name, b.staff.name) || a.instrumentId - b.instrumentId);
}
