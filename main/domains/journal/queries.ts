import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { acknowledgementActions, type AcknowledgementAction } from '../../../common/concerns';
import type { Observation } from '../../../common/journal';
import type { Database } from '../../../db/schema';

/** The stored list of what a leader did about a concern (older acknowledgements have none). */
function parseActions(json: string | null): AcknowledgementAction[] {
  if (!json) return [];
  const valid = new Set<string>(acknowledgementActions);
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((a): a is AcknowledgementAction => typeof a === 'string' && valid.has(a)) : [];
}

/** Loads signed observations with everything shown beside them (persons, amendments, acknowledgement), in the order of `ids`. */
export async function loadObservations(db: Kysely<Database>, ids: number[]): Promise<Observation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('families as f', 'f.id', 'o.family_id')
    .innerJoin('users as u', 'u.id', 'o.author_id')
    .leftJoin('observation_categories as c', 'c.id', 'o.category_id')
    .leftJoin('concern_acknowledgements as a', 'a.observation_id', 'o.id')
    .leftJoin('users as au', 'au.id', 'a.acknowledged_by')
    .select([
      'o.id',
      'o.family_id',
      'f.display_name',
      'o.observed_at',
      'o.shift',
      'o.category_id',
      'c.label as category_label',
      'o.text',
      'o.concern',
      'o.signed_at',
      'u.id as author_id',
      'u.name as author_name',
      'u.initials as author_initials',
      'a.acknowledged_at',
      'a.note as ack_note',
      'a.actions as ack_actions',
      'au.id as ack_user_id',
      'au.name as ack_user_name',
      'au.initials as ack_user_initials',
    ])
    .where('o.id', 'in', ids)
    .where('o.status', '=', 'signed')
    .execute();
  const persons = await db
    .selectFrom('observation_persons as op')
    .innerJoin('persons as p', 'p.id', 'op.person_id')
    .select(['op.observation_id', 'p.id', 'p.name'])
    .where('op.observation_id', 'in', ids)
    .execute();
  const amendments = await db
    .selectFrom('observation_amendments as m')
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.observation_id', 'm.created_at', 'm.reason', 'm.text', 'u.id as author_id', 'u.name as author_name', 'u.initials as author_initials'])
    .where('m.observation_id', 'in', ids)
    .orderBy('m.id')
    .execute();
  const byId = new Map<number, Observation>();
  for (const r of rows) {
    // Joined to its family and signed, by the query.
    if (r.family_id === null || r.signed_at === null) throw new Error(`Observation ${r.id}: a signed family note without family or signing time`);
    byId.set(r.id, {
      id: r.id,
      familyId: r.family_id,
      familyName: r.display_name,
      observedAt: r.observed_at,
      shift: r.shift,
      category: r.category_id ? { id: r.category_id, label: r.category_label ?? '' } : null,
      text: r.text,
      concern: r.concern,
      author: { id: r.author_id, name: r.author_name, initials: r.author_initials },
      signedAt: r.signed_at,
      persons: [],
      amendments: [],
      acknowledgement:
        r.acknowledged_at && r.ack_user_id
          ? { by: { id: r.ack_user_id, name: r.ack_user_name ?? '', initials: r.ack_user_initials ?? '' }, at: r.acknowledged_at, note: r.ack_note, actions: parseActions(r.ack_actions) }
          : null,
    });
  }
  for (const p of persons) byId.get(p.observation_id)?.persons.push({ id: p.id, name: p.name });
  for (const m of amendments) {
    byId.get(m.observation_id)?.amendments.push({
      id: m.id,
      author: { id: m.author_id, name: m.author_name, initials: m.author_initials },
      createdAt: m.created_at,
      reason: m.reason,
      text: m.text,
    });
  }
  return ids.map((id) => byId.get(id)).filter((o): o is Observation => o !== undefined);
}

type ObservationScope = ExpressionBuilder<Database & { o: Database['observations'] }, 'o'>;

/** The one definition of "a serious concern no leader has acknowledged yet" (front page, family list, overview). */
export function whereNotAcknowledged(eb: ObservationScope) {
  return eb.not(eb.exists(eb.selectFrom('concern_acknowledgements as a').select(sql`1`.as('x')).whereRef('a.observation_id', '=', 'o.id')));
}

/** Signed serious concerns that no leader has acknowledged yet, newest first, in the given families (null: all). */
export async function pendingConcernIds(db: Kysely<Database>, familyIds: number[] | null = null): Promise<number[]> {
  if (familyIds?.length === 0) return [];
  let q = db
    .selectFrom('observations as o')
    .select('o.id')
    .where('o.status', '=', 'signed')
    .where('o.concern', '=', 'serious')
    .where(whereNotAcknowledged)
    .orderBy('o.observed_at', 'desc');
  if (familyIds) q = q.where('o.family_id', 'in', familyIds);
  return (await q.execute()).map((r) => r.id);
}

/** A family's serious concerns, acknowledged or not, newest first. */
export async function seriousConcernIds(db: Kysely<Database>, familyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('observations as o')
    .select('o.id')
    .where('o.family_id', '=', familyId)
    .where('o.status', '=', 'signed')
    .where('o.concern', '=', 'serious')
    .orderBy('o.observed_at', 'desc')
    .execute();
  return rows.map((r) => r.id);
}
