import { AppFailure } from '../../common/errors';
import { passwordProblem } from '../../common/password';
import { unwrapSlot } from '../../db/keyfile';
import { handlers, type HandlerContext } from '../registry';
import { close } from '../vault';
import { findUser, toSessionUser } from './user-rows';

function requirePasswordOk(password: string, loginName: string): void {
  const problem = passwordProblem(password, loginName);
  if (problem) throw new AppFailure('invalid_input', problem, [{ path: 'password', message: problem }]);
}

async function flushSealedEvents(ctx: HandlerContext): Promise<void> {
  const unlocked = ctx.core.requireUnlocked();
  const events = await ctx.core.vault.takeSealedEvents(unlocked);
  if (events.length === 0) return;
  await unlocked.db.transaction().execute(async (trx) => {
    for (const event of events) {
      const match = await trx.selectFrom('users').select('id').where('login_name', '=', event.loginName).executeTakeFirst();
      await ctx.core.audit(
        { action: 'login_failed', channel: event.channel, userId: match?.id ?? null, at: event.at, detail: { loginName: event.loginName } },
        trx,
      );
    }
  });
  ctx.core.vault.clearSealedEvents();
}

export const sessionHandlers = handlers({
  'app:status': {
    audit: 'none', // reads only whether setup is done and the institution name
    async run({ core }) {
      const file = core.vault.keyFile();
      return {
        setupDone: file !== null,
        institutionName: file?.institutionName ?? null,
        session: core.sessionUser(),
        recovering: core.isRecovering(),
      };
    },
  },

  'setup:create': {
    audit: 'self',
    async run(ctx, input) {
      const { core } = ctx;
      if (core.vault.keyFile()) throw new AppFailure('already_setup');
      if (core.vault.orphanDatabase()) {
        throw new AppFailure('conflict', 'Der ligger allerede en database i datamappen, men nøglefilen mangler. Intet er ændret. Kontakt jeres IT-ansvarlige.');
      }
      core.assertSafeLocation();
      requirePasswordOk(input.admin.password, input.admin.loginName);
      const at = ctx.now.toISOString();
      let userId = 0;
      const { unlocked, recoveryCode } = await core.vault.create(input.institutionName, async ({ db }) => {
        await db.transaction().execute(async (trx) => {
          const inserted = await trx
            .insertInto('users')
            .values({
              login_name: input.admin.loginName,
              name: input.admin.name,
              initials: input.admin.initials.toUpperCase(),
              role: 'admin',
              created_at: at,
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          userId = inserted.id;
          await trx.insertInto('settings').values([
            { key: 'idleLockMinutes', value: '10' },
            { key: 'recoveryConfirmed', value: 'false' },
          ]).execute();
          await core.audit({ action: 'create', channel: 'setup:create', userId, detail: { what: 'opsætning' }, at }, trx);
        });
        return { userId, loginName: input.admin.loginName, password: input.admin.password };
      });
      const user = toSessionUser(await findUser(unlocked.db, userId));
      await core.startSession(unlocked, user);
      core.pendingRecoveryCode = recoveryCode;
      return { user, recoveryCode };
    },
  },

  'session:login': {
    audit: 'self',
    async run(ctx, input) {
      const { core } = ctx;
      if (!core.vault.keyFile()) throw new AppFailure('not_setup');
      if (core.unlocked()) await core.endSession('logout');
      const result = await core.vault.unlockWithPassword(input.loginName, input.password);
      if (!result) {
        core.vault.sealEvent({ at: ctx.now.toISOString(), action: 'login_failed', channel: 'session:login', loginName: input.loginName });
        throw new AppFailure('wrong_password');
      }
      const row = await result.unlocked.db.selectFrom('users').selectAll().where('id', '=', result.userId).executeTakeFirst();
      if (!row || row.active !== 1) {
        await core.audit({ action: 'login_failed', channel: 'session:login', userId: row?.id ?? null, detail: { loginName: input.loginName, reason: 'inaktiv' } }, result.unlocked.db);
        close(result.unlocked);
        throw new AppFailure('wrong_password');
      }
      const user = toSessionUser(row);
      await core.startSession(result.unlocked, user);
      await flushSealedEvents(core.context());
      await core.audit({ action: 'login', channel: 'session:login', userId: user.id });
      return user;
    },
  },

  'session:logout': {
    audit: 'self', // endSession writes the logout row before the database closes
    async run({ core }) {
      await core.endSession('logout');
      return null;
    },
  },

  'session:lock': {
    audit: 'self',
    async run({ core }) {
      await core.endSession('manual');
      return null;
    },
  },

  'session:ping': {
    audit: 'none', // marks activity only
    async run({ core }) {
      return { idleLockMs: core.idleLockMs() };
    },
  },

  'session:changePassword': {
    audit: { action: 'change', detail: () => ({ what: 'egen adgangskode' }) },
    write: true,
    async run({ core, user, db }, input) {
      const me = user!;
      const file = core.vault.requireKeyFile();
      const slot = core.vault.userSlot(me.loginName);
      const check = slot ? await unwrapSlot(file, slot, input.currentPassword) : null;
      if (!check) throw new AppFailure('wrong_password', 'Den nuværende adgangskode er forkert.', [{ path: 'currentPassword', message: 'Den nuværende adgangskode er forkert.' }]);
      check.fill(0);
      if (input.currentPassword === input.newPassword) {
        const message = 'Den nye adgangskode skal være en anden end den nuværende.';
        throw new AppFailure('invalid_input', message, [{ path: 'newPassword', message }]);
      }
      requirePasswordOk(input.newPassword, me.loginName);
      await db!.updateTable('users').set({ must_change_password: 0, updated_at: new Date().toISOString() }).where('id', '=', me.id).execute();
      await core.vault.setUserPassword(core.requireUnlocked(), me.id, me.loginName, input.newPassword);
      const updated = toSessionUser(await findUser(db!, me.id));
      core.updateSessionUser(updated);
      return updated;
    },
  },

  'recovery:start': {
    audit: 'self',
    async run(ctx, input) {
      const { core } = ctx;
      if (!core.vault.keyFile()) throw new AppFailure('not_setup');
      if (core.unlocked()) await core.endSession('logout');
      const unlocked = await core.vault.unlockWithRecoveryCode(input.recoveryCode);
      if (!unlocked) {
        core.vault.sealEvent({ at: ctx.now.toISOString(), action: 'login_failed', channel: 'recovery:start', loginName: '(gendannelseskode)' });
        throw new AppFailure('wrong_password', 'Gendannelseskoden er forkert.', [{ path: 'recoveryCode', message: 'Gendannelseskoden er forkert.' }]);
      }
      core.startRecovery(unlocked);
      await core.audit({ action: 'recovery', channel: 'recovery:start', userId: null, detail: { step: 'kode godkendt' } });
      const admins = await unlocked.db
        .selectFrom('users')
        .select(['id', 'name', 'login_name'])
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .orderBy('name')
        .execute();
      return { admins: admins.map((a) => ({ id: a.id, name: a.name, loginName: a.login_name })) };
    },
  },

  'recovery:complete': {
    audit: 'self',
    async run(ctx, input) {
      const { core } = ctx;
      if (!core.isRecovering()) throw new AppFailure('unauthenticated', 'Start forfra med gendannelseskoden.');
      const unlocked = core.requireUnlocked();
      const row = await findUser(unlocked.db, input.userId);
      if (row.role !== 'admin' || row.active !== 1) throw new AppFailure('forbidden', 'Kun en aktiv administrator kan få ny adgangskode med gendannelseskoden.');
      requirePasswordOk(input.newPassword, row.login_name);
      await unlocked.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ must_change_password: 0, updated_at: ctx.now.toISOString() }).where('id', '=', row.id).execute();
        await trx.updateTable('settings').set({ value: 'false' }).where('key', '=', 'recoveryConfirmed').execute();
        await core.audit({ action: 'recovery', channel: 'recovery:complete', userId: row.id, detail: { step: 'ny adgangskode og ny gendannelseskode' } }, trx);
        await core.vault.setUserPassword(unlocked, row.id, row.login_name, input.newPassword);
      });
      // The used code has been typed in somewhere: replace it, and show the new one once.
      const recoveryCode = await core.vault.regenerateRecoveryCode(unlocked);
      const user = toSessionUser(await findUser(unlocked.db, row.id));
      await core.startSession(unlocked, user);
      core.pendingRecoveryCode = recoveryCode;
      return { user, recoveryCode };
    },
  },

  'recovery:regenerate': {
    audit: { action: 'change', detail: () => ({ what: 'ny gendannelseskode' }) },
    write: true,
    async run({ core, db }) {
      const code = await core.vault.regenerateRecoveryCode(core.requireUnlocked());
      await db!.updateTable('settings').set({ value: 'false' }).where('key', '=', 'recoveryConfirmed').execute();
      core.pendingRecoveryCode = code;
      return { recoveryCode: code };
    },
  },

  'recovery:confirm': {
    audit: { action: 'change', detail: () => ({ what: 'gendannelseskode bekræftet' }) },
    write: true,
    async run({ core, db }, input) {
      const pending = core.pendingRecoveryCode;
      if (!pending) throw new AppFailure('conflict', 'Der er ingen ny gendannelseskode at bekræfte. Lav en ny under Administration.');
      const expected = pending.split('-').slice(-2).join('');
      const typed = input.lastGroups.toUpperCase().replace(/[^0-9A-Z]/g, '');
      if (typed !== expected) {
        const message = 'Det stemmer ikke med koden. Se efter på papiret, og prøv igen.';
        throw new AppFailure('invalid_input', message, [{ path: 'lastGroups', message }]);
      }
      await db!.updateTable('settings').set({ value: 'true' }).where('key', '=', 'recoveryConfirmed').execute();
      core.pendingRecoveryCode = null;
      return null;
    },
  },
});
