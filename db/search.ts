import { sql, type Kysely, type RawBuilder } from 'kysely';
import { foldForSearch, ftsQuery } from '../common/search';
import type { Database } from './schema';

/**
 * Full-text search over signed observations and their amendments: SQLite FTS5, behind named functions so the
 * services stay portable. Text is folded in the application (`common/search.ts`) for the index and the query alike;
 * `family` holds a token per family so one family's search is one index lookup.
 */
const familyToken = (familyId: number) => `f${familyId}`;

/** Indexes a just-signed observation (never indexed before: drafts are not searchable). */
export async function indexNewObservation(db: Kysely<Database>, observationId: number, familyId: number, text: string): Promise<void> {
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${foldForSearch(text)}, ${familyToken(familyId)})`.execute(db);
}

/** Re-indexes an observation with all its amendments. */
export async function reindexObservation(db: Kysely<Database>, observationId: number): Promise<void> {
  const o = await db.selectFrom('observations').select(['text', 'family_id']).where('id', '=', observationId).executeTakeFirstOrThrow();
  const amendments = await db.selectFrom('observation_amendments').select(['reason', 'text']).where('observation_id', '=', observationId).orderBy('id').execute();
  const body = foldForSearch([o.text, ...amendments.flatMap((a) => [a.reason, a.text])].join('\n'));
  await sql`delete from observation_search where rowid = ${observationId}`.execute(db);
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${body}, ${familyToken(o.family_id ?? 0)})`.execute(db);
}

function matchExpression(terms: string[], familyIds: number[] | null): string {
  const body = `body:(${ftsQuery(terms)})`;
  if (familyIds === null) return body;
  return `family:(${familyIds.map((id) => `"${familyToken(id)}"`).join(' OR ')}) AND ${body}`;
}

/** A condition on `o.id` for the timeline query: the family's observations whose text matches every term. */
export function observationIdsMatching(familyId: number, terms: string[]): RawBuilder<number> {
  return sql<number>`(select rowid from observation_search where observation_search match ${matchExpression(terms, [familyId])})`;
}

/**
 * Observations whose text matches every term (each a prefix), newest written first, in the given families (null:
 * all). Keyset paging by id.
 */
export async function searchObservationIds(db: Kysely<Database>, options: { terms: string[]; familyIds: number[] | null; beforeId?: number; limit: number }): Promise<number[]> {
  if (options.terms.length === 0 || options.familyIds?.length === 0) return [];
  const rows = await sql<{ rowid: number }>`select rowid from observation_search where observation_search match ${matchExpression(options.terms, options.familyIds)}
    ${options.beforeId ? sql`and rowid < ${options.beforeId}` : sql``} order by rowid desc limit ${options.limit}`.execute(db);
  return rows.rows.map((r) => r.rowid);
}
