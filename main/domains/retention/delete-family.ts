import type { Kysely } from 'kysely';
import { applyAccessLogRetention } from '../../../db/access-log';
import type { Database } from '../../../db/schema';
import { removeFromIndex } from '../../../db/search';

/**
 * Deletes a closed family everywhere in the live database: its observations (drafts too), their persons, amendments,
 * acknowledgements and search rows, underretninger, measurements, goals, status reports, the network and the plans,
 * team, persons and phases. Runs inside the caller's transaction as
 * the retention job (the one exception to the append-only rules); the family's access-log rows keep their place in
 * the chain but lose their detail. Every table holding a family's data is deleted here — one path.
 */
export async function deleteFamilyEverywhere(db: Kysely<Database>, familyId: number): Promise<{ observations: number; persons: number; accessLogDetailsErased: number }> {
  await db.insertInto('retention_mode').values({ purpose: 'retention' }).execute();
  await deleteProgressionAndPlans(db, familyId);
  const observationIds = (await db.selectFrom('observations').select('id').where('family_id', '=', familyId).execute()).map((o) => o.id);
  const underretningIds = (await db.selectFrom('underretninger').select('id').where('family_id', '=', familyId).execute()).map((u) => u.id);
  if (observationIds.length) {
    await removeFromIndex(db, observationIds);
    await db.deleteFrom('observation_persons').where('observation_id', 'in', observationIds).execute();
    await db.deleteFrom('observation_amendments').where('observation_id', 'in', observationIds).execute();
    await db.deleteFrom('concern_acknowledgements').where('observation_id', 'in', observationIds).execute();
  }
  if (underretningIds.length) await db.deleteFrom('underretning_amendments').where('underretning_id', 'in', underretningIds).execute();
  await db.deleteFrom('underretninger').where('family_id', '=', familyId).execute();
  await db.deleteFrom('observations').where('family_id', '=', familyId).execute();
  await db.deleteFrom('coordinator_periods').where('family_id', '=', familyId).execute();
  await db.deleteFrom('team_members').where('family_id', '=', familyId).execute();
  const persons = Number((await db.deleteFrom('persons').where('family_id', '=', familyId).executeTakeFirst()).numDeletedRows);
  await db.deleteFrom('family_phases').where('family_id', '=', familyId).execute();
  await db.deleteFrom('families').where('id', '=', familyId).execute();
  await db.deleteFrom('retention_mode').where('purpose', '=', 'retention').execute();
  // The access log's own retention path (it marks its own step): the rows stay in the chain, their detail goes.
  const { erased } = await applyAccessLogRetention(db, { eraseFamilyIds: [familyId] });
  return { observations: observationIds.length, persons, accessLogDetailsErased: erased };
}

/** Measurements, goals, status reports, the network, the safety plan and the udslusningsplan of one family. */
async function deleteProgressionAndPlans(db: Kysely<Database>, familyId: number): Promise<void> {
  const reports = db.selectFrom('status_reports').select('id').where('family_id', '=', familyId);
  await db.deleteFrom('status_report_observations').where('report_id', 'in', reports).execute();
  await db.deleteFrom('status_reports').where('family_id', '=', familyId).execute();

  const goals = db.selectFrom('goals').select('id').where('family_id', '=', familyId);
  const reviews = db.selectFrom('goal_reviews').select('id').where('goal_id', 'in', goals);
  await db.deleteFrom('goal_observations').where('goal_id', 'in', goals).execute();
  await db.deleteFrom('goal_review_participants').where('review_id', 'in', reviews).execute();
  await db.deleteFrom('goal_reviews').where('goal_id', 'in', goals).execute();
  await db.deleteFrom('goal_revisions').where('goal_id', 'in', goals).execute();
  await db.deleteFrom('goals').where('family_id', '=', familyId).execute();

  const measurements = db.selectFrom('measurements').select('id').where('family_id', '=', familyId);
  await db.deleteFrom('measurement_revisions').where('measurement_id', 'in', measurements).execute();
  await db.deleteFrom('measurements').where('family_id', '=', familyId).execute();

  const dischargeVersions = db.selectFrom('discharge_plan_versions').select('id').where('family_id', '=', familyId);
  for (const table of ['discharge_plan_support', 'discharge_plan_agreements', 'discharge_plan_steps', 'discharge_plan_parties'] as const) {
    await db.deleteFrom(table).where('version_id', 'in', dischargeVersions).execute();
  }
  await db.deleteFrom('discharge_plan_versions').where('family_id', '=', familyId).execute();

  const safetyVersions = db.selectFrom('safety_plan_versions').select('id').where('family_id', '=', familyId);
  for (const table of ['safety_plan_contacts', 'safety_plan_items', 'safety_plan_parties'] as const) {
    await db.deleteFrom(table).where('version_id', 'in', safetyVersions).execute();
  }
  await db.deleteFrom('safety_plan_versions').where('family_id', '=', familyId).execute();

  const meetings = db.selectFrom('network_meetings').select('id').where('family_id', '=', familyId);
  const agreements = db.selectFrom('network_agreements').select('id').where('family_id', '=', familyId);
  await db.deleteFrom('network_agreement_followups').where('agreement_id', 'in', agreements).execute();
  await db.deleteFrom('network_agreements').where('family_id', '=', familyId).execute();
  await db.deleteFrom('network_meeting_amendments').where('meeting_id', 'in', meetings).execute();
  await db.deleteFrom('network_meeting_participants').where('meeting_id', 'in', meetings).execute();
  await db.deleteFrom('network_meetings').where('family_id', '=', familyId).execute();
  await db.deleteFrom('network_persons').where('family_id', '=', familyId).execute();
}
