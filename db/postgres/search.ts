import { sql, type RawBuilder } from 'kysely';
import { encodeToken, type SearchQuery } from '../../common/search';
import type { SearchIndex } from '../search';

/**
 * The search index on PostgreSQL: the same application tokens (split, stemmed, irregular forms mapped, encoded to
 * [0-9a-z]) in a tsvector with the `simple` configuration — the app has already done what `danish` would, so they are
 * not stemmed twice — and a GIN index.
 */
export function tsqueryOf(query: SearchQuery): string | null {
  const parts = [
    ...query.terms.map((t) => encodeToken(t)),
    ...query.phrases.map((p) => `(${p.map(encodeToken).join(' <-> ')})`),
    ...(query.prefix ? [`${encodeToken(query.prefix)}:*`] : []),
  ];
  return parts.length ? parts.join(' & ') : null;
}

/** Ids searched in windows of this many, newest first: GIN answers "which match" but not "newest first". */
const WINDOW = 50_000;

export const postgresSearchIndex: SearchIndex = {
  async put(db, observationId, familyId, body, replace) {
    const vector = sql`to_tsvector('simple', ${body})`;
    if (replace) {
      await sql`insert into observation_search (observation_id, family_id, body) values (${observationId}, ${familyId}, ${vector})
        on conflict (observation_id) do update set body = excluded.body, family_id = excluded.family_id`.execute(db);
    } else {
      await sql`insert into observation_search (observation_id, family_id, body) values (${observationId}, ${familyId}, ${vector})`.execute(db);
    }
  },
  async putMany(db, rows) {
    if (!rows.length) return;
    await sql`insert into observation_search (observation_id, family_id, body)
      select o, f, to_tsvector('simple', b) from unnest(${rows.map((r) => r.observationId)}::integer[], ${rows.map((r) => r.familyId)}::integer[], ${rows.map((r) => r.body)}::text[]) as x(o, f, b)`.execute(db);
  },
  async remove(db, observationIds) {
    if (observationIds.length) await sql`delete from observation_search where observation_id in (${sql.join(observationIds)})`.execute(db);
  },
  async clear(db) {
    await sql`delete from observation_search`.execute(db);
  },
  matching(familyId, query): RawBuilder<number> | null {
    const tsquery = tsqueryOf(query);
    return tsquery === null
      ? null
      : sql<number>`(select observation_id from observation_search where family_id = ${familyId} and body @@ to_tsquery('simple', ${tsquery}))`;
  },
  async search(db, { query, familyIds, beforeId, limit }) {
    const tsquery = tsqueryOf(query);
    if (tsquery === null) return [];
    // Newest first without ranking every match: walk down the ids in windows until the page is full.
    const top = beforeId ?? Number((await sql<{ m: number | null }>`select max(observation_id) as m from observation_search`.execute(db)).rows[0]?.m ?? 0) + 1;
    const found: number[] = [];
    for (let upper = top; upper > 0 && found.length < limit; upper -= WINDOW) {
      const rows = await sql<{ observation_id: number }>`select observation_id from observation_search
        where body @@ to_tsquery('simple', ${tsquery}) and observation_id < ${upper} and observation_id >= ${upper - WINDOW}
        ${familyIds === null ? sql`` : sql`and family_id in (${sql.join(familyIds)})`}
        order by observation_id desc limit ${limit - found.length}`.execute(db);
      found.push(...rows.rows.map((r) => r.observation_id));
    }
    return found;
  },
};
