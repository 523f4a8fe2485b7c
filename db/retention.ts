import { sql, type Kysely, type RawBuilder } from 'kysely';
import { applyAccessLogRetention } from './access-log';
import { engineOf } from './engine';
import { deleteFamilyOnServer, type DeletedFamilyCounts } from './postgres/retention';
import type { Database } from './schema';
import { removeFromIndex } from './search';

export { FamilyDeletionRefused, type DeletedFamilyCounts } from './postgres/retention';

/**
 * Every table that holds a family's rows, in the order a deleted family's rows go (children before their parents):
 * `[table, column, parent]` — the row belongs to the family through `column`, which names a row of `parent`
 * ('families': the family itself). The one list: the single-PC app deletes by it (below), and on the institution's
 * server the function `familiespor_delete_family` deletes by a copy frozen in its migration, which a test compares
 * with this list and with the foreign keys of both engines' schemas.
 */
export const FAMILY_RECORD_TABLES: ReadonlyArray<readonly [table: string, column: string, parent: string]> = [
  ['status_report_observations', 'report_id', 'status_reports'],
  ['status_reports', 'family_id', 'families'],
  ['goal_observations', 'goal_id', 'goals'],
  ['goal_review_participants', 'review_id', 'goal_reviews'],
  ['goal_reviews', 'goal_id', 'goals'],
  ['goal_revisions', 'goal_id', 'goals'],
  ['goals', 'family_id', 'families'],
  ['measurement_revisions', 'measurement_id', 'measurements'],
  ['measurements', 'family_id', 'families'],
  ['discharge_plan_support', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_agreements', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_steps', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_parties', 'version_id', 'discharge_plan_versions'],
  ['discharge_plan_versions', 'family_id', 'families'],
  ['safety_plan_contacts', 'version_id', 'safety_plan_versions'],
  ['safety_plan_items', 'version_id', 'safety_plan_versions'],
  ['safety_plan_parties', 'version_id', 'safety_plan_versions'],
  ['safety_plan_versions', 'family_id', 'families'],
  ['network_agreement_followups', 'agreement_id', 'network_agreements'],
  ['network_agreements', 'family_id', 'families'],
  ['network_meeting_amendments', 'meeting_id', 'network_meetings'],
  ['network_meeting_participants', 'meeting_id', 'network_meetings'],
  ['network_meetings', 'family_id', 'families'],
  ['network_persons', 'family_id', 'families'],
  // The search index: FTS5 rows by observation id on SQLite (removeFromIndex), a table on the server.
  ['observation_search', 'observation_id', 'observations'],
  ['observation_persons', 'observation_id', 'observations'],
  ['observation_amendments', 'observation_id', 'observations'],
  ['concern_acknowledgements', 'observation_id', 'observations'],
  ['underretning_amendments', 'underretning_id', 'underretninger'],
  ['underretninger', 'family_id', 'families'],
  ['observations', 'family_id', 'families'],
  ['coordinator_periods', 'family_id', 'families'],
  ['team_members', 'family_id', 'families'],
  ['persons', 'family_id', 'families'],
  ['family_phases', 'family_id', 'families'],
  // "Bryd glasset" is a row only on the server (row-level security must see it); on SQLite it lives in the session.
  ['break_glass', 'family_id', 'families'],
  ['families', 'id', 'families'],
];

/** Tables of the list that exist only on the institution's server. */
export const SERVER_ONLY_FAMILY_TABLES: readonly string[] = ['break_glass'];

/**
 * Deletes a closed family past its retention period everywhere, records it in `deleted_families` (no personal data)
 * and erases the detail of its access-log rows, which keep their place in the chain. The caller has checked the rules
 * and the typed-back name and runs this inside its transaction. On the server the function `familiespor_delete_family`
 * does all of it as the database owner and checks the rules again (throws FamilyDeletionRefused).
 */
export async function deleteDueFamily(
  db: Kysely<Database>,
  family: { id: number; closedOn: string; retentionYears: number; deletedBy: number; deletedAt: string },
): Promise<DeletedFamilyCounts> {
  if (engineOf(db) === 'postgres') return deleteFamilyOnServer(db, family.id);
  // The retention job's mark: the one exception to the append-only rules, inside this transaction only.
  await db.insertInto('retention_mode').values({ purpose: 'retention' }).execute();
  const deleted = new Map<string, number>();
  for (const [table, column, parent] of FAMILY_RECORD_TABLES) {
    if (SERVER_ONLY_FAMILY_TABLES.includes(table)) continue;
    if (table === 'observation_search') {
      const ids = (await db.selectFrom('observations').select('id').where('family_id', '=', family.id).execute()).map((o) => o.id);
      await removeFromIndex(db, ids);
      continue;
    }
    const result = await sql`delete from ${sql.table(table)} where ${belongsTo(column, parent, family.id)}`.execute(db);
    deleted.set(table, Number(result.numAffectedRows ?? 0));
  }
  await db.deleteFrom('retention_mode').where('purpose', '=', 'retention').execute();
  await db
    .insertInto('deleted_families')
    .values({ family_id: family.id, closed_on: family.closedOn, deleted_at: family.deletedAt, deleted_by: family.deletedBy, retention_years: family.retentionYears })
    .execute();
  // The access log's own retention path (it marks its own step): the rows stay in the chain, their detail goes.
  const { erased } = await applyAccessLogRetention(db, { eraseFamilyIds: [family.id] });
  return { observations: deleted.get('observations') ?? 0, persons: deleted.get('persons') ?? 0, accessLogDetailsErased: erased };
}

/** `column` names a row of `parent` that belongs to the family: nested subqueries up the list to the family's id. */
function belongsTo(column: string, parent: string, familyId: number): RawBuilder<boolean> {
  if (parent === 'families') return sql<boolean>`${sql.ref(column)} = ${familyId}`;
  const step = FAMILY_RECORD_TABLES.find(([table]) => table === parent);
  if (!step) throw new Error(`${parent} is not in the list of a family's tables`);
  return sql<boolean>`${sql.ref(column)} in (select id from ${sql.table(parent)} where ${belongsTo(step[1], step[2], familyId)})`;
}
