import { sql } from 'kysely';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import { MAX_AMENDMENTS } from '../../../common/journal';
import { isEmptyQuery, parseQuery } from '../../../common/search';
import { indexNewObservation, observationIdsMatching, reindexObservation, searchObservationIds } from '../../../db/search';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { loadDrafts, signedAlready, upsertDraft } from './drafts';
import { loadObservations } from './queries';

const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();
const startOfNextDay = (date: string) => new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString();

/** The dagbog: drafts, signing, amendments, a family's timeline, and search across families. */
export const journalHandlers = handlers({
  'journal:categories': {
    audit: 'none', // the institution's category list
    async run({ db }) {
      return db.selectFrom('observation_categories').select(['id', 'label']).where('active', '=', 1).orderBy('sort_order').execute();
    },
  },

  'journal:saveDraft': {
    // A private draft: folded per session and family, never an "Ændret" row per keystroke pause.
    audit: { action: 'draft', subject: 'egen kladde' },
    write: true,
    async run({ db, user, now, families }, input) {
      const { draftId, ...content } = input;
      if (content.familyId) await families.family(content.familyId);
      const id = await upsertDraft(db, user.id, draftId, content, now);
      const [draft] = await loadDrafts(db, user.id, id);
      if (!draft) throw new AppFailure('not_found', 'Kladden findes ikke.');
      return draft;
    },
  },

  'journal:drafts': {
    audit: { action: 'read', subject: 'egne kladder' },
    async run({ db, user, families }) {
      const drafts = await loadDrafts(db, user.id);
      families.shown(drafts.flatMap((d) => (d.familyId ? [d.familyId] : [])));
      return drafts;
    },
  },

  'journal:discardDraft': {
    audit: { action: 'draft', subject: 'kladde kasseret', detail: (input) => ({ draftId: input.draftId }) },
    write: true,
    async run({ db, user, families }, input) {
      const existing = await db.selectFrom('observations').select(['author_id', 'status', 'family_id']).where('id', '=', input.draftId).executeTakeFirst();
      if (!existing || existing.author_id !== user.id) throw new AppFailure('not_found', 'Kladden findes ikke.');
      if (existing.family_id !== null) families.shown([existing.family_id]);
      if (existing.status !== 'draft') throw new AppFailure('conflict', 'Et underskrevet notat kan ikke slettes.');
      await db.deleteFrom('observation_persons').where('observation_id', '=', input.draftId).execute();
      await db.deleteFrom('observations').where('id', '=', input.draftId).execute();
      return null;
    },
  },

  'journal:sign': {
    audit: { action: 'create', subject: 'notat underskrevet', detail: (_i, out) => ({ observationId: out.id }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const { draftId, ...content } = input;
      const issues: FieldIssue[] = [];
      if (!content.familyId) issues.push({ path: 'familyId', message: 'Vælg familien.' });
      if (!content.categoryId) issues.push({ path: 'categoryId', message: 'Vælg en kategori.' });
      if (!content.text.trim()) issues.push({ path: 'text', message: 'Skriv notatet.' });
      if (new Date(content.observedAt).getTime() > now.getTime() + 5 * 60_000) issues.push({ path: 'observedAt', message: 'Tidspunktet ligger i fremtiden.' });
      if (issues.length || !content.familyId) throw new AppFailure('invalid_input', 'Nogle felter er ikke udfyldt korrekt.', issues);
      await families.family(content.familyId);
      // Signing again what this user has just signed (the answer was lost with the server connection, and the screen
      // tried again): the note is not written twice; the answer is the note that was signed.
      const again = draftId ? await signedAlready(db, user.id, draftId, content) : null;
      if (again) return again;
      const id = await upsertDraft(db, user.id, draftId, content, now, true);
      await indexNewObservation(db, id, content.familyId, content.text.normalize('NFC'));
      const [observation] = await loadObservations(db, [id]);
      if (!observation) throw new AppFailure('not_found', 'Notatet findes ikke.');
      return observation;
    },
  },

  'journal:amend': {
    audit: { action: 'change', subject: 'rettelse tilføjet', detail: (input) => ({ observationId: input.observationId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('observations', input.observationId, 'Notatet findes ikke.');
      const o = await db.selectFrom('observations').select('status').where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.status !== 'signed') throw new AppFailure('not_found', 'Notatet findes ikke.');
      await requireOpenFamily(db, familyId);
      const count = await db.selectFrom('observation_amendments').select((eb) => eb.fn.countAll<number>().as('n')).where('observation_id', '=', input.observationId).executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_AMENDMENTS) {
        throw new AppFailure('conflict', `Notatet har allerede ${MAX_AMENDMENTS} rettelser, det højeste antal. Skriv et nyt notat, der henviser til det.`);
      }
      await db
        .insertInto('observation_amendments')
        .values({ observation_id: input.observationId, author_id: user.id, created_at: now.toISOString(), reason: input.reason.normalize('NFC'), text: input.text.normalize('NFC') })
        .execute();
      await reindexObservation(db, input.observationId);
      const [observation] = await loadObservations(db, [input.observationId]);
      if (!observation) throw new AppFailure('not_found', 'Notatet findes ikke.');
      return observation;
    },
  },

  'journal:timeline': {
    audit: { action: 'read', subject: 'dagbog', detail: (input) => (input.query ? { terms: input.query } : undefined) },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      let q = db
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
      if (input.from) q = q.where('o.observed_at', '>=', startOfDay(input.from));
      if (input.to) q = q.where('o.observed_at', '<', startOfNextDay(input.to));
      if (input.personId) {
        const personId = input.personId;
        q = q.where(({ exists, selectFrom }) =>
          exists(selectFrom('observation_persons as op').select(sql`1`.as('x')).whereRef('op.observation_id', '=', 'o.id').where('op.person_id', '=', personId)),
        );
      }
      const matching = input.query ? observationIdsMatching(db, input.familyId, parseQuery(input.query, { live: input.live })) : null;
      if (matching) q = q.where('o.id', 'in', matching);
      if (input.cursor) {
        const { observedAt, id } = input.cursor;
        q = q.where((eb) => eb.or([eb('o.observed_at', '<', observedAt), eb.and([eb('o.observed_at', '=', observedAt), eb('o.id', '<', id)])]));
      }
      const rows = await q.execute();
      const page = rows.slice(0, input.limit);
      const last = page[page.length - 1];
      return {
        observations: await loadObservations(db, page.map((r) => r.id)),
        cursor: rows.length > input.limit && last ? { observedAt: last.observed_at, id: last.id } : null,
      };
    },
  },

  'journal:search': {
    audit: { action: 'search', subject: 'søgning', detail: (input) => ({ terms: input.query }) },
    async run({ db, families }, input) {
      const query = parseQuery(input.query, { live: input.live });
      if (isEmptyQuery(query)) return { hits: [], nextBeforeId: null };
      let scope: number[] | null;
      if (input.familyId) {
        await families.family(input.familyId);
        scope = [input.familyId];
      } else {
        scope = await families.scope();
      }
      const ids = await searchObservationIds(db, { query, familyIds: scope, beforeId: input.beforeId, limit: input.limit + 1 });
      const page = ids.slice(0, input.limit);
      const observations = await loadObservations(db, page);
      // Every family whose notes the hits showed is named in the access log.
      families.shown(observations.map((o) => o.familyId));
      const last = page[page.length - 1];
      return { hits: observations, nextBeforeId: ids.length > input.limit && last !== undefined ? last : null };
    },
  },
});
