import { sql, type Kysely } from 'kysely';
import { createGuard, idColumn, isPostgres } from './portable';

// Frozen in time: families, persons, the indsatsteam with tovholder periods, and the daily log (dagbog).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('families')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text')
    .addColumn('caseworker_name', 'text')
    .addColumn('caseworker_contact', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('intake','stay','closing')`))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('planned_end_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('own_home','other_intervention','child_placed','other')`))
    .addColumn('outcome_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('families_active').on('families').columns(['end_date', 'display_name']).execute();

  await db.schema
    .createTable('family_phases')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('family_phases_family').on('family_phases').columns(['family_id', 'from_date']).execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('mother','father','co_mother','step_parent','child','sibling')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cpr', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_family').on('persons').column('family_id').execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('role_other', 'text')
    .addColumn('organisation', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('team_members_family').on('team_members').column('family_id').execute();

  await db.schema
    .createTable('coordinator_periods')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('team_member_id', 'integer', (c) => c.notNull().references('team_members.id'))
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text')
    .addColumn('set_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('coordinator_periods_family').on('coordinator_periods').columns(['family_id', 'from_at']).execute();
  // Exactly one tovholder at a time: at most one open period per family.
  await sql`create unique index coordinator_one_open on coordinator_periods (family_id) where to_at is null`.execute(db);

  await db.schema
    .createTable('log_categories')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const categories = [
    'Samspil forælder-barn',
    'Barnets trivsel og udvikling',
    'Omsorg og struktur i hverdagen',
    'Forældrenes mentalisering',
    'Netværk',
    'Sikkerhed og bekymring',
    'Praktisk/andet',
  ];
  await db.insertInto('log_categories').values(categories.map((label, i) => ({ label, sort_order: (i + 1) * 10 }))).execute();

  await db.schema
    .createTable('observations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.references('families.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','signed')`))
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('shift', 'text', (c) => c.notNull().check(sql`shift in ('day','evening','night')`))
    .addColumn('category_id', 'integer', (c) => c.references('log_categories.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('concern', 'text', (c) => c.notNull().check(sql`concern in ('none','mild','serious')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .execute();
  // Timeline: a family's signed entries, newest first.
  await sql`create index observations_timeline on observations (family_id, observed_at desc, id desc) where status = 'signed'`.execute(db);
  await sql`create index observations_drafts on observations (author_id, updated_at) where status = 'draft'`.execute(db);
  await sql`create index observations_serious on observations (family_id) where status = 'signed' and concern = 'serious'`.execute(db);

  await db.schema
    .createTable('observation_persons')
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observations.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addPrimaryKeyConstraint('observation_persons_pk', ['observation_id', 'person_id'])
    .execute();
  // The person filter on the timeline: entries concerning one person.
  await db.schema.createIndex('observation_persons_person').on('observation_persons').columns(['person_id', 'observation_id']).execute();

  await db.schema
    .createTable('observation_amendments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('observation_id', 'integer', (c) => c.notNull().references('observations.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observation_amendments_observation').on('observation_amendments').column('observation_id').execute();

  await db.schema
    .createTable('concern_acknowledgements')
    .addColumn('observation_id', 'integer', (c) => c.primaryKey().references('observations.id'))
    .addColumn('acknowledged_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  // A signed entry is never edited or deleted, and amendments are append-only: enforced by the database itself.
  const immutable = 'signed observations are immutable';
  await createGuard(db, { name: 'observations_signed_no_update', table: 'observations', event: 'update', when: "old.status = 'signed'", message: immutable });
  await createGuard(db, { name: 'observations_signed_no_delete', table: 'observations', event: 'delete', when: "old.status = 'signed'", message: immutable });
  await createGuard(db, {
    name: 'observation_persons_signed_no_delete',
    table: 'observation_persons',
    event: 'delete',
    when: "(select status from observations where id = old.observation_id) = 'signed'",
    message: immutable,
  });
  await createGuard(db, { name: 'amendments_no_update', table: 'observation_amendments', event: 'update', message: 'amendments are append-only' });
  await createGuard(db, { name: 'amendments_no_delete', table: 'observation_amendments', event: 'delete', message: 'amendments are append-only' });

  // The full-text index of this version (SQLite FTS5); replaced by 0004, which also makes PostgreSQL's.
  if (isPostgres(db)) return;
  // Full-text search over signed entries (text and amendments), folded for Danish in the application:
  // lower case, accents removed except å (a Danish letter), so "søvn" finds "Søvnen" and "ÆBLE" finds "æblegrød".
  // `family` holds a token per family so a family's search is one index lookup.
  // detail=column: column filters work, phrase/NEAR queries are not needed (every search term is a single-token prefix),
  // and the index is about half the size of detail=full, which makes each signing cheaper.
  await sql`create virtual table observation_search using fts5(body, family, tokenize = "unicode61 remove_diacritics 0", prefix = '2 3', detail = column)`.execute(db);
  // No index merging while a staff member waits for a save: merges run in idle time (BackendCore.maintain).
  // FTS5's crisis merge (at 16 segments on one level) still bounds the segment count during long bursts.
  await sql`insert into observation_search (observation_search, rank) values ('automerge', 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists observation_search`.execute(db);
  for (const t of ['concern_acknowledgements', 'observation_amendments', 'observation_persons', 'observations', 'log_categories', 'coordinator_periods', 'team_members', 'persons', 'family_phases', 'families']) {
    await db.schema.dropTable(t).execute();
  }
}
