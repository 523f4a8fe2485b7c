import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Retention: a closed family can be deleted everywhere after the institution's retention period, through one path
// (marked by the `retention_mode` table inside its transaction) — the only exception to the append-only rules — and
// leaves a record without personal data.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger observations_signed_no_delete`.execute(db);
  await sql`create trigger observations_signed_no_delete before delete on observations
    when old.status = 'signed' and not exists (select 1 from retention_mode)
    begin select raise(abort, 'signed observations are immutable'); end`.execute(db);
  await sql`drop trigger observation_persons_signed_no_delete`.execute(db);
  await sql`create trigger observation_persons_signed_no_delete before delete on observation_persons
    when (select status from observations where id = old.observation_id) = 'signed' and not exists (select 1 from retention_mode)
    begin select raise(abort, 'signed observations are immutable'); end`.execute(db);
  await sql`drop trigger amendments_no_delete`.execute(db);
  await sql`create trigger amendments_no_delete before delete on observation_amendments
    when not exists (select 1 from retention_mode)
    begin select raise(abort, 'amendments are append-only'); end`.execute(db);

  await db.schema
    .createTable('deleted_families')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The deleted family's former id: access-log rows name it, so the log still reads as "a family, since deleted".
    .addColumn('family_id', 'integer', (c) => c.notNull())
    .addColumn('closed_on', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('retention_years', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deleted_families').execute();
  await sql`drop trigger observations_signed_no_delete`.execute(db);
  await sql`create trigger observations_signed_no_delete before delete on observations when old.status = 'signed'
    begin select raise(abort, 'signed observations are immutable'); end`.execute(db);
  await sql`drop trigger observation_persons_signed_no_delete`.execute(db);
  await sql`create trigger observation_persons_signed_no_delete before delete on observation_persons
    when (select status from observations where id = old.observation_id) = 'signed'
    begin select raise(abort, 'signed observations are immutable'); end`.execute(db);
  await sql`drop trigger amendments_no_delete`.execute(db);
  await sql`create trigger amendments_no_delete before delete on observation_amendments
    begin select raise(abort, 'amendments are append-only'); end`.execute(db);
}
