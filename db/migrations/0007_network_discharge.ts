import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { createGuard, idColumn } from './portable';

// Frozen in time: this migration imports no app code and takes Kysely<any>.
// The family's network (persons, agreements with their follow-up, netværksmøder), the sikkerhedsplan and the
// udslusningsplan. Plans are kept as whole versions: every change appends a version with its items; an earlier
// version is never changed (triggers refuse UPDATE and DELETE, and new items only join the newest version).

/** Who takes part or is responsible: a family person, a network person, a team member or someone named. */
function withParty(table: string, t: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return t
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('network_person_id', 'integer', (c) => c.references('network_persons.id'))
    .addColumn('team_member_id', 'integer', (c) => c.references('team_members.id'))
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('party_role', 'text')
    .addCheckConstraint(
      `${table}_party`,
      sql`(party_kind = 'family' and person_id is not null) or (party_kind = 'network' and network_person_id is not null) or (party_kind = 'team' and team_member_id is not null) or party_kind = 'other'`,
    );
}

const appendOnly = [
  'network_agreements',
  'network_agreement_followups',
  'network_meetings',
  'network_meeting_participants',
  'network_meeting_amendments',
  'safety_plan_versions',
  'safety_plan_parties',
  'safety_plan_items',
  'safety_plan_contacts',
  'discharge_plan_versions',
  'discharge_plan_parties',
  'discharge_plan_steps',
  'discharge_plan_agreements',
  'discharge_plan_support',
];

/** A version's items, by the versions table they belong to. */
const versionItems = {
  safety_plan_versions: ['safety_plan_parties', 'safety_plan_items', 'safety_plan_contacts'],
  discharge_plan_versions: ['discharge_plan_parties', 'discharge_plan_steps', 'discharge_plan_agreements', 'discharge_plan_support'],
} satisfies Record<string, string[]>;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_persons')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('related_person_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('relation_text', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('private', 'professional')`))
    .addColumn('closeness', 'integer', (c) => c.notNull().check(sql`closeness between 1 and 3`))
    .addColumn('support', 'text', (c) => c.notNull().check(sql`support in ('supports', 'strains', 'both')`))
    // JSON list of help-area codes.
    .addColumn('help_with', 'text', (c) => c.notNull())
    .addColumn('help_note', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('contact_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('removed_reason', 'text')
    .execute();
  await db.schema.createIndex('network_persons_family').on('network_persons').column('family_id').execute();

  await db.schema
    .createTable('network_meetings')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    // JSON list of topics.
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_meetings_family').on('network_meetings').columns(['family_id', 'held_on']).execute();

  await withParty(
    'network_meeting_participants',
    db.schema
      .createTable('network_meeting_participants')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('network_meetings.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('network_meeting_participants_meeting').on('network_meeting_participants').column('meeting_id').execute();

  await db.schema
    .createTable('network_meeting_amendments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('network_meetings.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_meeting_amendments_meeting').on('network_meeting_amendments').column('meeting_id').execute();

  await withParty(
    'network_agreements',
    db.schema
      .createTable('network_agreements')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
      .addColumn('meeting_id', 'integer', (c) => c.references('network_meetings.id'))
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('when_text', 'text')
      .addColumn('due_date', 'text')
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('network_agreements_family').on('network_agreements').column('family_id').execute();

  await db.schema
    .createTable('network_agreement_followups')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('agreement_id', 'integer', (c) => c.notNull().references('network_agreements.id'))
    .addColumn('meeting_id', 'integer', (c) => c.references('network_meetings.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'kept', 'not_kept')`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_agreement_followups_agreement').on('network_agreement_followups').column('agreement_id').execute();

  // The sikkerhedsplan, version by version.
  await db.schema
    .createTable('safety_plan_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('agreed_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('safety_plan_versions_family_version', ['family_id', 'version'])
    .execute();
  await withParty(
    'safety_plan_parties',
    db.schema
      .createTable('safety_plan_parties')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('safety_plan_versions.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createTable('safety_plan_items')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('safety_plan_versions.id'))
    .addColumn('item_key', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull().check(sql`section in ('worry', 'action', 'sign')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('safety_plan_items_key', ['version_id', 'item_key'])
    .execute();
  await withParty(
    'safety_plan_contacts',
    db.schema
      .createTable('safety_plan_contacts')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('safety_plan_versions.id'))
      .addColumn('item_key', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('when_text', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addUniqueConstraint('safety_plan_contacts_key', ['version_id', 'item_key']),
  ).execute();

  // The udslusningsplan, version by version.
  await db.schema
    .createTable('discharge_plan_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('family_id', 'integer', (c) => c.notNull().references('families.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull().check(sql`destination in ('own_home', 'other_intervention', 'child_placed')`))
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('separation_plan', 'text')
    .addColumn('contact_notes', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('discharge_plan_versions_family_version', ['family_id', 'version'])
    .execute();
  await withParty(
    'discharge_plan_parties',
    db.schema
      .createTable('discharge_plan_parties')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('discharge_plan_versions.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await withParty(
    'discharge_plan_steps',
    db.schema
      .createTable('discharge_plan_steps')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('discharge_plan_versions.id'))
      .addColumn('step_key', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'done', 'postponed', 'cancelled')`))
      .addColumn('evaluation', 'text')
      .addCheckConstraint('discharge_plan_steps_dates', sql`ends_on is null or ends_on >= starts_on`)
      .addUniqueConstraint('discharge_plan_steps_key', ['version_id', 'step_key']),
  ).execute();
  await withParty(
    'discharge_plan_agreements',
    db.schema
      .createTable('discharge_plan_agreements')
      .addColumn('id', 'integer', idColumn(db))
      .addColumn('version_id', 'integer', (c) => c.notNull().references('discharge_plan_versions.id'))
      .addColumn('agreement_key', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('network_agreement_id', 'integer', (c) => c.references('network_agreements.id'))
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('when_text', 'text')
      .addColumn('due_date', 'text')
      .addUniqueConstraint('discharge_plan_agreements_key', ['version_id', 'agreement_key']),
  ).execute();
  await db.schema
    .createTable('discharge_plan_support')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('discharge_plan_versions.id'))
    .addColumn('support_key', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact', 'text')
    .addColumn('handover_meeting_on', 'text')
    .addColumn('handed_over', 'text')
    .addUniqueConstraint('discharge_plan_support_key', ['version_id', 'support_key'])
    .execute();
  for (const items of Object.values(versionItems)) {
    for (const table of items) await db.schema.createIndex(`${table}_version`).on(table).column('version_id').execute();
  }

  // Never changed afterwards. Deleting is for the retention job only (the retention_mode table, as in 0003).
  for (const table of appendOnly) {
    await createGuard(db, { name: `${table}_no_update`, table, event: 'update', message: `${table} are append-only` });
    await createGuard(db, { name: `${table}_no_delete`, table, event: 'delete', retentionMayPass: true, message: `${table} are append-only` });
  }
  // A network person is edited in place but never deleted: agreements and plan versions point at them.
  await createGuard(db, { name: 'network_persons_no_delete', table: 'network_persons', event: 'delete', retentionMayPass: true, message: 'network_persons are never deleted' });

  for (const [versions, items] of Object.entries(versionItems)) {
    // Versions are numbered 1, 2, 3 … per family, without gaps.
    await createGuard(db, {
      name: `${versions}_in_order`,
      table: versions,
      event: 'insert',
      when: `new.version <> coalesce((select max(version) from ${versions} where family_id = new.family_id), 0) + 1`,
      message: 'a plan version must follow the newest one',
    });
    // Items join only the newest version: an earlier version cannot gain an item either.
    for (const table of items) {
      await createGuard(db, {
        name: `${table}_newest_only`,
        table,
        event: 'insert',
        when: `new.version_id <> (select v.id from ${versions} v where v.family_id = (select family_id from ${versions} where id = new.version_id) order by v.version desc limit 1)`,
        message: 'an earlier version of a plan cannot be changed',
      });
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping a table drops its triggers.
  for (const table of [
    ...versionItems.discharge_plan_versions,
    'discharge_plan_versions',
    ...versionItems.safety_plan_versions,
    'safety_plan_versions',
    'network_agreement_followups',
    'network_agreements',
    'network_meeting_amendments',
    'network_meeting_participants',
    'network_meetings',
    'network_persons',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
