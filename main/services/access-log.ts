import { handlers } from '../registry';

export const accessLogHandlers = handlers({
  'accessLog:list': {
    audit: { action: 'read', detail: (input) => ({ what: 'adgangslog', userId: input.userId, familyId: input.familyId }) },
    async run({ db }, input) {
      let query = db!
        .selectFrom('access_log')
        .leftJoin('users', 'users.id', 'access_log.user_id')
        .leftJoin('families', 'families.id', 'access_log.family_id')
        .select([
          'access_log.id',
          'access_log.at',
          'access_log.user_id',
          'users.name as user_name',
          'access_log.action',
          'access_log.channel',
          'access_log.family_id',
          'families.display_name as family_name',
          'access_log.detail',
        ])
        .orderBy('access_log.id', 'desc')
        .limit(input.limit + 1);
      if (input.userId) query = query.where('access_log.user_id', '=', input.userId);
      if (input.familyId) query = query.where('access_log.family_id', '=', input.familyId);
      if (input.action) query = query.where('access_log.action', '=', input.action);
      if (input.beforeId) query = query.where('access_log.id', '<', input.beforeId);
      const rows = await query.execute();
      const page = rows.slice(0, input.limit);
      return {
        entries: page.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          userName: r.user_name,
          action: r.action,
          channel: r.channel,
          familyId: r.family_id,
          familyName: r.family_name,
          detail: r.detail,
        })),
        nextBeforeId: rows.length > input.limit ? page[page.length - 1]!.id : null,
      };
    },
  },
});
