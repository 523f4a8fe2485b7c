import type { Kysely } from 'kysely';
import { createGuard, dropGuard, idColumn } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Retention: a closed family can be deleted everywhere after the institution's retention period, through one path
// (marked by the `retention_mode` table inside its transaction) — the only exception to the append-only rules — and
// leaves a record without personal data.
const immutable = 'signed observations are immutable';

export async function up(db: Kysely<any>): Promise<void> {
  await dropGuard(db, 'observations_signed_no_delete', 'observations');
  await createGuard(db, { name: 'observations_signed_no_delete', table: 'observations', event: 'delete', when: "old.status = 'signed'", retentionMayPass: true, message: immutable });
  await dropGuard(db, 'observation_persons_signed_no_delete', 'observation_persons');
  await createGuard(db, {
    name: 'observation_persons_signed_no_delete',
    table: 'observation_persons',
    event: 'delete',
    when: "(select status from observations where id = old.observation_id) = 'signed'",
    retentionMayPass: true,
    message: immutable,
  });
  await dropGuard(db, 'amendments_no_delete', 'observation_amendments');
  await createGuard(db, { name: 'amendments_no_delete', table: 'observation_amendments', event: 'delete', retentionMayPass: true, message: 'amendments are append-only' });

  await db.schema
    .createTable('deleted_families')
    .addColumn('id', 'integer', idColumn(db))
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
  await dropGuard(db, 'observations_signed_no_delete', 'observations');
  await createGuard(db, { name: 'observations_signed_no_delete', table: 'observations', event: 'delete', when: "old.status = 'signed'", message: immutable });
  await dropGuard(db, 'observation_persons_signed_no_delete', 'observation_persons');
  await createGuard(db, {
    name: 'observation_persons_signed_no_delete',
    table: 'observation_persons',
    event: 'delete',
    when: "(select status from observations where id = old.observation_id) = 'signed'",
    message: immutable,
  });
  await dropGuard(db, 'amendments_no_delete', 'observation_amendments');
  await createGuard(db, { name: 'amendments_no_delete', table: 'observation_amendments', event: 'delete', message: 'amendments are append-only' });
}
