import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { AppFailure, type FieldIssue } from '../../common/errors';
import type { draftContentSchema, Draft } from '../../common/journal';
import { foldForSearch, ftsQuery, searchTerms } from '../../common/search';
import type { Database } from '../../db/schema';
import { handlers } from '../registry';
import { requireOpenFamily } from './families';
import { loadObservations } from './entries';

type DraftContent = z.output<typeof draftContentSchema>;

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
async function upsertDraft(db: Kysely<Database>, authorId: number, draftId: number | undefined, content: DraftContent, now: Date, sign = false): Promise<number> {
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

/** Indexes a just-signed entry (no amendments yet, never indexed before: drafts are not searchable). */
async function indexNewEntry(db: Kysely<Database>, observationId: number, familyId: number, text: string): Promise<void> {
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${foldForSearch(text)}, ${`f${familyId}`})`.execute(db);
}

/** Re-indexes an entry with all its amendments. */
async function indexEntry(db: Kysely<Database>, observationId: number): Promise<void> {
  const o = await db.selectFrom('observations').select(['text', 'family_id']).where('id', '=', observationId).executeTakeFirstOrThrow();
  const amendments = await db.selectFrom('observation_amendments').select(['reason', 'text']).where('observation_id', '=', observationId).orderBy('id').execute();
  const body = foldForSearch([o.text, ...amendments.flatMap((a) => [a.reason, a.text])].join('\n'));
  await sql`delete from observation_search where rowid = ${observationId}`.execute(db);
  await sql`insert into observation_search (rowid, body, family) values (${observationId}, ${body}, ${`f${o.family_id}`})`.execute(db);
}

export const logHandlers = handlers({
  'journal:categories': {
    audit: 'none', // the institution's category list
    async run({ db }) {
      return db!.selectFrom('log_categories').select(['id', 'label']).where('active', '=', 1).orderBy('sort_order').execute();
    },
  },

  'journal:saveDraft': {
    audit: { action: 'change', familyId: (input) => input.familyId, detail: (_i, out) => ({ what: 'kladde gemt', draftId: out.id }) },
    write: true,
    async run({ db, user, now }, input) {
      const { draftId, ...content } = input;
      const id = await upsertDraft(db!, user!.id, draftId, content, now);
      return (await loadDrafts(db!, user!.id, id))[0]!;
    },
  },

  'journal:drafts': {
    audit: { action: 'read', detail: () => ({ what: 'egne kladder' }) },
    async run({ db, user }) {
      return loadDrafts(db!, user!.id);
    },
  },

  'journal:discardDraft': {
    audit: { action: 'change', detail: (input) => ({ what: 'kladde kasseret', draftId: input.draftId }) },
    write: true,
    async run({ db, user }, input) {
      const existing = await db!.selectFrom('observations').select(['author_id', 'status']).where('id', '=', input.draftId).executeTakeFirst();
      if (!existing || existing.author_id !== user!.id) throw new AppFailure('not_found', 'Kladden findes ikke.');
      if (existing.status !== 'draft') throw new AppFailure('conflict', 'Et underskrevet notat kan ikke slettes.');
      await db!.deleteFrom('observation_persons').where('observation_id', '=', input.draftId).execute();
      await db!.deleteFrom('observations').where('id', '=', input.draftId).execute();
      return null;
    },
  },

  'journal:sign': {
    audit: { action: 'create', familyId: (_i, out) => out.familyId, detail: (_i, out) => ({ what: 'notat underskrevet', observationId: out.id }) },
    write: true,
    async run({ db, user, now }, input) {
      const { draftId, ...content } = input;
      const issues: FieldIssue[] = [];
      if (!content.familyId) issues.push({ path: 'familyId', message: 'Vælg familien.' });
      if (!content.categoryId) issues.push({ path: 'categoryId', message: 'Vælg en kategori.' });
      if (!content.text.trim()) issues.push({ path: 'text', message: 'Skriv notatet.' });
      if (new Date(content.observedAt).getTime() > now.getTime() + 5 * 60_000) issues.push({ path: 'observedAt', message: 'Tidspunktet ligger i fremtiden.' });
      if (issues.length) throw new AppFailure('invalid_input', 'Nogle felter er ikke udfyldt korrekt.', issues);
      const id = await upsertDraft(db!, user!.id, draftId, content, now, true);
      await indexNewEntry(db!, id, content.familyId!, content.text.normalize('NFC'));
      return (await loadObservations(db!, [id]))[0]!;
    },
  },

  'journal:amend': {
    audit: { action: 'change', familyId: (_i, out) => out.familyId, detail: (input) => ({ what: 'rettelse tilføjet', observationId: input.observationId }) },
    write: true,
    async run({ db, user, now }, input) {
      const o = await db!.selectFrom('observations').select(['status', 'family_id']).where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.status !== 'signed') throw new AppFailure('not_found', 'Notatet findes ikke.');
      await requireOpenFamily(db!, o.family_id!);
      await db!
        .insertInto('observation_amendments')
        .values({ observation_id: input.observationId, author_id: user!.id, created_at: now.toISOString(), reason: input.reason.normalize('NFC'), text: input.text.normalize('NFC') })
        .execute();
      await indexEntry(db!, input.observationId);
      return (await loadObservations(db!, [input.observationId]))[0]!;
    },
  },

  'journal:timeline': {
    audit: {
      action: 'read',
      familyId: (input) => input.familyId,
      detail: (input) => ({ what: 'dagbog', ...(input.query ? { terms: input.query } : {}), page: input.cursor ? 'næste' : 'første' }),
    },
    async run({ db }, input) {
      let q = db!
        .selectFrom('observations as o')
        .select(['o.id', 'o.observed_at'])
        .where('o.family_id', '=', input.familyId)
        .where('o.status', '=', 'signed')
        .orderBy('o.observed_at', 'desc')
        .orderBy('o.id', 'desc')
        .limit(input.limit + 1);
      if (input.categoryId) q = q.where('o.category_id', '=', input.categoryId);
      if (input.authorId) q = q.where('o.author_id', '=', input.authorId);
      if (input.concern) q = q.where('o.concern', '=', input.concern);
      if (input.from) q = q.where('o.observed_at', '>=', new Date(`${input.from}T00:00:00`).toISOString());
      if (input.to) q = q.where('o.observed_at', '<', new Date(new Date(`${input.to}T00:00:00`).getTime() + 86_400_000).toISOString());
      if (input.personId) {
        const personId = input.personId;
        q = q.where(({ exists, selectFrom }) =>
          exists(selectFrom('observation_persons as op').select(sql`1`.as('x')).whereRef('op.observation_id', '=', 'o.id').where('op.person_id', '=', personId)),
        );
      }
      const terms = input.query ? searchTerms(input.query) : [];
      if (terms.length) {
        const match = `family:"f${input.familyId}" AND body:(${ftsQuery(terms)})`;
        q = q.where('o.id', 'in', sql<number>`(select rowid from observation_search where observation_search match ${match})`);
      }
      if (input.cursor) {
        const { observedAt, id } = input.cursor;
        q = q.where((eb) => eb.or([eb('o.observed_at', '<', observedAt), eb.and([eb('o.observed_at', '=', observedAt), eb('o.id', '<', id)])]));
      }
      const rows = await q.execute();
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return {
        observations: await loadObservations(db!, page.map((r) => r.id)),
        cursor: rows.length > input.limit && last ? { observedAt: last.observed_at, id: last.id } : null,
      };
    },
  },

  'journal:search': {
    audit: {
      action: 'search',
      familyId: (input) => input.familyId,
      // Across families: which families' notes the hits showed.
      detail: (input, out) => ({ terms: input.query, ...(input.familyId ? {} : { familyIds: [...new Set(out.hits.map((h) => h.familyId))] }) }),
    },
    async run({ db }, input) {
      const terms = searchTerms(input.query);
      if (terms.length === 0) return { hits: [], nextBeforeId: null };
      const match = input.familyId ? `family:"f${input.familyId}" AND body:(${ftsQuery(terms)})` : `body:(${ftsQuery(terms)})`;
      const rows = await sql<{ rowid: number }>`select rowid from observation_search where observation_search match ${match}
        ${input.beforeId ? sql`and rowid < ${input.beforeId}` : sql``} order by rowid desc limit ${input.limit + 1}`.execute(db!);
      const ids = rows.rows.map((r) => r.rowid);
      const page = ids.slice(0, input.limit);
      const entries = await loadObservations(db!, page);
      return { hits: entries.map((e) => ({ ...e, terms })), nextBeforeId: ids.length > input.limit ? page[page.length - 1]! : null };
    },
  },
});
