import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { MAX_AMENDMENTS } from '../../../common/journal';
import { loadObservations, pendingConcernIds } from '../journal/queries';
import { loadUnderretninger } from './queries';

/** Serious concerns waiting for a leader, the leader's documented action, and underretninger. */
export const concernHandlers = handlers({
  'concerns:pending': {
    audit: { action: 'read', subject: 'bekymringer til kvittering' },
    async run({ db, families }) {
      const observations = await loadObservations(db, await pendingConcernIds(db, await families.scope()));
      families.shown(observations.map((o) => o.familyId));
      return observations;
    },
  },

  'concerns:acknowledge': {
    audit: { action: 'change', subject: 'bekymring kvitteret', detail: (input) => ({ observationId: input.observationId, actions: input.actions }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.record('observations', input.observationId, 'Bekymringen findes ikke.');
      const o = await db.selectFrom('observations').select(['status', 'concern']).where('id', '=', input.observationId).executeTakeFirst();
      if (!o || o.status !== 'signed' || o.concern !== 'serious') throw new AppFailure('not_found', 'Bekymringen findes ikke.');
      const done = await db.selectFrom('concern_acknowledgements').select('observation_id').where('observation_id', '=', input.observationId).executeTakeFirst();
      if (done) throw new AppFailure('conflict', 'Bekymringen er allerede kvitteret.');
      await db
        .insertInto('concern_acknowledgements')
        .values({
          observation_id: input.observationId,
          acknowledged_by: user.id,
          acknowledged_at: now.toISOString(),
          note: input.note.normalize('NFC'),
          actions: JSON.stringify([...new Set(input.actions)]),
        })
        .execute();
      return null;
    },
  },

  'underretninger:create': {
    audit: { action: 'create', subject: 'underretning registreret' },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      if (input.observationId) {
        const o = await db.selectFrom('observations').select(['family_id', 'status']).where('id', '=', input.observationId).executeTakeFirst();
        if (!o || o.family_id !== input.familyId || o.status !== 'signed') {
          const message = 'Notatet hører ikke til familien.';
          throw new AppFailure('invalid_input', message, [{ path: 'observationId', message }]);
        }
      }
      const family = await db.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
      if (input.sentOn < family.start_date) {
        const message = 'Datoen ligger før forløbets start.';
        throw new AppFailure('invalid_input', message, [{ path: 'sentOn', message }]);
      }
      const row = await db
        .insertInto('underretninger')
        .values({
          family_id: input.familyId,
          observation_id: input.observationId ?? null,
          sent_on: input.sentOn,
          municipality: input.municipality.normalize('NFC'),
          recipient: input.recipient ? input.recipient.normalize('NFC') : null,
          reason: input.reason.normalize('NFC'),
          sent_by: user.id,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const [created] = await loadUnderretninger(db, { ids: [row.id] });
      if (!created) throw new AppFailure('not_found', 'Underretningen findes ikke.');
      return created;
    },
  },

  'underretninger:amend': {
    audit: { action: 'change', subject: 'rettelse til underretning', detail: (input) => ({ underretningId: input.underretningId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('underretninger', input.underretningId, 'Underretningen findes ikke.');
      await requireOpenFamily(db, familyId);
      const count = await db.selectFrom('underretning_amendments').select((eb) => eb.fn.countAll<number>().as('n')).where('underretning_id', '=', input.underretningId).executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_AMENDMENTS) throw new AppFailure('conflict', `Underretningen har allerede ${MAX_AMENDMENTS} rettelser, det højeste antal.`);
      await db
        .insertInto('underretning_amendments')
        .values({ underretning_id: input.underretningId, author_id: user.id, created_at: now.toISOString(), reason: input.reason.normalize('NFC'), text: input.text.normalize('NFC') })
        .execute();
      const [amended] = await loadUnderretninger(db, { ids: [input.underretningId] });
      if (!amended) throw new AppFailure('not_found', 'Underretningen findes ikke.');
      return amended;
    },
  },
});
