import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { loadFamily, personName, requireOpenFamily } from './queries';

/** The persons of a family: parents, children (born or unborn) and siblings; CPR numbers shown only on request. */
export const personHandlers = handlers({
  'persons:add': {
    audit: { action: 'create', subject: 'person' },
    write: true,
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const at = now.toISOString();
      await db
        .insertInto('persons')
        .values({ family_id: input.familyId, kind: input.kind, name: personName(input), cpr: input.cpr, birth_date: input.birthDate, due_date: input.dueDate, created_at: at, updated_at: at })
        .execute();
      return loadFamily(db, input.familyId);
    },
  },

  'persons:update': {
    audit: { action: 'change', subject: 'person', detail: (input) => ({ personId: input.personId }) },
    write: true,
    async run({ db, now, families }, input) {
      const familyId = await families.record('persons', input.personId, 'Personen findes ikke.');
      await requireOpenFamily(db, familyId);
      await db
        .updateTable('persons')
        .set({
          kind: input.kind,
          name: personName(input),
          ...(input.keepCpr && !input.cpr ? {} : { cpr: input.cpr }),
          birth_date: input.birthDate,
          due_date: input.dueDate,
          updated_at: now.toISOString(),
        })
        .where('id', '=', input.personId)
        .execute();
      return loadFamily(db, familyId);
    },
  },

  'persons:markBorn': {
    audit: { action: 'change', subject: 'barn født', detail: (input) => ({ personId: input.personId }) },
    write: true,
    async run({ db, now, families }, input) {
      const familyId = await families.record('persons', input.personId, 'Personen findes ikke.');
      await requireOpenFamily(db, familyId);
      const p = await db.selectFrom('persons').select(['kind', 'birth_date']).where('id', '=', input.personId).executeTakeFirstOrThrow();
      if (p.kind !== 'child' || p.birth_date) throw new AppFailure('conflict', 'Kun et ufødt barn kan markeres som født.');
      // The terminsdato stays: a premature child's age is corrected by it (progression).
      await db.updateTable('persons').set({ birth_date: input.birthDate, name: input.name, updated_at: now.toISOString() }).where('id', '=', input.personId).execute();
      return loadFamily(db, familyId);
    },
  },

  'persons:revealCpr': {
    // Reading a full CPR number is its own access-log row (which person, never the number).
    audit: { action: 'read', subject: 'CPR-nummer vist', detail: (input) => ({ personId: input.personId }) },
    async run({ db, families }, input) {
      const familyId = await families.record('persons', input.personId, 'Personen findes ikke.');
      const p = await db.selectFrom('persons').select('cpr').where('id', '=', input.personId).executeTakeFirstOrThrow();
      return { cpr: p.cpr, familyId };
    },
  },
});
