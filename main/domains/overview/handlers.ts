import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { familySummaries } from '../families/queries';
import { loadDrafts } from '../journal/drafts';
import { loadObservations, pendingConcernIds } from '../journal/queries';

/** The front page, and the serious concerns waiting for a leader. */
export const overviewHandlers = handlers({
  'overview:front': {
    audit: { action: 'read', subject: 'forside' },
    async run({ db, user, families }) {
      const leader = user.role === 'leader' || user.role === 'admin';
      const rows = await familySummaries(db, { familyIds: await families.scope() });
      families.shown(rows.map((f) => f.id));
      const drafts = await loadDrafts(db, user.id);
      families.shown(drafts.flatMap((d) => (d.familyId ? [d.familyId] : [])));
      return {
        families: rows,
        pendingConcerns: leader ? (await pendingConcernIds(db)).length : null,
        myDrafts: drafts,
      };
    },
  },

  'concerns:pending': {
    audit: { action: 'read', subject: 'bekymringer til kvittering' },
    async run({ db, families }) {
      const observations = await loadObservations(db, await pendingConcernIds(db));
      families.shown(observations.map((o) => o.familyId));
      return observations;
    },
  },

  'concerns:acknowledge': {
    audit: { action: 'change', subject: 'bekymring kvitteret', detail: (input) => ({ observationId: input.observationId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const o = await db.selectFrom('observations').select(['status', 'concern', 'family_id']).where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.status !== 'signed' || o.concern !== 'serious' || o.family_id === null) throw new AppFailure('not_found', 'Bekymringen findes ikke.');
      await families.family(o.family_id);
      const done = await db.selectFrom('concern_acknowledgements').select('observation_id').where('observation_id', '=', input.observationId).executeTakeFirst();
      if (done) throw new AppFailure('conflict', 'Bekymringen er allerede kvitteret.');
      await db
        .insertInto('concern_acknowledgements')
        .values({ observation_id: input.observationId, acknowledged_by: user.id, acknowledged_at: now.toISOString(), note: input.note || null })
        .execute();
      return null;
    },
  },
});
