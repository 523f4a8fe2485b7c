import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ftsExpression, type SearchQuery } from '../../common/search';
import type { Database } from '../schema';
import type { SearchIndex } from '../search';

/**
 * The search index on SQLite: FTS5 over the application's tokens (tokenizer `ascii`, `detail=full` for phrases,
 * contentless). `family` holds a token per family so one family's search is one index lookup.
 */
const familyToken = (familyId: number) => `f${familyId}`;

function matchExpression(query: SearchQuery, familyIds: number[] | null): string | null {
  const body = ftsExpression(query);
  if (!body) return null;
  if (familyIds === null) return `body:(${body})`;
  return `family:(${familyIds.map((id) => `"${familyToken(id)}"`).join(' OR ')}) AND body:(${body})`;
}

export const sqliteSearchIndex: SearchIndex = {
  async put(db, observationId, familyId, body, replace) {
    if (replace) await sql`delete from observation_search where rowid = ${observationId}`.execute(db);
    await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${body}, ${familyToken(familyId)})`.execute(db);
  },
  async putMany(db, rows) {
    await db.transaction().execute(async (trx) => {
      for (const r of rows) await sql`insert into observation_search (rowid, body, family) values (${r.observationId}, ${r.body}, ${familyToken(r.familyId)})`.execute(trx);
    });
  },
  async remove(db, observationIds) {
    for (const id of observationIds) await sql`delete from observation_search where rowid = ${id}`.execute(db);
  },
  async clear(db) {
    await sql`insert into observation_search (observation_search) values ('delete-all')`.execute(db);
  },
  matching(familyId, query): RawBuilder<number> | null {
    const match = matchExpression(query, [familyId]);
    return match === null ? null : sql<number>`(select rowid from observation_search where observation_search match ${match})`;
  },
  async search(db: Kysely<Database>, { query, familyIds, beforeId, limit }) {
    const match = matchExpression(query, familyIds);
    if (match === null) return [];
    // FTS5 streams rowids in descending order and stops at the limit: a common word costs no more than a rare one.
    const rows = await sql<{ rowid: number }>`select rowid from observation_search where observation_search match ${match}
      ${beforeId ? sql`and rowid < ${beforeId}` : sql``} order by rowid desc limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.rowid);
  },
};
