import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import type { SessionState } from '../../core/session';
import type { Credentials } from '../../core/credentials';
import { countActiveAdmins, findUser, requirePasswordOk, toUser } from './queries';

/** Staff accounts, managed by administrators. Each password change is a key-slot change that follows the commit. */
export function userHandlers(deps: { credentials: Credentials; session: SessionState }) {
  const { credentials, session } = deps;
  return handlers({
    'users:list': {
      audit: 'none', // staff accounts, no family data
      async run({ db }) {
        const rows = await db.selectFrom('users').selectAll().execute();
        const collator = new Intl.Collator('da');
        return rows.map(toUser).sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.name, b.name));
      },
    },

    'users:create': {
      audit: { action: 'create', subject: 'bruger', detail: (_input, user) => ({ userId: user.id, role: user.role }) },
      write: true,
      async run(ctx, input) {
        const { db, now } = ctx;
        // Compared with Danish case folding (SQLite's NOCASE folds only A–Z), as the key file's lookup does.
        const wanted = input.loginName.toLocaleLowerCase('da');
        const clash = (await db.selectFrom('users').select('login_name').execute()).some((u) => u.login_name.toLocaleLowerCase('da') === wanted);
        if (clash) {
          const message = 'Brugernavnet er allerede i brug.';
          throw new AppFailure('conflict', message, [{ path: 'loginName', message }]);
        }
        const unusable = credentials.loginNameProblem(input.loginName);
        if (unusable) throw new AppFailure('invalid_input', unusable, [{ path: 'loginName', message: unusable }]);
        requirePasswordOk(input.temporaryPassword, input.loginName, 'temporaryPassword');
        const at = now.toISOString();
        const inserted = await db
          .insertInto('users')
          .values({ login_name: input.loginName, name: input.name, initials: input.initials.toUpperCase(), role: input.role, must_change_password: 1, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await credentials.setUserPassword(ctx, { id: inserted.id, loginName: input.loginName }, input.temporaryPassword, 'ny bruger');
        return toUser(await findUser(db, inserted.id));
      },
    },

    'users:update': {
      audit: { action: 'change', subject: 'bruger', detail: (input) => ({ userId: input.userId, role: input.role }) },
      write: true,
      async run({ db, now, user }, input) {
        const row = await findUser(db, input.userId);
        if (row.role === 'admin' && input.role !== 'admin' && row.active === 1 && (await countActiveAdmins(db)) <= 1) {
          throw new AppFailure('conflict', 'Der skal være mindst én aktiv administrator.', [{ path: 'role', message: 'Der skal være mindst én aktiv administrator.' }]);
        }
        await db
          .updateTable('users')
          .set({ name: input.name, initials: input.initials.toUpperCase(), role: input.role, updated_at: now.toISOString() })
          .where('id', '=', input.userId)
          .execute();
        const updated = toUser(await findUser(db, input.userId));
        if (updated.id === user.id) session.updateUser(updated);
        return updated;
      },
    },

    'users:resetPassword': {
      audit: { action: 'change', subject: 'nulstil adgangskode', detail: (input) => ({ userId: input.userId }) },
      write: true,
      async run(ctx, input) {
        const row = await findUser(ctx.db, input.userId);
        if (row.active !== 1) throw new AppFailure('conflict', 'Brugeren er deaktiveret. Genaktivér brugeren i stedet.');
        requirePasswordOk(input.temporaryPassword, row.login_name, 'temporaryPassword');
        await ctx.db.updateTable('users').set({ must_change_password: 1, updated_at: ctx.now.toISOString() }).where('id', '=', row.id).execute();
        await credentials.setUserPassword(ctx, { id: row.id, loginName: row.login_name }, input.temporaryPassword, 'adgangskode nulstillet');
        return toUser(await findUser(ctx.db, row.id));
      },
    },

    'users:deactivate': {
      audit: { action: 'change', subject: 'deaktivér bruger', detail: (input) => ({ userId: input.userId }) },
      write: true,
      async run(ctx, input) {
        const { db, now, user } = ctx;
        const row = await findUser(db, input.userId);
        if (row.id === user.id) throw new AppFailure('conflict', 'Du kan ikke deaktivere dig selv.');
        if (row.active !== 1) return toUser(row);
        if (row.role === 'admin' && (await countActiveAdmins(db)) <= 1) throw new AppFailure('conflict', 'Der skal være mindst én aktiv administrator.');
        const at = now.toISOString();
        await db.updateTable('users').set({ active: 0, deactivated_at: at, updated_at: at }).where('id', '=', row.id).execute();
        // The user's slots are revoked: their password no longer opens the database, even from an old key file.
        await credentials.revokeUser(ctx, row.id, 'bruger deaktiveret');
        return toUser(await findUser(db, row.id));
      },
    },

    'users:activate': {
      audit: { action: 'change', subject: 'genaktivér bruger', detail: (input) => ({ userId: input.userId }) },
      write: true,
      async run(ctx, input) {
        const row = await findUser(ctx.db, input.userId);
        requirePasswordOk(input.temporaryPassword, row.login_name, 'temporaryPassword');
        await ctx.db
          .updateTable('users')
          .set({ active: 1, deactivated_at: null, must_change_password: 1, updated_at: ctx.now.toISOString() })
          .where('id', '=', row.id)
          .execute();
        await credentials.setUserPassword(ctx, { id: row.id, loginName: row.login_name }, input.temporaryPassword, 'bruger genaktiveret');
        return toUser(await findUser(ctx.db, row.id));
      },
    },

    'users:directory': {
      audit: 'none', // staff names only, for choosing team members and filtering by author
      async run({ db, user }, input) {
        const everyone = input.includeInactive && (user.role === 'leader' || user.role === 'admin');
        let q = db.selectFrom('users').select(['id', 'name', 'initials', 'active']);
        if (!everyone) q = q.where('active', '=', 1);
        const rows = await q.execute();
        const collator = new Intl.Collator('da');
        return rows.map((r) => ({ ...r, active: r.active === 1 })).sort((a, b) => collator.compare(a.name, b.name));
      },
    },
  });
}
