import { AppFailure } from '../../common/errors';
import { readSettings } from '../domains/settings/queries';
import { toSessionUser } from '../domains/users/queries';
import { serverRoleName } from '../../db/postgres/connect';
import { accessLogRetentionOnServer } from '../../db/postgres/retention';
import type { AccessLogWriter } from '../core/access-log';
import type { EventHub } from '../core/events';
import { handlers } from '../core/context';
import type { SessionState } from '../core/session';
import { closeStore, type OpenStore } from '../core/store';
import type { LoginGuard } from '../domains/session/login-guard';
import type { LoginThrottle } from '../keys/throttle';
import type { ServerLink } from './link';
import type { SerialQueue } from '../core/queue';
import { WorkstationDrafts } from './local-drafts';
import { sendKeptDrafts } from './offline-drafts';

export interface ServerSessionDeps {
  link: ServerLink;
  events: EventHub;
  session: SessionState;
  accessLog: AccessLogWriter;
  throttle: LoginThrottle;
  guard: LoginGuard;
  /** Calls run one at a time: sending kept drafts when the connection is back waits its turn. */
  queue: SerialQueue;
  /** The workstation's data folder (its own draft store) and the scrypt cost for a new one (tests use less). */
  dataDir: string;
  scryptN?: number;
  diagnose: (message: string) => void;
}

const NO_RECOVERY_CODE =
  'Gendannelseskoden hører til databasen på én computer. På institutionens server nulstiller en administrator din adgangskode; har I ingen administrator, kan IT oprette en.';

/**
 * Setup, login and recovery when the institution's server holds the data: the server was prepared by IT (no setup at
 * the workstation), a login is the user's own connection to it, and there is no recovery code.
 */
export function serverSessionHandlers(deps: ServerSessionDeps) {
  const { link, events, session, accessLog, throttle, guard, queue, diagnose } = deps;
  const sendKept = () =>
    sendKeptDrafts(session, accessLog).catch((err: unknown) => {
      diagnose(`Kept drafts could not be sent to the server: ${String(err)}`);
      return 0;
    });
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
        let store: OpenStore & { engine: 'postgres' };
        try {
          store = await link.open(input.loginName, input.password, {
            changed: (change) => events.emit('data:changed', change),
            connection: (online) => {
              // Back again: the drafts kept on this workstation go to the server before the screens try again.
              if (online) void queue.run(async () => (session.store() === store ? sendKept() : 0));
              events.emit('server:connection', { online });
            },
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
          const drafts = await WorkstationDrafts.open(deps.dataDir, { databaseId: store.server.databaseId, userId: user.id }, input.password, deps.scryptN);
          const server = store.server;
          store = {
            ...store,
            server: {
              ...server,
              drafts,
              close: async () => {
                drafts.close();
                await server.close();
              },
            },
          };
          if (session.store()) await session.end('logout');
          const active = session.start(store, user, settings);
          throttle.setPolicy({ maxFailures: settings.loginMaxFailures, windowMinutes: 15, lockoutMinutes: settings.loginLockoutMinutes });
          await store.db.transaction().execute(async (trx) => {
            await accessLog.write(trx, { action: 'login', channel: 'session:login', subject: 'logget ind', userId: user.id, sessionId: active.sessionId });
            // The access log's retention, as at a login on one workstation (the server's function logs what it deleted).
            await accessLogRetentionOnServer(trx);
          });
          // Drafts kept on this workstation while the server was away (a session that ended without it) reach it now.
          await sendKept();
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
