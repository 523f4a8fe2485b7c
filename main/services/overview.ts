import { handlers } from '../registry';
import { loadObservations, pendingConcernIds } from './entries';
import { familySummaries } from './families';
import { loadDrafts } from './log';
import { AppFailure } from '../../common/errors';

export const overviewHandlers = handlers({
  'overview:front': {
    audit: { action: 'read', detail: () => ({ what: 'forside' }) },
    async run({ db, user }) {
      const leader = user!.role === 'leader' || user!.role === 'admin';
      return {
        families: await familySummaries(db!),
        pendingConcerns: leader ? (await pendingConcernIds(db!)).length : null,
        myDrafts: await loadDrafts(db!, user!.id),
      };
    },
  },

  'concerns:pending': {
    audit: { action: 'read', detail: (_i, out) => ({ what: 'bekymringer til kvittering', familyIds: [...new Set(out.map((e) => e.familyId))] }) },
    async run({ db }) {
      return loadObservations(db!, await pendingConcernIds(db!));
    },
  },

  'concerns:acknowledge': {
    audit: { action: 'change', detail: (input) => ({ what: 'bekymring kvitteret', observationId: input.observationId }) },
    write: true,
    async run(ctx, input) {
      const { db, user, now } = ctx;
      const o = await db!.selectFrom('observations').select(['status', 'concern', 'family_id']).where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.status !== 'signed' || o.concern !== 'serious') throw new AppFailure('not_found', 'Bekymringen findes ikke.');
      ctx.auditFamilyId = o.family_id;
      const done = await db!.selectFrom('concern_acknowledgements').select('observation_id').where('observation_id', '=', input.observationId).executeTakeFirst();
      if (done) throw new AppFailure('conflict', 'Bekymringen er allerede kvitteret.');
      await db!
        .insertInto('concern_acknowledgements')
        .values({ observation_id: input.observationId, acknowledged_by: user!.id, acknowledged_at: now.toISOString(), note: input.note || null })
        .execute();
      return null;
    },
  },
});
