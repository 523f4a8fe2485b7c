import type { Kysely, RawBuilder } from 'kysely';
import { indexText, type SearchQuery } from '../common/search';
import { engineOf } from './engine';
import { postgresSearchIndex } from './postgres/search';
import type { Database } from './schema';
import { sqliteSearchIndex } from './sqlite/search';

/**
 * Full-text search over signed observations and their amendments, behind named functions so the services stay
 * portable: the application makes the tokens (`common/search`), each engine stores and matches them
 * (db/sqlite/search.ts: FTS5; db/postgres/search.ts: tsvector + GIN).
 */
export const SEARCH_INDEX_VERSION = 1;

/** What each engine provides. */
export interface SearchIndex {
  put(db: Kysely<Database>, observationId: number, familyId: number, body: string, replace: boolean): Promise<void>;
  /** Indexes many observations never indexed before, in as few statements as the engine allows (a rebuild). */
  putMany(db: Kysely<Database>, rows: Array<{ observationId: number; familyId: number; body: string }>): Promise<void>;
  remove(db: Kysely<Database>, observationIds: number[]): Promise<void>;
  clear(db: Kysely<Database>): Promise<void>;
  /** A subquery of the family's matching observation ids, or null for an empty query. */
  matching(familyId: number, query: SearchQuery): RawBuilder<number> | null;
  search(db: Kysely<Database>, options: { query: SearchQuery; familyIds: number[] | null; beforeId?: number; limit: number }): Promise<number[]>;
}

function indexOf(db: Kysely<Database>): SearchIndex {
  return engineOf(db) === 'postgres' ? postgresSearchIndex : sqliteSearchIndex;
}

function bodyOf(text: string, amendments: Array<{ reason: string; text: string }>): string {
  return indexText([text, ...amendments.flatMap((a) => [a.reason, a.text])].join('\n'));
}

/** Indexes a just-signed observation (never indexed before: drafts are not searchable). */
export async function indexNewObservation(db: Kysely<Database>, observationId: number, familyId: number, text: string): Promise<void> {
  await indexOf(db).put(db, observationId, familyId, indexText(text), false);
}

/** Re-indexes an observation with all its amendments. */
export async function reindexObservation(db: Kysely<Database>, observationId: number): Promise<void> {
  const o = await db.selectFrom('observations').select(['text', 'family_id']).where('id', '=', observationId).executeTakeFirstOrThrow();
  const amendments = await db.selectFrom('observation_amendments').select(['reason', 'text']).where('observation_id', '=', observationId).orderBy('id').execute();
  await indexOf(db).put(db, observationId, o.family_id ?? 0, bodyOf(o.text, amendments), true);
}

/** A condition on `o.id` for the timeline query: the family's observations that match the query (null: no query). */
export function observationIdsMatching(db: Kysely<Database>, familyId: number, query: SearchQuery): RawBuilder<number> | null {
  return indexOf(db).matching(familyId, query);
}

/** Observations that match the query, newest written first, in the given families (null: all). Keyset paging by id. */
export async function searchObservationIds(db: Kysely<Database>, options: { query: SearchQuery; familyIds: number[] | null; beforeId?: number; limit: number }): Promise<number[]> {
  if (options.familyIds?.length === 0) return [];
  return indexOf(db).search(db, options);
}

/** Removes observations from the index (a family deleted after its retention period). */
export async function removeFromIndex(db: Kysely<Database>, observationIds: number[]): Promise<void> {
  await indexOf(db).remove(db, observationIds);
}

/**
 * Rebuilds the index when it was made by another version of the folding (a migration sets the version to 0, or the
 * normalisation changed): every signed observation with its amendments, in batches, reporting progress.
 */
export async function ensureSearchIndex(db: Kysely<Database>, onProgress: (done: number, total: number) => void = () => undefined): Promise<boolean> {
  const stored = await db.selectFrom('settings').select('value').where('key', '=', 'searchIndexVersion').executeTakeFirst();
  if (stored && Number(JSON.parse(stored.value)) === SEARCH_INDEX_VERSION) return false;
  const index = indexOf(db);
  const total = Number((await db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'signed').executeTakeFirstOrThrow()).n);
  await index.clear(db);
  let done = 0;
  let after = 0;
  onProgress(0, total);
  for (;;) {
    const batch = await db.selectFrom('observations').select(['id', 'family_id', 'text']).where('status', '=', 'signed').where('id', '>', after).orderBy('id').limit(5000).execute();
    if (batch.length === 0) break;
    const ids = batch.map((o) => o.id);
    const amendments = new Map<number, Array<{ reason: string; text: string }>>();
    for (const a of await db.selectFrom('observation_amendments').select(['observation_id', 'reason', 'text']).where('observation_id', 'in', ids).orderBy('id').execute()) {
      amendments.set(a.observation_id, [...(amendments.get(a.observation_id) ?? []), a]);
    }
    await index.putMany(db, batch.map((o) => ({ observationId: o.id, familyId: o.family_id ?? 0, body: bodyOf(o.text, amendments.get(o.id) ?? []) })));
    done += batch.length;
    after = ids[ids.length - 1] ?? after;
    onProgress(done, total);
  }
  const value = JSON.stringify(SEARCH_INDEX_VERSION);
  await db.insertInto('settings').values({ key: 'searchIndexVersion', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  return true;
}
