import { sql, type Kysely } from 'kysely';
import { createGuard, dropGuard, idColumn } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Concerns that lead somewhere: what a leader did about a serious concern, and underretninger (reports of concern to
// the municipality, Barnets lov) as their own records that are never changed afterwards.
export async function up(db: Kysely<any>): Promise<void> {
  // What was done (JSON list of action codes); the note becomes required in the application.
  await sql`alter table concern_acknowledgements add column actions text`.execute(db);

  await db.schema
    .createTable('underretninger')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    // The observation (concern) it follows from, when there is one.
    .addColumn('observation_id', 'integer', (c) => c.references('observations.id'))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('underretninger_family').on('underretninger').columns(['family_id', 'sent_on']).execute();

  await db.schema
    .createTable('underretning_amendments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('underretning_id', 'integer', (c) => c.notNull().references('underretninger.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('underretning_amendments_underretning').on('underretning_amendments').column('underretning_id').execute();

  // Never changed afterwards: corrections are appended, as for observations.
  for (const table of ['underretninger', 'underretning_amendments']) {
    await createGuard(db, { name: `${table}_no_update`, table, event: 'update', message: `${table} are append-only` });
    await createGuard(db, { name: `${table}_no_delete`, table, event: 'delete', retentionMayPass: true, message: `${table} are append-only` });
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['underretning_amendments', 'underretninger']) {
    await dropGuard(db, `${table}_no_update`, table);
    await dropGuard(db, `${table}_no_delete`, table);
    await db.schema.dropTable(table).execute();
  }
  await sql`alter table concern_acknowledgements drop column actions`.execute(db);
}
