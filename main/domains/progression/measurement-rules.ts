import type { Kysely } from 'kysely';
import { childAge, compareAge, formatAge, type Age } from '../../../common/age';
import type { FieldIssue } from '../../../common/errors';
import type { InstrumentDefinition } from '../../../common/instruments';
import { CHILD_KINDS, PARENT_KINDS } from '../../../common/schedule';
import { intervalOf, scoreMeasurement, type ItemAnswer, type ScoredItem, type Zone } from '../../../common/scoring';
import type { Database, PersonKind } from '../../../db/schema';
import { refuse } from './refuse';

export interface MeasurementFields {
  measuredOn: string;
  raterId: number | null;
  raterName: string | null;
  staffId: number | null;
  interval: number | null;
  items: ItemAnswer[];
  note: string | null;
}

export interface CheckedMeasurement {
  measured_on: string;
  interval_months: number | null;
  rater_user_id: number | null;
  rater_name: string | null;
  staff_user_id: number | null;
  items: string;
  total: number | null;
  zone: Zone | null;
  note: string | null;
}

const ageRange = (from: Age, to: Age) => `${formatAge(from)} til ${formatAge(to)}`;

/**
 * Everything a measurement (or a correction) must satisfy, all problems reported together: the right person for the
 * instrument (child instruments on a born child of the family, parent instruments on a parent), a date not before
 * the forløb's start or the child's birth (not in the future: the input schema), the child's (corrected) age inside
 * the questionnaire's window or the instrument's age band, the items, the rater and the session's staff member.
 */
export async function checkMeasurement(
  db: Kysely<Database>,
  context: { def: InstrumentDefinition; familyStart: string; person: { kind: PersonKind; birth_date: string | null; due_date: string | null }; currentUserId: number },
  fields: MeasurementFields,
): Promise<CheckedMeasurement> {
  const { def, person } = context;
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (fields.measuredOn < context.familyStart) add('measuredOn', 'Datoen ligger før forløbets start.');
  if (def.subject === 'child') {
    if (!CHILD_KINDS.includes(person.kind)) add('personId', `${def.name} bruges til et barn. Vælg et af familiens børn.`);
    else if (!person.birth_date) add('personId', 'Barnet er ikke født endnu.');
    else if (fields.measuredOn < person.birth_date) add('measuredOn', 'Datoen ligger før barnets fødsel.');
    else {
      const at = childAge({ birthDate: person.birth_date, dueDate: person.due_date }, fields.measuredOn);
      if (!at) throw new Error('childAge: no age on a date on or after the birth date');
      const shown = `${formatAge(at.age)}${at.corrected ? ' (korrigeret alder)' : ''}`;
      if (def.intervals) {
        const iv = intervalOf(def, fields.interval);
        const fits = def.intervals.find((i) => compareAge(at.age, i.from) >= 0 && compareAge(at.age, i.to) <= 0);
        if (iv && (compareAge(at.age, iv.from) < 0 || compareAge(at.age, iv.to) > 0)) {
          add('interval', `Barnet var ${shown} den dag. ${iv.months}-måneders-skemaet er til ${ageRange(iv.from, iv.to)}.${fits ? ` Brug ${fits.months}-måneders-skemaet.` : ''}`);
        }
      } else if (def.ageBand && (at.age.months < def.ageBand.fromMonths || at.age.months > def.ageBand.toMonths)) {
        add('measuredOn', `${def.name} bruges fra ${def.ageBand.fromMonths} til ${def.ageBand.toMonths} måneder. Barnet var ${shown} den dag.`);
      }
    }
  } else if (!PARENT_KINDS.includes(person.kind)) {
    add('personId', `${def.name} bruges til en forælder. Vælg en af forældrene.`);
  }

  const scored = scoreMeasurement(def, fields.interval, fields.items);
  if (!scored.ok) issues.push(...scored.issues);

  let raterId: number | null = null;
  if (fields.raterId !== null) {
    const rater = await db.selectFrom('users').select('id').where('id', '=', fields.raterId).executeTakeFirst();
    if (!rater) add('raterId', 'Bedømmeren findes ikke.');
    raterId = fields.raterId;
  } else if (!fields.raterName) raterId = context.currentUserId;

  if (def.perStaff) {
    if (fields.staffId === null) add('staffId', 'Vælg den medarbejder, samtalen var med.');
    else if (!(await db.selectFrom('users').select('id').where('id', '=', fields.staffId).executeTakeFirst())) add('staffId', 'Medarbejderen findes ikke.');
  } else if (fields.staffId !== null) add('staffId', `${def.name} vurderer ikke en samtale med en bestemt medarbejder.`);

  if (issues.length || !scored.ok) refuse(issues);
  const items: ScoredItem[] = scored.items;
  return {
    measured_on: fields.measuredOn,
    interval_months: fields.interval,
    rater_user_id: raterId,
    rater_name: raterId === null ? fields.raterName : null,
    staff_user_id: def.perStaff ? fields.staffId : null,
    items: JSON.stringify(items),
    total: scored.total,
    zone: scored.zone,
    note: fields.note,
  };
}
