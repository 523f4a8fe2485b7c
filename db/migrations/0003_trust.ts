import { sql, type Kysely } from 'kysely';
import { createGuard, dropGuard, idColumn, isPostgres } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// Trust: the list of valid key slots inside the database, an append-only, hash-chained access log, and the dagbog's
// category table named by the glossary.
export async function up(db: Kysely<any>): Promise<void> {
  // The key slots that may open the database. A slot in the key file that is not here (or is revoked) is refused,
  // so an old copy of the key file cannot bring back a replaced password or a used recovery code.
  await db.schema
    .createTable('key_slots')
    .addColumn('slot_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('user','recovery')`))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    // The slot's public key (base64): a re-key seals the new data key to this key, never to one read from the file.
    .addColumn('public_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .execute();
  await sql`create index key_slots_user on key_slots (user_id) where revoked_at is null`.execute(db);

  // The access log, rebuilt with the hash chain and one row per family.
  await sql`alter table access_log rename to access_log_v1`.execute(db);
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    // A random id per login session, so repeated views in one session are folded and a session can be followed.
    .addColumn('session_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // The kind of access in plain words ("dagbog", "forside", "bryd glasset: …"): the purpose.
    .addColumn('subject', 'text')
    .addColumn('family_id', 'integer')
    // JSON context (search terms with CPR-like digits masked, ids). Retention may erase it; its hash stays in the chain.
    .addColumn('detail', 'text')
    .addColumn('detail_hash', 'text')
    // 0 for events read from the sealed events file, which anyone with file access could have appended.
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('prev_hash', 'text')
    .addColumn('hash', 'text')
    .execute();
  const what = isPostgres(db) ? sql`(detail::json ->> 'what')` : sql`json_extract(detail, '$.what')`;
  await sql`insert into access_log (id, at, user_id, action, channel, subject, family_id, detail)
    select id, at, user_id, action, channel, ${what}, family_id, detail from access_log_v1 order by id`.execute(db);
  await sql`drop table access_log_v1`.execute(db);
  await db.schema.createIndex('access_log_at').on('access_log').column('at').execute();
  await db.schema.createIndex('access_log_user').on('access_log').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('access_log_family').on('access_log').columns(['family_id', 'at']).execute();

  // Where the chain starts (moved forward when retention deletes the oldest rows) and the one exception to the
  // append-only rules: the retention job marks its own transaction here.
  await db.schema
    .createTable('access_log_chain')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('first_prev_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('retention_mode').addColumn('purpose', 'text', (c) => c.primaryKey()).execute();

  // Append-only: nothing but the retention job deletes a row or erases its detail, and a hash is set once.
  const appendOnly = 'the access log is append-only';
  await createGuard(db, { name: 'access_log_no_delete', table: 'access_log', event: 'delete', retentionMayPass: true, message: appendOnly });
  await createGuard(db, {
    name: 'access_log_no_update',
    table: 'access_log',
    event: 'update',
    columns: ['id', 'at', 'user_id', 'session_id', 'action', 'channel', 'subject', 'family_id', 'detail_hash', 'verified'],
    message: appendOnly,
  });
  await createGuard(db, {
    name: 'access_log_detail_retention_only',
    table: 'access_log',
    event: 'update',
    columns: ['detail'],
    when: 'not exists (select 1 from retention_mode) or new.detail is not null',
    message: appendOnly,
  });
  await createGuard(db, { name: 'access_log_hash_once', table: 'access_log', event: 'update', columns: ['hash', 'prev_hash'], when: 'old.hash is not null', message: appendOnly });

  // The dagbog's categories, named by the glossary (a note is an observation).
  await sql`alter table log_categories rename to observation_categories`.execute(db);

  // The team list marks the member with the open tovholder period: a lookup per member.
  await sql`create index coordinator_periods_open_member on coordinator_periods (team_member_id) where to_at is null`.execute(db);
  // Serious concerns listed newest first read no observation rows.
  await sql`drop index observations_serious`.execute(db);
  await sql`create index observations_serious on observations (family_id, observed_at) where status = 'signed' and concern = 'serious'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index coordinator_periods_open_member`.execute(db);
  await sql`alter table observation_categories rename to log_categories`.execute(db);
  await db.schema.dropTable('retention_mode').execute();
  await db.schema.dropTable('access_log_chain').execute();
  for (const name of ['access_log_no_delete', 'access_log_no_update', 'access_log_detail_retention_only', 'access_log_hash_once']) await dropGuard(db, name, 'access_log');
  await db.schema.dropTable('key_slots').execute();
}
