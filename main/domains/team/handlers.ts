import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { loadFamily, requireOpenFamily } from '../families/queries';

/** The indsatsteam: internal staff and external professionals, exactly one tovholder at a time. */
export const teamHandlers = handlers({
  'team:add': {
    audit: { action: 'change', subject: 'indsatsteam tilføjet', detail: (input) => ({ role: input.role }) },
    write: true,
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      if (input.userId) {
        const u = await db.selectFrom('users').select(['id', 'active']).where('id', '=', input.userId).executeTakeFirst();
        if (!u || u.active !== 1) throw new AppFailure('not_found', 'Medarbejderen findes ikke.');
        const already = await db
          .selectFrom('team_members')
          .select('id')
          .where('family_id', '=', input.familyId)
          .where('user_id', '=', input.userId)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (already) throw new AppFailure('conflict', 'Medarbejderen er allerede i teamet.');
      }
      await db
        .insertInto('team_members')
        .values({
          family_id: input.familyId,
          user_id: input.userId ?? null,
          name: input.userId ? null : (input.name ?? null),
          role: input.role,
          role_other: input.role === 'other' ? input.roleOther || null : null,
          organisation: input.organisation || null,
          phone: input.phone || null,
          email: input.email || null,
          added_at: now.toISOString(),
        })
        .execute();
      return loadFamily(db, input.familyId);
    },
  },

  'team:remove': {
    audit: { action: 'change', subject: 'indsatsteam fjernet', detail: (input) => ({ memberId: input.memberId }) },
    write: true,
    async run({ db, now, families }, input) {
      const familyId = await families.record('team_members', input.memberId, 'Teammedlemmet findes ikke.');
      const m = await db.selectFrom('team_members').select('removed_at').where('id', '=', input.memberId).executeTakeFirst();
      if (!m || m.removed_at) throw new AppFailure('not_found', 'Teammedlemmet findes ikke.');
      await requireOpenFamily(db, familyId);
      const coordinator = await db.selectFrom('coordinator_periods').select('id').where('team_member_id', '=', input.memberId).where('to_at', 'is', null).executeTakeFirst();
      if (coordinator) throw new AppFailure('conflict', 'Tovholderen kan ikke fjernes. Vælg først en ny tovholder.');
      await db.updateTable('team_members').set({ removed_at: now.toISOString() }).where('id', '=', input.memberId).execute();
      return loadFamily(db, familyId);
    },
  },

  'team:setCoordinator': {
    audit: { action: 'change', subject: 'tovholder', detail: (input) => ({ memberId: input.memberId }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const m = await db.selectFrom('team_members').select(['family_id', 'removed_at']).where('id', '=', input.memberId).executeTakeFirst();
      if (!m || m.family_id !== input.familyId || m.removed_at) throw new AppFailure('not_found', 'Teammedlemmet findes ikke i familiens team.');
      const open = await db.selectFrom('coordinator_periods').select(['id', 'team_member_id']).where('family_id', '=', input.familyId).where('to_at', 'is', null).executeTakeFirst();
      if (open?.team_member_id === input.memberId) return loadFamily(db, input.familyId);
      const at = now.toISOString();
      if (open) await db.updateTable('coordinator_periods').set({ to_at: at }).where('id', '=', open.id).execute();
      await db.insertInto('coordinator_periods').values({ family_id: input.familyId, team_member_id: input.memberId, from_at: at, set_by: user.id }).execute();
      return loadFamily(db, input.familyId);
    },
  },
});
