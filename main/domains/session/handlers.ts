import { AppFailure } from '../../../common/errors';
import { KeyFileDamagedError, type KeyFile } from '../../../db/keyfile';
import type { AccessLogWriter } from '../../core/access-log';
import { handlers } from '../../core/context';
import { unsafeLocationReason } from '../../../db/location';
import { sameFolder } from '../../data-folder/handlers';
import type { SessionState } from '../../core/session';
import type { SealedEvents } from '../../keys/sealed-events';
import type { Credentials } from '../../core/credentials';
import type { SlotChanges } from '../../keys/slots';
import type { LoginThrottle } from '../../keys/throttle';
import type { Vault } from '../../keys/vault';
import { readSettings, writeSetting } from '../settings/queries';
import { findUser, requirePasswordOk, toSessionUser } from '../users/queries';
import type { LoginGuard } from './login-guard';
import { openSession } from './open-session';

export interface SessionDeps {
  vault: Vault;
  session: SessionState;
  accessLog: AccessLogWriter;
  throttle: LoginThrottle;
  sealedEvents: SealedEvents;
  guard: LoginGuard;
  slots: SlotChanges;
  credentials: Credentials;
}

/** The key file, or a Danish refusal when it cannot be read. */
export function keyFileOrFail(vault: Vault): KeyFile | null {
  try {
    return vault.keyFile();
  } catch (err) {
    if (err instanceof KeyFileDamagedError) throw new AppFailure('key_file_damaged');
    throw err;
  }
}

export function sessionHandlers(deps: SessionDeps) {
  const { vault, session, accessLog, guard, credentials } = deps;
  return handlers({
    'app:status': {
      audit: 'none', // reads only whether setup is done and the institution name
      async run() {
        let file: KeyFile | null = null;
        let keyFileDamaged = false;
        try {
          file = vault.keyFile();
        } catch (err) {
          if (!(err instanceof KeyFileDamagedError)) throw err;
          keyFileDamaged = true;
        }
        return {
          setupDone: file !== null || keyFileDamaged,
          institutionName: file?.institutionName ?? null,
          session: session.user(),
          recovering: session.isRecovering(),
          keyFileDamaged,
          server: null,
        };
      },
    },

    'setup:create': {
      audit: 'self',
      async run({ now }, input) {
        if (keyFileOrFail(vault)) throw new AppFailure('already_setup');
        if (vault.orphanDatabase()) {
          throw new AppFailure('conflict', 'Der ligger allerede en database i datamappen, men nøglefilen mangler. Intet er ændret. Kontakt jeres IT-ansvarlige.');
        }
        if (unsafeLocationReason(vault.dataDir)) throw new AppFailure('unsafe_location');
        // Another folder is set up by the start's relocating backend (main/data-folder/relocating-backend.ts), never here.
        if (input.dataFolder !== undefined && !sameFolder(input.dataFolder, vault.dataDir)) {
          const message = 'Datamappen kan ikke ændres her: den er givet, da programmet blev startet.';
          throw new AppFailure('invalid_input', message, [{ path: 'dataFolder', message }]);
        }
        requirePasswordOk(input.admin.password, input.admin.loginName, 'admin.password');
        const at = now.toISOString();
        let userId = 0;
        const { unlocked, recoveryCode } = await vault.create(input.institutionName, async ({ db }) => {
          await db.transaction().execute(async (trx) => {
            const inserted = await trx
              .insertInto('users')
              .values({ login_name: input.admin.loginName, name: input.admin.name, initials: input.admin.initials.toUpperCase(), role: 'admin', created_at: at, updated_at: at })
              .returning('id')
              .executeTakeFirstOrThrow();
            userId = inserted.id;
            await writeSetting(trx, 'idleLockMinutes', 10);
            await writeSetting(trx, 'recoveryConfirmed', false);
            await accessLog.write(trx, { action: 'create', channel: 'setup:create', subject: 'opsætning', userId, at });
          });
          return { userId, loginName: input.admin.loginName, password: input.admin.password };
        });
        const user = toSessionUser(await findUser(unlocked.db, userId));
        session.start(unlocked, user, await readSettings(unlocked.db));
        session.pendingRecoveryCode = recoveryCode;
        // The access log is anchored from its first row.
        await accessLog.anchor(unlocked.db);
        return { user, recoveryCode };
      },
    },

    'session:login': {
      audit: 'self',
      async run({ now }, input) {
        const file = keyFileOrFail(vault);
        if (!file) throw new AppFailure('not_setup');
        const key = guard.key(file.databaseId, input.loginName);
        const event = { at: now.toISOString(), channel: 'session:login' as const, loginName: input.loginName };
        await guard.checkAllowed(key, event);
        // Credentials are checked before anything happens to a session that is already open.
        const outcome = await vault.unlockUser(input.loginName, input.password);
        if (!outcome.ok) {
          if (outcome.reason === 'wrong_secret') return guard.wrongSecret(key, event, 'Forkert brugernavn eller adgangskode.');
          return guard.refused(key, outcome, event);
        }
        deps.throttle.succeeded(key);
        if (session.unlocked()) await session.end('logout');
        return openSession(deps, outcome.unlocked, outcome.slot, { password: input.password, channel: 'session:login', at: now });
      },
    },

    'session:logout': {
      audit: 'self', // the session writes its logout row before the database closes
      async run() {
        await session.end('logout');
        return null;
      },
    },

    'session:lock': {
      audit: 'self',
      async run() {
        await session.end('manual');
        return null;
      },
    },

    'session:ping': {
      audit: 'none', // marks activity only
      async run() {
        return { idleLockMs: session.idleLockMs() };
      },
    },

    'session:changePassword': {
      audit: { action: 'change', subject: 'egen adgangskode' },
      write: true,
      async run(ctx, input) {
        const me = ctx.user;
        if (!(await credentials.passwordOpens(me.loginName, input.currentPassword))) {
          throw new AppFailure('wrong_password', 'Den nuværende adgangskode er forkert.', [{ path: 'currentPassword', message: 'Den nuværende adgangskode er forkert.' }]);
        }
        if (input.currentPassword === input.newPassword) {
          const message = 'Den nye adgangskode skal være en anden end den nuværende.';
          throw new AppFailure('invalid_input', message, [{ path: 'newPassword', message }]);
        }
        requirePasswordOk(input.newPassword, me.loginName, 'newPassword');
        await ctx.db.updateTable('users').set({ must_change_password: 0, updated_at: ctx.now.toISOString() }).where('id', '=', me.id).execute();
        await credentials.setUserPassword(ctx, { id: me.id, loginName: me.loginName }, input.newPassword, 'ny adgangskode');
        const updated = toSessionUser(await findUser(ctx.db, me.id));
        session.updateUser(updated);
        return updated;
      },
    },
  });
}

