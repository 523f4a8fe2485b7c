import type { Kysely } from 'kysely';
import { AppFailure } from '../../../common/errors';
import type { Draft, DraftContent, Observation } from '../../../common/journal';
import type { Database } from '../../../db/schema';
import { requireOpenFamily } from '../families/queries';
import { loadObservations } from './queries';

/** Drafts: private to their author, saved as they type, signed in the same statement that saves the last version. */
export async function loadDrafts(db: Kysely<Database>, authorId: number, draftId?: number): Promise<Draft[]> {
  let q = db
    .selectFrom('observations as o')
    .leftJoin('families as f', 'f.id', 'o.family_id')
    .select(['o.id', 'o.family_id', 'f.display_name', 'o.observed_at', 'o.shift', 'o.category_id', 'o.text', 'o.concern', 'o.updated_at'])
    .where('o.status', '=', 'draft')
    .where('o.author_id', '=', authorId)
    .orderBy('o.updated_at', 'desc');
  if (draftId) q = q.where('o.id', '=', draftId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const persons = ids.length ? await db.selectFrom('observation_persons').selectAll().where('observation_id', 'in', ids).execute() : [];
  return rows.map((r) => ({
    id: r.id,
    familyId: r.family_id,
    familyName: r.display_name,
    observedAt: r.observed_at,
    shift: r.shift,
    categoryId: r.category_id,
    personIds: persons.filter((p) => p.observation_id === r.id).map((p) => p.person_id),
    text: r.text,
    concern: r.concern,
    updatedAt: r.updated_at,
  }));
}

/**
 * Inserts or updates the author's own draft, or signs it in the same statement (`sign`); a signed entry or
 * someone else's draft is refused.
 */
export async function upsertDraft(db: Kysely<Database>, authorId: number, draftId: number | undefined, content: DraftContent, now: Date, sign = false): Promise<number> {
  const at = now.toISOString();
  if (content.familyId) await requireOpenFamily(db, content.familyId);
  if (content.personIds.length && content.familyId) {
    const found = await db.selectFrom('persons').select('id').where('family_id', '=', content.familyId).where('id', 'in', content.personIds).execute();
    if (found.length !== new Set(content.personIds).size) {
      const message = 'En valgt person hører ikke til familien.';
      throw new AppFailure('invalid_input', message, [{ path: 'personIds', message }]);
    }
  }
  const values = {
    family_id: content.familyId,
    observed_at: content.observedAt,
    shift: content.shift,
    category_id: content.categoryId,
    text: content.text.normalize('NFC'),
    concern: content.concern,
    updated_at: at,
    ...(sign ? { status: 'signed' as const, signed_at: at } : {}),
  };
  let id: number;
  if (draftId) {
    const existing = await db.selectFrom('observations').select(['author_id', 'status']).where('id', '=', draftId).executeTakeFirst();
    if (!existing || existing.author_id !== authorId) throw new AppFailure('not_found', 'Kladden findes ikke.');
    if (existing.status !== 'draft') throw new AppFailure('conflict', 'Notatet er underskrevet og kan ikke ændres. Tilføj en rettelse i stedet.');
    // Persons first: once the row is signed, its person links are immutable too.
    await db.deleteFrom('observation_persons').where('observation_id', '=', draftId).execute();
    await db.updateTable('observations').set(values).where('id', '=', draftId).execute();
    id = draftId;
  } else {
    const row = await db
      .insertInto('observations')
      .values({ status: 'draft', ...values, author_id: authorId, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (content.personIds.length) {
    await db.insertInto('observation_persons').values([...new Set(content.personIds)].map((person_id) => ({ observation_id: id, person_id }))).execute();
  }
  return id;
}


/**
 * The note this author signed from this draft with this very content, or null: a sign repeated after a lost answer
 * gets the note that was signed, never a second one. Different content on a signed draft is still refused by
 * upsertDraft.
 */
export async function signedAlready(db: Kysely<Database>, authorId: number, draftId: number, content: DraftContent): Promise<Observation | null> {
  const row = await db.selectFrom('observations').select(['author_id', 'status', 'family_id', 'category_id', 'text', 'observed_at']).where('id', '=', draftId).executeTakeFirst();
  if (!row || row.author_id !== authorId || row.status !== 'signed') return null;
  const same =
    row.family_id === content.familyId &&
    row.category_id === content.categoryId &&
    row.text === content.text.normalize('NFC') &&
    new Date(row.observed_at).getTime() === new Date(content.observedAt).getTime();
  if (!same) return null;
  const [observation] = await loadObservations(db, [draftId]);
  return observation ?? null;
}
