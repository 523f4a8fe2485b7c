import { AppFailure } from '../../common/errors';
import { passwordProblem } from '../../common/password';
import { handlers } from '../registry';
import { countActiveAdmins, findUser, toUser } from './user-rows';

function requirePasswordOk(password: string, loginName: string): void {
  const problem = passwordProblem(password, loginName);
  if (problem) throw new AppFailure('invalid_input', problem, [{ path: 'temporaryPassword', message: problem }]);
}

export const userHandlers = handlers({
  'users:list': {
    audit: 'none', // staff accounts, no family data
    async run({ db }) {
      const rows = await db!.selectFrom('users').selectAll().execute();
      return rows.map(toUser).sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'da'));
    },
  },

  'users:create': {
    audit: { action: 'create', detail: (_input, user) => ({ what: 'bruger', userId: user.id, role: user.role }) },
    write: true,
    async run({ core, db, now }, input) {
      // Compared with Danish case folding (SQLite's NOCASE folds only A–Z), as the key file's lookup does.
      const wanted = input.loginName.toLocaleLowerCase('da');
      const clash = (await db!.selectFrom('users').select('login_name').execute()).some((u) => u.login_name.toLocaleLowerCase('da') === wanted);
      if (clash) {
        const message = 'Brugernavnet er allerede i brug.';
        throw new AppFailure('conflict', message, [{ path: 'loginName', message }]);
      }
      requirePasswordOk(input.temporaryPassword, input.loginName);
      const at = now.toISOString();
      const inserted = await db!
        .insertInto('users')
        .values({
          login_name: input.loginName,
          name: input.name,
          initials: input.initials.toUpperCase(),
          role: input.role,
          must_change_password: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The key file is written last: if it fails, the transaction rolls the user back.
      await core.vault.setUserPassword(core.requireUnlocked(), inserted.id, input.loginName, input.temporaryPassword);
      return toUser(await findUser(db!, inserted.id));
    },
  },

  'users:update': {
    audit: { action: 'change', detail: (input) => ({ what: 'bruger', userId: input.userId, role: input.role }) },
    write: true,
    async run({ core, db, now, user }, input) {
      const row = await findUser(db!, input.userId);
      if (row.role === 'admin' && input.role !== 'admin' && row.active === 1 && (await countActiveAdmins(db!)) <= 1) {
        throw new AppFailure('conflict', 'Der skal være mindst én aktiv administrator.', [{ path: 'role', message: 'Der skal være mindst én aktiv administrator.' }]);
      }
      await db!
        .updateTable('users')
        .set({ name: input.name, initials: input.initials.toUpperCase(), role: input.role, updated_at: now.toISOString() })
        .where('id', '=', input.userId)
        .execute();
      const updated = toUser(await findUser(db!, input.userId));
      if (updated.id === user!.id) core.updateSessionUser(updated);
      return updated;
    },
  },

  'users:resetPassword': {
    audit: { action: 'change', detail: (input) => ({ what: 'nulstil adgangskode', userId: input.userId }) },
    write: true,
    async run({ core, db, now }, input) {
      const row = await findUser(db!, input.userId);
      if (row.active !== 1) throw new AppFailure('conflict', 'Brugeren er deaktiveret. Genaktivér brugeren i stedet.');
      requirePasswordOk(input.temporaryPassword, row.login_name);
      await db!.updateTable('users').set({ must_change_password: 1, updated_at: now.toISOString() }).where('id', '=', row.id).execute();
      await core.vault.setUserPassword(core.requireUnlocked(), row.id, row.login_name, input.temporaryPassword);
      return toUser(await findUser(db!, row.id));
    },
  },

  'users:deactivate': {
    audit: { action: 'change', detail: (input) => ({ what: 'deaktivér bruger', userId: input.userId }) },
    write: true,
    async run({ core, db, now, user }, input) {
      const row = await findUser(db!, input.userId);
      if (row.id === user!.id) throw new AppFailure('conflict', 'Du kan ikke deaktivere dig selv.');
      if (row.active !== 1) return toUser(row);
      if (row.role === 'admin' && (await countActiveAdmins(db!)) <= 1) throw new AppFailure('conflict', 'Der skal være mindst én aktiv administrator.');
      const at = now.toISOString();
      await db!.updateTable('users').set({ active: 0, deactivated_at: at, updated_at: at }).where('id', '=', row.id).execute();
      // Remove the slot: the user's password no longer unwraps the data key.
      core.vault.removeUserSlot(row.id);
      return toUser(await findUser(db!, row.id));
    },
  },

  'users:activate': {
    audit: { action: 'change', detail: (input) => ({ what: 'genaktivér bruger', userId: input.userId }) },
    write: true,
    async run({ core, db, now }, input) {
      const row = await findUser(db!, input.userId);
      requirePasswordOk(input.temporaryPassword, row.login_name);
      await db!
        .updateTable('users')
        .set({ active: 1, deactivated_at: null, must_change_password: 1, updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .execute();
      await core.vault.setUserPassword(core.requireUnlocked(), row.id, row.login_name, input.temporaryPassword);
      return toUser(await findUser(db!, row.id));
    },
  },
});
