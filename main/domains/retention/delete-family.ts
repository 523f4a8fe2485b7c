import type { Kysely } from 'kysely';
import { applyAccessLogRetention } from '../../../db/access-log';
import type { Database } from '../../../db/schema';
import { removeFromIndex } from '../../../db/search';

/**
 * Deletes a closed family everywhere in the live database: its observations (drafts too), their persons, amendments,
 * acknowledgements and search rows, underretninger, team, persons and phases. Runs inside the caller's transaction as
 * the retention job (the one exception to the append-only rules); the family's access-log rows keep their place in
 * the chain but lose their detail. Every table holding a family's data is deleted here — one path.
 */
export async function deleteFamilyEverywhere(db: Kysely<Database>, familyId: number): Promise<{ observations: number; persons: number; accessLogDetailsErased: number }> {
  await db.insertInto('retention_mode').values({ purpose: 'retention' }).execute();
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
