import type { Kysely } from 'kysely';
import { AppFailure } from '../../../common/errors';
import type { Measurement } from '../../../common/measurements';
import type { Database } from '../../../db/schema';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { currentVersion, loadVersions } from '../instruments/queries';
import { loadMeasurement } from './measurement-queries';
import { checkMeasurement } from './measurement-rules';
import { refuse } from './refuse';

async function reloaded(db: Kysely<Database>, id: number): Promise<Measurement> {
  const m = await loadMeasurement(db, id);
  if (!m) throw new AppFailure('not_found', 'Målingen findes ikke.');
  return m;
}

/** Measurements: entered by item, scored by the backend, corrected and withdrawn only by appended versions. */
export const measurementHandlers = handlers({
  'measurements:create': {
    audit: { action: 'create', subject: 'måling registreret', detail: (input, out) => ({ measurementId: out.id, instrumentId: input.instrumentId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const version = await currentVersion(db, input.instrumentId);
      if (!version.active) refuse([{ path: 'instrumentId', message: 'Måleredskabet er taget ud af brug.' }]);
      const family = await db.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
      const person = await db.selectFrom('persons').select(['kind', 'birth_date', 'due_date', 'family_id']).where('id', '=', input.personId).executeTakeFirst();
      if (!person || person.family_id !== input.familyId) refuse([{ path: 'personId', message: 'Personen hører ikke til familien.' }]);
      const checked = await checkMeasurement(db, { def: version.definition, familyStart: family.start_date, person, currentUserId: user.id }, input);
      const at = now.toISOString();
      const row = await db
        .insertInto('measurements')
        .values({ family_id: input.familyId, person_id: input.personId, instrument_version_id: version.versionId, created_by: user.id, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('measurement_revisions').values({ measurement_id: row.id, ...checked, reason: null, created_by: user.id, created_at: at }).execute();
      return reloaded(db, row.id);
    },
  },

  'measurements:correct': {
    audit: { action: 'change', subject: 'måling rettet', detail: (input) => ({ measurementId: input.measurementId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('measurements', input.measurementId, 'Målingen findes ikke.');
      await requireOpenFamily(db, familyId);
      const m = await db.selectFrom('measurements').select(['person_id', 'instrument_version_id']).where('id', '=', input.measurementId).executeTakeFirstOrThrow();
      // A correction is scored by the version the measurement was made with.
      const version = (await loadVersions(db, [m.instrument_version_id])).get(m.instrument_version_id);
      if (!version) throw new AppFailure('not_found', 'Måleredskabet findes ikke.');
      const family = await db.selectFrom('families').select('start_date').where('id', '=', familyId).executeTakeFirstOrThrow();
      const person = await db.selectFrom('persons').select(['kind', 'birth_date', 'due_date']).where('id', '=', m.person_id).executeTakeFirstOrThrow();
      const checked = await checkMeasurement(db, { def: version.definition, familyStart: family.start_date, person, currentUserId: user.id }, input);
      await db.insertInto('measurement_revisions').values({ measurement_id: input.measurementId, ...checked, reason: input.reason, created_by: user.id, created_at: now.toISOString() }).execute();
      return reloaded(db, input.measurementId);
    },
  },

  'measurements:withdraw': {
    audit: { action: 'change', subject: 'måling trukket tilbage', detail: (input) => ({ measurementId: input.measurementId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('measurements', input.measurementId, 'Målingen findes ikke.');
      await requireOpenFamily(db, familyId);
      const last = await db.selectFrom('measurement_revisions').selectAll().where('measurement_id', '=', input.measurementId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
      if (last.withdrawn === 1) throw new AppFailure('conflict', 'Målingen er allerede trukket tilbage.');
      const { id: _id, withdrawn: _w, reason: _r, created_by: _b, created_at: _a, ...kept } = last;
      await db.insertInto('measurement_revisions').values({ ...kept, withdrawn: 1, reason: input.reason, created_by: user.id, created_at: now.toISOString() }).execute();
      return reloaded(db, input.measurementId);
    },
  },
});
