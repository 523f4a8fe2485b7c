import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';

// The institution's list of dagbog categories. Renaming keeps old observations on the same category; deactivating hides it
// from new entries only (signed observations keep theirs).
export const categoryHandlers = handlers({
  'categories:list': {
    audit: 'none', // institution settings, no family data
    async run({ db }) {
      const rows = await db
        .selectFrom('observation_categories as c')
        .select((eb) => [
          'c.id',
          'c.label',
          'c.active',
          eb.selectFrom('observations as o').select((e) => e.fn.countAll<number>().as('n')).whereRef('o.category_id', '=', 'c.id').as('in_use'),
        ])
        .orderBy('c.sort_order')
        .execute();
      return rows.map((r) => ({ id: r.id, label: r.label, active: r.active === 1, inUse: Number(r.in_use ?? 0) }));
    },
  },

  'categories:create': {
    audit: { action: 'change', subject: 'kategori oprettet', detail: (input) => ({ label: input.label }) },
    write: true,
    async run({ db }, input) {
      // Compared with Danish case folding, in the application (portable: no engine-specific collation).
      const wanted = input.label.toLocaleLowerCase('da');
      const clash = (await db.selectFrom('observation_categories').select('label').execute()).some((c) => c.label.toLocaleLowerCase('da') === wanted);
      if (clash) throw new AppFailure('conflict', 'Kategorien findes allerede.', [{ path: 'label', message: 'Kategorien findes allerede.' }]);
      const max = await db.selectFrom('observation_categories').select((e) => e.fn.max('sort_order').as('m')).executeTakeFirst();
      await db.insertInto('observation_categories').values({ label: input.label, sort_order: Number(max?.m ?? 0) + 10 }).execute();
      return null;
    },
  },

  'categories:update': {
    audit: { action: 'change', subject: 'kategori ændret', detail: (input) => ({ categoryId: input.categoryId, active: input.active }) },
    write: true,
    async run({ db }, input) {
      const current = await db.selectFrom('observation_categories').select('label').where('id', '=', input.categoryId).executeTakeFirst();
      if (!current) throw new AppFailure('not_found', 'Kategorien findes ikke.');
      if (current.label !== input.label) {
        // Signed observations must read as they were written: a category in use keeps its name.
        const used = await db.selectFrom('observations').select('id').where('category_id', '=', input.categoryId).where('status', '=', 'signed').limit(1).executeTakeFirst();
        if (used) {
          const message = 'Kategorien er brugt i underskrevne notater og kan ikke omdøbes. Tag den ud af brug, og opret en ny.';
          throw new AppFailure('conflict', message, [{ path: 'label', message }]);
        }
      }
      await db.updateTable('observation_categories').set({ label: input.label, active: input.active ? 1 : 0 }).where('id', '=', input.categoryId).execute();
      return null;
    },
  },

  'categories:move': {
    audit: { action: 'change', subject: 'kategori flyttet', detail: (input) => ({ categoryId: input.categoryId }) },
    write: true,
    async run({ db }, input) {
      const all = await db.selectFrom('observation_categories').select(['id', 'sort_order']).orderBy('sort_order').execute();
      const i = all.findIndex((c) => c.id === input.categoryId);
      const moved = all[i];
      if (!moved) throw new AppFailure('not_found', 'Kategorien findes ikke.');
      const other = all[input.direction === 'up' ? i - 1 : i + 1];
      if (!other) return null;
      await db.updateTable('observation_categories').set({ sort_order: other.sort_order }).where('id', '=', moved.id).execute();
      await db.updateTable('observation_categories').set({ sort_order: moved.sort_order }).where('id', '=', other.id).execute();
      return null;
    },
  },
});
