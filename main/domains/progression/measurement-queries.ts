import type { Kysely } from 'kysely';
import { childAge } from '../../../common/age';
import type { Measurement, MeasurementRevision } from '../../../common/measurements';
import { cutoffFor, type ScoredItem } from '../../../common/scoring';
import type { Database } from '../../../db/schema';
import { loadVersions } from '../instruments/queries';

const ref = (id: number, name: string, initials: string) => ({ id, name, initials });

/**
 * Measurements with every version (original and corrections, oldest first); the newest is in force. In the order of
 * the newest measurement date first. `where`: the families' measurements, or the given ones.
 */
export async function loadMeasurements(db: Kysely<Database>, where: { familyIds: number[] } | { ids: number[] }): Promise<Measurement[]> {
  const list = 'familyIds' in where ? where.familyIds : where.ids;
  if (!list.length) return [];
  const rows = await db
    .selectFrom('measurements as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.id', 'm.family_id', 'm.instrument_version_id', 'm.created_at', 'p.id as person_id', 'p.name as person_name', 'p.kind', 'p.birth_date', 'p.due_date', 'u.id as by_id', 'u.name as by_name', 'u.initials as by_initials'])
    .where('familyIds' in where ? 'm.family_id' : 'm.id', 'in', list)
    .execute();
  if (!rows.length) return [];
  const revisions = await db
    .selectFrom('measurement_revisions as r')
    .innerJoin('users as b', 'b.id', 'r.created_by')
    .leftJoin('users as ru', 'ru.id', 'r.rater_user_id')
    .leftJoin('users as su', 'su.id', 'r.staff_user_id')
    .select([
      'r.id',
      'r.measurement_id',
      'r.measured_on',
      'r.interval_months',
      'r.rater_user_id',
      'r.rater_name',
      'ru.name as rater_user_name',
      'r.staff_user_id',
      'su.name as staff_name',
      'su.initials as staff_initials',
      'r.items',
      'r.total',
      'r.zone',
      'r.note',
      'r.withdrawn',
      'r.reason',
      'r.created_at',
      'b.id as by_id',
      'b.name as by_name',
      'b.initials as by_initials',
    ])
    .where(
      'r.measurement_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('r.id')
    .execute();
  const versions = await loadVersions(db, rows.map((r) => r.instrument_version_id));
  const history = new Map<number, MeasurementRevision[]>();
  for (const r of revisions) {
    const revision: MeasurementRevision = {
      id: r.id,
      measuredOn: r.measured_on,
      interval: r.interval_months,
      rater: { userId: r.rater_user_id, name: r.rater_user_name ?? r.rater_name ?? '' },
      staff: r.staff_user_id !== null ? ref(r.staff_user_id, r.staff_name ?? '', r.staff_initials ?? '') : null,
      items: JSON.parse(r.items) as ScoredItem[],
      total: r.total,
      zone: r.zone,
      note: r.note,
      withdrawn: r.withdrawn === 1,
      reason: r.reason,
      by: ref(r.by_id, r.by_name, r.by_initials),
      at: r.created_at,
    };
    history.set(r.measurement_id, [...(history.get(r.measurement_id) ?? []), revision]);
  }
  const measurements = rows.flatMap((m): Measurement[] => {
    const all = history.get(m.id) ?? [];
    const effective = all[all.length - 1];
    const version = versions.get(m.instrument_version_id);
    if (!effective || !version) return [];
    const def = version.definition;
    const age = m.birth_date && def.subject === 'child' ? childAge({ birthDate: m.birth_date, dueDate: m.due_date }, effective.measuredOn) : null;
    const { id: _revisionId, reason: _reason, by: _by, at: _at, ...current } = effective;
    return [
      {
        ...current,
        id: m.id,
        familyId: m.family_id,
        person: { id: m.person_id, name: m.person_name, kind: m.kind },
        instrument: {
          id: version.instrumentId,
          versionId: version.versionId,
          version: version.version,
          name: def.name,
          subject: def.subject,
          scoring: def.scoring,
          direction: def.direction,
          perStaff: def.perStaff,
        },
        flagged: effective.zone === 'flagged',
        cutoff: cutoffFor(def, effective.interval),
        age: age ? { ...age.age, corrected: age.corrected, weeksEarly: age.weeksEarly } : null,
        createdBy: ref(m.by_id, m.by_name, m.by_initials),
        createdAt: m.created_at,
        history: all,
      },
    ];
  });
  return measurements.sort((a, b) => b.measuredOn.localeCompare(a.measuredOn) || b.id - a.id);
}

export async function loadMeasurement(db: Kysely<Database>, id: number): Promise<Measurement | null> {
  const [m] = await loadMeasurements(db, { ids: [id] });
  return m ?? null;
}
