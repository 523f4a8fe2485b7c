import type { Kysely } from 'kysely';
import type { Underretning } from '../../../common/concerns';
import type { Database } from '../../../db/schema';

/** A family's underretninger (or the given ones), newest first, with their appended corrections. */
export async function loadUnderretninger(db: Kysely<Database>, where: { familyId: number } | { ids: number[] }): Promise<Underretning[]> {
  let q = db
    .selectFrom('underretninger as u')
    .innerJoin('users as s', 's.id', 'u.sent_by')
    .select(['u.id', 'u.family_id', 'u.observation_id', 'u.sent_on', 'u.municipality', 'u.recipient', 'u.reason', 'u.created_at', 's.id as sent_by_id', 's.name as sent_by_name', 's.initials as sent_by_initials'])
    .orderBy('u.sent_on', 'desc')
    .orderBy('u.id', 'desc');
  q = 'familyId' in where ? q.where('u.family_id', '=', where.familyId) : q.where('u.id', 'in', where.ids.length ? where.ids : [0]);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const amendments = ids.length
    ? await db
        .selectFrom('underretning_amendments as a')
        .innerJoin('users as s', 's.id', 'a.author_id')
        .select(['a.id', 'a.underretning_id', 'a.created_at', 'a.reason', 'a.text', 's.id as author_id', 's.name as author_name', 's.initials as author_initials'])
        .where('a.underretning_id', 'in', ids)
        .orderBy('a.id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    familyId: r.family_id,
    observationId: r.observation_id,
    sentOn: r.sent_on,
    municipality: r.municipality,
    recipient: r.recipient,
    reason: r.reason,
    sentBy: { id: r.sent_by_id, name: r.sent_by_name, initials: r.sent_by_initials },
    createdAt: r.created_at,
    amendments: amendments
      .filter((a) => a.underretning_id === r.id)
      .map((a) => ({ id: a.id, author: { id: a.author_id, name: a.author_name, initials: a.author_initials }, createdAt: a.created_at, reason: a.reason, text: a.text })),
  }));
}
