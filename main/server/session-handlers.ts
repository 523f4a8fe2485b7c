import { AppFailure } from '../../common/errors';
import { readSettings } from '../domains/settings/queries';
import { toSessionUser } from '../domains/users/queries';
import { serverRoleName } from '../../db/postgres/connect';
import { accessLogRetentionOnServer } from '../../db/postgres/retention';
import type { AccessLogWriter } from '../core/access-log';
import type { EventHub } from '../core/events';
import { handlers } from '../core/context';
import type { SessionState } from '../core/session';
import { closeStore } from '../core/store';
import type { LoginGuard } from '../domains/session/login-guard';
import type { LoginThrottle } from '../keys/throttle';
import type { ServerLink } from './link';

export interface ServerSessionDeps {
  link: ServerLink;
  events: EventHub;
  session: SessionState;
  accessLog: AccessLogWriter;
  throttle: LoginThrottle;
  guard: LoginGuard;
}

const NO_RECOVERY_CODE =
  'Gendannelseskoden hører til databasen på én computer. På institutionens server nulstiller en administrator din adgangskode; har I ingen administrator, kan IT oprette en.';

/**
 * Setup, login and recovery when the institution's server holds the data: the server was prepared by IT (no setup at
 * the workstation), a login is the user's own connection to it, and there is no recovery code.
 */
export function serverSessionHandlers(deps: ServerSessionDeps) {
  const { link, events, session, accessLog, throttle, guard } = deps;
  return handlers({
    'app:status': {
      audit: 'none', // which server, the institution's name as last seen, who is logged in
      async run() {
        const config = link.config();
        return {
          setupDone: true,
          institutionName: link.institutionName(),
          session: session.user(),
          recovering: false,
          keyFileDamaged: false,
          server: { host: config.host, database: config.database },
        };
      },
    },

    'setup:create': {
      audit: 'self',
      async run() {
        throw new AppFailure('already_setup', 'Familiespor bruger institutionens server, som IT har sat op. Log ind med dit brugernavn.');
      },
    },

    'session:login': {
      audit: 'self',
      async run({ now }, input) {
        const config = link.config();
        const key = guard.key(`server:${config.database}`, input.loginName.toLocaleLowerCase('da'));
        const event = { at: now.toISOString(), channel: 'session:login' as const, loginName: input.loginName };
        await guard.checkAllowed(key, event);
        let store;
        try {
          store = await link.open(input.loginName, input.password, {
            changed: (change) => events.emit('data:changed', change),
            connection: (online) => events.emit('server:connection', { online }),
          });
        } catch (err) {
          // Failed logins are in the server's own log (log_connections); the workstation throttles them too.
          if (err instanceof AppFailure && err.code === 'wrong_password') return guard.wrongSecret(key, event, 'Forkert brugernavn eller adgangskode.');
          throw err;
        }
        throttle.succeeded(key);
        try {
          const row = await store.db.selectFrom('users').selectAll().where('server_role', '=', serverRoleName(config.database, input.loginName)).where('active', '=', 1).executeTakeFirst();
          if (!row) throw new AppFailure('wrong_password');
          const user = toSessionUser(row);
          const settings = await readSettings(store.db);
          if (session.store()) await session.end('logout');
          const active = session.start(store, user, settings);
          throttle.setPolicy({ maxFailures: settings.loginMaxFailures, windowMinutes: 15, lockoutMinutes: settings.loginLockoutMinutes });
          await store.db.transaction().execute(async (trx) => {
            await accessLog.write(trx, { action: 'login', channel: 'session:login', subject: 'logget ind', userId: user.id, sessionId: active.sessionId });
            // The access log's retention, as at a login on one workstation (the server's function logs what it deleted).
            await accessLogRetentionOnServer(trx);
          });
          return user;
        } catch (err) {
          if (session.store() !== store) await closeStore(store);
          throw err;
        }
      },
    },

    'recovery:start': {
      audit: 'self',
      async run() {
        throw new AppFailure('conflict', NO_RECOVERY_CODE);
      },
    },

    'recovery:complete': {
      audit: 'self',
      async run() {
        throw new AppFailure('conflict', NO_RECOVERY_CODE);
      },
    },
  });
}
