import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { readSettings, writeSetting } from '../settings/queries';
import { findUser, requirePasswordOk, toSessionUser } from '../users/queries';
import { keyFileOrFail, type SessionDeps } from './handlers';

/**
 * "Glemt alt": the recovery code gives an active administrator a new password, and is replaced by a new code shown
 * once. An administrator can also make a new code at any time and must confirm it by typing its last groups back.
 */
export function recoveryHandlers(deps: SessionDeps) {
  const { vault, session, accessLog, guard, slots } = deps;
  return handlers({
    'recovery:start': {
      audit: 'self',
      async run({ now }, input) {
        const file = keyFileOrFail(vault);
        if (!file) throw new AppFailure('not_setup');
        const key = guard.key(file.databaseId, null);
        const event = { at: now.toISOString(), channel: 'recovery:start' as const, loginName: '(gendannelseskode)' };
        await guard.checkAllowed(key, event);
        const outcome = await vault.unlockRecovery(input.recoveryCode);
        if (!outcome.ok) {
          if (outcome.reason === 'wrong_secret') return guard.wrongSecret(key, event, 'Gendannelseskoden er forkert.', 'recoveryCode');
          return guard.refused(key, outcome, event);
        }
        deps.throttle.succeeded(key);
        if (session.unlocked()) await session.end('logout');
        const unlocked = outcome.unlocked;
        session.startRecovery(unlocked);
        await unlocked.db.transaction().execute((trx) =>
          accessLog.write(trx, { action: 'recovery', channel: 'recovery:start', subject: 'gendannelseskode godkendt', userId: null, at: event.at }),
        );
        const admins = await unlocked.db.selectFrom('users').select(['id', 'name', 'login_name']).where('role', '=', 'admin').where('active', '=', 1).orderBy('name').execute();
        return { admins: admins.map((a) => ({ id: a.id, name: a.name, loginName: a.login_name })) };
      },
    },

    'recovery:complete': {
      audit: 'self',
      async run({ now }, input) {
        const unlocked = session.isRecovering() ? session.unlocked() : null;
        if (!unlocked) throw new AppFailure('unauthenticated', 'Start forfra med gendannelseskoden.');
        const row = await findUser(unlocked.db, input.userId);
        if (row.role !== 'admin' || row.active !== 1) throw new AppFailure('forbidden', 'Kun en aktiv administrator kan få ny adgangskode med gendannelseskoden.');
        requirePasswordOk(input.newPassword, row.login_name, 'newPassword');
        const commits: Array<() => void> = [];
        const ctx = { db: unlocked.db, onCommit: (work: () => void) => commits.push(work) };
        let recoveryCode = '';
        await unlocked.db.transaction().execute(async (trx) => {
          const tx = { ...ctx, db: trx };
          await trx.updateTable('users').set({ must_change_password: 0, updated_at: now.toISOString() }).where('id', '=', row.id).execute();
          await writeSetting(trx, 'recoveryConfirmed', false);
          await slots.setUserPassword(tx, { id: row.id, loginName: row.login_name }, input.newPassword, 'ny adgangskode med gendannelseskoden');
          // The used code has been typed in somewhere: it is replaced, and the new one shown once.
          recoveryCode = await slots.newRecoveryCode(tx, 'brugt til gendannelse');
          await accessLog.write(trx, { action: 'recovery', channel: 'recovery:complete', subject: 'ny adgangskode og ny gendannelseskode', userId: row.id });
        });
        for (const work of commits) work();
        const user = toSessionUser(await findUser(unlocked.db, row.id));
        const active = session.start(unlocked, user, await readSettings(unlocked.db));
        session.pendingRecoveryCode = recoveryCode;
        await unlocked.db.transaction().execute((trx) =>
          accessLog.write(trx, { action: 'login', channel: 'recovery:complete', subject: 'logget ind med gendannelseskoden', userId: user.id, sessionId: active.sessionId }),
        );
        return { user, recoveryCode };
      },
    },

    'recovery:regenerate': {
      audit: { action: 'change', subject: 'ny gendannelseskode' },
      write: true,
      async run(ctx) {
        const code = await slots.newRecoveryCode(ctx, 'erstattet af en ny kode');
        await writeSetting(ctx.db, 'recoveryConfirmed', false);
        session.pendingRecoveryCode = code;
        return { recoveryCode: code };
      },
    },

    'recovery:confirm': {
      audit: { action: 'change', subject: 'gendannelseskode bekræftet' },
      write: true,
      async run(ctx, input) {
        const pending = session.pendingRecoveryCode;
        if (!pending) throw new AppFailure('conflict', 'Der er ingen ny gendannelseskode at bekræfte. Lav en ny under Administration.');
        const expected = pending.split('-').slice(-2).join('');
        const typed = input.lastGroups.toUpperCase().replace(/[^0-9A-Z]/g, '');
        if (typed !== expected) {
          const message = 'Det stemmer ikke med koden. Se efter på papiret, og prøv igen.';
          throw new AppFailure('invalid_input', message, [{ path: 'lastGroups', message }]);
        }
        await writeSetting(ctx.db, 'recoveryConfirmed', true);
        session.pendingRecoveryCode = null;
        return null;
      },
    },
  });
}
