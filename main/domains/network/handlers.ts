import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppFailure } from '../../../common/errors';
import { defaultKind, type networkPersonFieldsSchema } from '../../../common/network';
import type { Database } from '../../../db/schema';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { loadNetwork } from './queries';

type PersonFields = z.output<typeof networkPersonFieldsSchema>;

/** The columns a network person's form sets; the family member it relates to must be the family's own. */
async function personColumns(db: Kysely<Database>, familyId: number, input: PersonFields) {
  if (input.relatedToPersonId !== null) {
    const p = await db.selectFrom('persons').select('family_id').where('id', '=', input.relatedToPersonId).executeTakeFirst();
    if (!p || p.family_id !== familyId) {
      const message = 'Personen hører ikke til familien.';
      throw new AppFailure('invalid_input', message, [{ path: 'relatedToPersonId', message }]);
    }
  }
  return {
    name: input.name,
    relation: input.relation,
    related_person_id: input.relatedToPersonId,
    relation_text: input.relationText,
    kind: input.kind ?? defaultKind(input.relation),
    closeness: input.closeness,
    support: input.support,
    help_with: JSON.stringify([...new Set(input.helpWith)]),
    help_note: input.helpNote,
    phone: input.phone,
    email: input.email,
    contact_note: input.contactNote,
  };
}


/** The family's network: persons around the family and the data of the network map. */
export const networkHandlers = handlers({
  'network:get': {
    audit: { action: 'read', subject: 'netværk' },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      return loadNetwork(db, input.familyId);
    },
  },

  'network:addPerson': {
    audit: { action: 'create', subject: 'netværksperson', detail: (input) => ({ relation: input.relation }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const at = now.toISOString();
      const columns = await personColumns(db, input.familyId, input);
      await db
        .insertInto('network_persons')
        .values({ family_id: input.familyId, ...columns, created_by: user.id, created_at: at, updated_by: user.id, updated_at: at })
        .execute();
      return loadNetwork(db, input.familyId);
    },
  },

  'network:updatePerson': {
    audit: { action: 'change', subject: 'netværksperson', detail: (input) => ({ networkPersonId: input.networkPersonId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('network_persons', input.networkPersonId, 'Personen findes ikke i netværket.');
      await requireOpenFamily(db, familyId);
      const n = await db.selectFrom('network_persons').select('removed_at').where('id', '=', input.networkPersonId).executeTakeFirstOrThrow();
      if (n.removed_at) throw new AppFailure('conflict', 'Personen er fjernet fra netværket.');
      const columns = await personColumns(db, familyId, input);
      await db
        .updateTable('network_persons')
        .set({ ...columns, updated_by: user.id, updated_at: now.toISOString() })
        .where('id', '=', input.networkPersonId)
        .execute();
      return loadNetwork(db, familyId);
    },
  },

  'network:removePerson': {
    audit: { action: 'change', subject: 'netværksperson fjernet', detail: (input) => ({ networkPersonId: input.networkPersonId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      const familyId = await families.record('network_persons', input.networkPersonId, 'Personen findes ikke i netværket.');
      await requireOpenFamily(db, familyId);
      const n = await db.selectFrom('network_persons').select('removed_at').where('id', '=', input.networkPersonId).executeTakeFirstOrThrow();
      if (n.removed_at) throw new AppFailure('conflict', 'Personen er allerede fjernet fra netværket.');
      await db
        .updateTable('network_persons')
        .set({ removed_at: now.toISOString(), removed_by: user.id, removed_reason: input.reason })
        .where('id', '=', input.networkPersonId)
        .execute();
      return loadNetwork(db, familyId);
    },
  },
});
