import { sql, type Kysely } from 'kysely';
import { createGuard, idColumn } from './portable';
import { BUILTINS } from './data/0006_builtin_instruments';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Systematisk opfølgning på progression: instruments as data (versioned definitions), measurements with appended
// corrections, udviklingsmål with revisions, reviews and linked observations, and status reports that are frozen
// once signed. Every record here is append-only (SQLite triggers; the retention job's `retention_mode` is the one
// exception for deleting), except a status report while it is a draft and an instrument's `active` flag.

const appendOnly = async (db: Kysely<any>, table: string) => {
  await createGuard(db, { name: `${table}_no_update`, table, event: 'update', message: `${table} are append-only` });
  await createGuard(db, { name: `${table}_no_delete`, table, event: 'delete', retentionMayPass: true, message: `${table} are append-only` });
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('instrument_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('instrument_id', 'integer', (c) => c.notNull().references('instruments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The definition as JSON text (parsed and checked by the application's schema).
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('instrument_versions_number', ['instrument_id', 'version'])
    .execute();

  await db.schema
    .createTable('measurements')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('instrument_version_id', 'integer', (c) => c.notNull().references('instrument_versions.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measurements_family').on('measurements').column('family_id').execute();
  // The original (reason null) and every appended correction; the newest is in force.
  await db.schema
    .createTable('measurement_revisions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('measurement_id', 'integer', (c) => c.notNull().references('measurements.id'))
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('interval_months', 'integer')
    .addColumn('rater_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('rater_name', 'text')
    .addColumn('staff_user_id', 'integer', (c) => c.references('users.id'))
    // JSON list of the items as entered and scored.
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('total', 'real')
    .addColumn('zone', 'text', (c) => c.check(sql`zone in ('ok','monitor','flagged')`))
    .addColumn('note', 'text')
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('measurement_revisions_rater', sql`rater_user_id is not null or rater_name is not null`)
    .execute();
  await db.schema.createIndex('measurement_revisions_measurement').on('measurement_revisions').columns(['measurement_id', 'id']).execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('scale_min', 'integer', (c) => c.notNull())
    .addColumn('scale_max', 'integer', (c) => c.notNull())
    .addColumn('scale_low_label', 'text')
    .addColumn('scale_high_label', 'text')
    .addColumn('review_every_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_family').on('goals').column('family_id').execute();
  await db.schema
    .createTable('goal_revisions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('area_other', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','paused','achieved','partly_achieved','not_achieved')`))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_revisions_goal').on('goal_revisions').columns(['goal_id', 'id']).execute();
  await db.schema
    .createTable('goal_reviews')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('staff_score', 'integer')
    .addColumn('parent_score', 'integer')
    .addColumn('parent_comment', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_reviews_goal').on('goal_reviews').columns(['goal_id', 'reviewed_on']).execute();
  // Who took part: a person of the family, a staff member, or someone else by name.
  await db.schema
    .createTable('goal_review_participants')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('goal_reviews.id'))
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('name', 'text')
    .addCheckConstraint('goal_review_participants_one', sql`(case when person_id is not null then 1 else 0 end) + (case when user_id is not null then 1 else 0 end) + (case when name is not null then 1 else 0 end) = 1`)
    .execute();
  await db.schema.createIndex('goal_review_participants_review').on('goal_review_participants').column('review_id').execute();
  await db.schema
    .createTable('goal_observations')
    .addColumn('goal_id', 'integer', (c) => c.notNull().references('goals.id'))
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observations.id'))
    .addColumn('linked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_observations_pk', ['goal_id', 'observation_id'])
    .execute();
  await db.schema.createIndex('goal_observations_observation').on('goal_observations').column('observation_id').execute();

  await db.schema
    .createTable('status_reports')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','signed')`))
    // JSON: the free-text sections.
    .addColumn('sections', 'text', (c) => c.notNull())
    // JSON: everything the report shows, frozen at signing; null while a draft (assembled when read).
    .addColumn('content', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_at', 'text')
    .addColumn('signed_as', 'text', (c) => c.check(sql`signed_as in ('coordinator','leader')`))
    .execute();
  await db.schema.createIndex('status_reports_family').on('status_reports').columns(['family_id', 'period_to']).execute();
  await db.schema
    .createTable('status_report_observations')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('status_reports.id'))
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observations.id'))
    .addPrimaryKeyConstraint('status_report_observations_pk', ['report_id', 'observation_id'])
    .execute();

  // Append-only records.
  for (const table of ['instrument_versions', 'measurements', 'measurement_revisions', 'goals', 'goal_revisions', 'goal_reviews', 'goal_review_participants', 'goal_observations']) {
    await appendOnly(db, table);
  }
  // An instrument is never deleted; only whether it is in use changes.
  const byVersions = 'instruments change by new versions';
  await createGuard(db, { name: 'instruments_only_active', table: 'instruments', event: 'update', columns: ['id', 'key', 'builtin', 'created_by', 'created_at'], message: byVersions });
  await createGuard(db, { name: 'instruments_no_delete', table: 'instruments', event: 'delete', retentionMayPass: true, message: byVersions });
  // A signed status report is frozen: never changed, never deleted, and signed only with its content and signer.
  const frozen = 'signed status reports are immutable';
  await createGuard(db, { name: 'status_reports_signed_no_update', table: 'status_reports', event: 'update', when: "old.status = 'signed'", message: frozen });
  await createGuard(db, {
    name: 'status_reports_sign_complete',
    table: 'status_reports',
    event: 'update',
    when: "new.status = 'signed' and (new.content is null or new.signed_by is null or new.signed_at is null or new.signed_as is null)",
    message: 'a status report is signed with its content and signer',
  });
  await createGuard(db, { name: 'status_reports_signed_no_delete', table: 'status_reports', event: 'delete', when: "old.status = 'signed'", retentionMayPass: true, message: frozen });
  await createGuard(db, {
    name: 'status_report_observations_signed_no_insert',
    table: 'status_report_observations',
    event: 'insert',
    when: "(select status from status_reports where id = new.report_id) = 'signed'",
    message: frozen,
  });
  await createGuard(db, {
    name: 'status_report_observations_signed_no_delete',
    table: 'status_report_observations',
    event: 'delete',
    when: "(select status from status_reports where id = old.report_id) = 'signed'",
    retentionMayPass: true,
    message: frozen,
  });
  await createGuard(db, { name: 'status_report_observations_no_update', table: 'status_report_observations', event: 'update', message: 'status report links are replaced, not changed' });

  const at = new Date().toISOString();
  for (const [key, definition] of BUILTINS) {
    const row = await db.insertInto('instruments').values({ key, builtin: 1, active: 1, created_by: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('instrument_versions')
      .values({ instrument_id: row.id, version: 1, definition: JSON.stringify(definition), note: 'Indbygget', created_by: null, created_at: at })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'status_report_observations',
    'status_reports',
    'goal_observations',
    'goal_review_participants',
    'goal_reviews',
    'goal_revisions',
    'goals',
    'measurement_revisions',
    'measurements',
    'instrument_versions',
    'instruments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
