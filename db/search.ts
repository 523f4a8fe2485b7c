import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ftsExpression, indexText, type SearchQuery } from '../common/search';
import type { Database } from './schema';

/**
 * Full-text search over signed observations and their amendments: SQLite FTS5 over the application's own tokens
 * (`common/search`), behind named functions so the services stay portable. `family` holds a token per family so one
 * family's search is one index lookup.
 */
export const SEARCH_INDEX_VERSION = 1;
const familyToken = (familyId: number) => `f${familyId}`;

/** Indexes a just-signed observation (never indexed before: drafts are not searchable). */
export async function indexNewObservation(db: Kysely<Database>, observationId: number, familyId: number, text: string): Promise<void> {
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${indexText(text)}, ${familyToken(familyId)})`.execute(db);
}

function bodyOf(text: string, amendments: Array<{ reason: string; text: string }>): string {
  return indexText([text, ...amendments.flatMap((a) => [a.reason, a.text])].join('\n'));
}

/** Re-indexes an observation with all its amendments. */
export async function reindexObservation(db: Kysely<Database>, observationId: number): Promise<void> {
  const o = await db.selectFrom('observations').select(['text', 'family_id']).where('id', '=', observationId).executeTakeFirstOrThrow();
  const amendments = await db.selectFrom('observation_amendments').select(['reason', 'text']).where('observation_id', '=', observationId).orderBy('id').execute();
  await sql`delete from observation_search where rowid = ${observationId}`.execute(db);
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${bodyOf(o.text, amendments)}, ${familyToken(o.family_id ?? 0)})`.execute(db);
}

function matchExpression(query: SearchQuery, familyIds: number[] | null): string | null {
  const body = ftsExpression(query);
  if (!body) return null;
  if (familyIds === null) return `body:(${body})`;
  return `family:(${familyIds.map((id) => `"${familyToken(id)}"`).join(' OR ')}) AND body:(${body})`;
}

/** A condition on `o.id` for the timeline query: the family's observations that match the query. */
export function observationIdsMatching(familyId: number, query: SearchQuery): RawBuilder<number> | null {
  const match = matchExpression(query, [familyId]);
  return match === null ? null : sql<number>`(select rowid from observation_search where observation_search match ${match})`;
}

/**
 * Observations that match the query, newest written first, in the given families (null: all). Keyset paging by id:
 * FTS5 streams rowids in descending order and stops at the limit, so a common word costs no more than a rare one.
 */
export async function searchObservationIds(db: Kysely<Database>, options: { query: SearchQuery; familyIds: number[] | null; beforeId?: number; limit: number }): Promise<number[]> {
  if (options.familyIds?.length === 0) return [];
  const match = matchExpression(options.query, options.familyIds);
  if (match === null) return [];
  const rows = await sql<{ rowid: number }>`select rowid from observation_search where observation_search match ${match}
    ${options.beforeId ? sql`and rowid < ${options.beforeId}` : sql``} order by rowid desc limit ${options.limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}

/**
 * Rebuilds the index when it was made by another version of the folding (a migration sets the version to 0, or the
 * normalisation changed): every signed observation with its amendments, in batches, reporting progress.
 */
export async function ensureSearchIndex(db: Kysely<Database>, onProgress: (done: number, total: number) => void = () => undefined): Promise<boolean> {
  const stored = await db.selectFrom('settings').select('value').where('key', '=', 'searchIndexVersion').executeTakeFirst();
  if (stored && Number(JSON.parse(stored.value)) === SEARCH_INDEX_VERSION) return false;
  const total = Number((await db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'signed').executeTakeFirstOrThrow()).n);
  await sql`insert into observation_search (observation_search) values ('delete-all')`.execute(db);
  let done = 0;
  let after = 0;
  onProgress(0, total);
  for (;;) {
    const batch = await db
      .selectFrom('observations')
      .select(['id', 'family_id', 'text'])
      .where('status', '=', 'signed')
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    const ids = batch.map((o) => o.id);
    const amendments = new Map<number, Array<{ reason: string; text: string }>>();
    for (const a of await db.selectFrom('observation_amendments').select(['observation_id', 'reason', 'text']).where('observation_id', 'in', ids).orderBy('id').execute()) {
      amendments.set(a.observation_id, [...(amendments.get(a.observation_id) ?? []), a]);
    }
    await db.transaction().execute(async (trx) => {
      for (const o of batch) {
        const body = bodyOf(o.text, amendments.get(o.id) ?? []);
        await sql`insert into observation_search (rowid, body, family) values (${o.id}, ${body}, ${familyToken(o.family_id ?? 0)})`.execute(trx);
      }
    });
    done += batch.length;
    after = ids[ids.length - 1] ?? after;
    onProgress(done, total);
  }
  const value = JSON.stringify(SEARCH_INDEX_VERSION);
  await db.insertInto('settings').values({ key: 'searchIndexVersion', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return true;
}

/** Removes observations from the index (a family deleted after its retention period). */
export async function removeFromIndex(db: Kysely<Database>, observationIds: number[]): Promise<void> {
  for (const id of observationIds) await sql`delete from observation_search where rowid = ${id}`.execute(db);
}
