import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { childAge } from '../../../common/age';
import { daysBetween } from '../../../common/dates';
import type { Measurement } from '../../../common/measurements';
import { PARENT_KINDS } from '../../../common/schedule';
import type { Database } from '../../../db/schema';
import { loadGoals } from '../goals/queries';
import { familyFacts, inForce } from '../progression/facts';
import { loadMeasurements } from '../progression/measurement-queries';
import type { Cell } from './csv';
import { FILES } from './columns';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Random codes, unique within one export, never derived from ids (so two exports cannot be linked). */
function codeMaker(prefix: string, length: number) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      let code = prefix;
      for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
}

export type Rows = Record<keyof typeof FILES, Cell[][]>;

/**
 * The pseudonymised rows: per family a random code, phase dates as days since move-in (day 0), the child's corrected
 * age in months, measurement totals and flags, goal areas and review scores, alliance scores and the destination.
 * Names, CPR numbers, free text (notes, goal wording, comments) and calendar dates never enter a row.
 */
export async function evaluationRows(db: Kysely<Database>, familyIds: number[], today: string): Promise<{ rows: Rows; measurements: Measurement[] }> {
  const facts = await familyFacts(db, familyIds);
  const measurements = inForce(await loadMeasurements(db, { familyIds }))// Scores only: a structured note (NBO) is free text.
    .filter((m) => m.total !== null || m.items.some((i) => i.score !== null));
  const goals = await loadGoals(db, { familyIds }, today, { observations: false });
  const familyCode = codeMaker('F-', 6);
  const staffCode = codeMaker('S-', 4);
  const staffCodes = new Map<number, string>();
  const rows: Rows = { families: [], measurements: [], goals: [], reviews: [], alliance: [] };
  const families = facts.map((f) => ({ f, code: familyCode() })).sort((a, b) => a.code.localeCompare(b.code));
  for (const { f, code } of families) {
    const day0 = f.moveInDate ?? f.startDate;
    const day = (date: string | null) => (date === null ? null : daysBetween(day0, date));
    const children = f.persons.filter((p) => p.kind === 'child' || p.kind === 'sibling');
    const parents = f.persons.filter((p) => PARENT_KINDS.includes(p.kind));
    const subject = new Map<number, string>([...children.map((p, i) => [p.id, `C${i + 1}`] as const), ...parents.map((p, i) => [p.id, `P${i + 1}`] as const)]);
    const child = f.persons.find((p) => p.kind === 'child' && p.birthDate);
    const ageAtDay0 = child?.birthDate ? childAge({ birthDate: child.birthDate, dueDate: child.dueDate }, day0) : null;
    const phaseDay = (phase: string) => day(f.phases.find((p) => p.phase === phase)?.fromDate ?? null);
    rows.families.push([
      code,
      f.endDate ? 'closed' : 'current',
      f.moveInDate ? 'move_in' : 'start',
      day(f.startDate),
      phaseDay('stay'),
      phaseDay('closing'),
      day(f.endDate),
      day(f.plannedEndDate),
      f.endDate ? f.outcome : null,
      f.persons.filter((p) => p.kind === 'child').length,
      parents.length,
      child?.birthDate ? day(child.birthDate) : null,
      ageAtDay0?.age.months ?? null,
    ]);
    for (const m of measurements.filter((x) => x.familyId === f.id).sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id)) {
      const who = subject.get(m.person.id) ?? null;
      if (m.instrument.perStaff) {
        let staff: string | null = null;
        if (m.staff) {
          staff = staffCodes.get(m.staff.id) ?? staffCode();
          staffCodes.set(m.staff.id, staff);
        }
        rows.alliance.push([code, staff, who, m.instrument.name, day(m.measuredOn), m.total, m.zone === null ? null : Number(m.zone === 'flagged')]);
        continue;
      }
      rows.measurements.push([
        code,
        who,
        m.person.kind,
        m.instrument.name,
        m.instrument.version,
        day(m.measuredOn),
        m.age?.months ?? null,
        m.interval,
        m.total,
        m.cutoff?.value ?? null,
        m.zone === null ? null : Number(m.zone === 'flagged'),
        m.zone,
        Number(m.history.length > 1),
        m.total === null ? m.items.map((i) => i.score ?? '').join(';') : null,
      ]);
    }
    goals
      .filter((g) => g.familyId === f.id)
      .forEach((g, i) => {
        const goalCode = `G${i + 1}`;
        rows.goals.push([code, goalCode, g.area, g.status, day(g.startDate), day(g.targetDate), g.scale.min, g.scale.max]);
        for (const r of g.reviews) rows.reviews.push([code, goalCode, day(r.reviewedOn), r.staffScore, r.parentScore]);
      });
  }
  return { rows, measurements };
}
