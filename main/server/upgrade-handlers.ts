import { AppFailure } from '../../common/errors';
import { SCHEMA_VERSION } from '../../db/migrations';
import { connectServer, serverFailure } from '../../db/postgres/connect';
import { migrateServer, serverSchemaVersion } from '../../db/postgres/migrate';
import { ownerRole } from '../../db/postgres/prepare';
import { handlers } from '../core/context';
import type { LoginThrottle } from '../keys/throttle';
import type { ServerLink } from './link';

const WRONG_OWNER_PASSWORD = 'Databaseejerens adgangskode er forkert.';

/**
 * A newer Familiespor on a workstation meets an older server database: IT types the database owner's password on the
 * login screen and the schema is brought up to this version (the same migrations as `prepare-server -- opgrader`).
 * The app's own login roles cannot change the schema; the owner's password is used for this one connection and never
 * kept. Wrong passwords are throttled like logins.
 */
export function serverUpgradeHandlers(deps: { link: ServerLink; throttle: LoginThrottle }) {
  const { link, throttle } = deps;
  return handlers({
    'server:upgrade': {
      audit: 'none', // no family or user data: the schema only; the server's own log records the owner's connection
      async run(_ctx, input) {
        const config = link.configured();
        if (!config) throw new AppFailure('not_available', 'Denne computer bruger ikke institutionens server.');
        const key = `server-owner:${config.database}`;
        const verdict = throttle.check(key);
        if (!verdict.allowed) throw new AppFailure('throttled');
        let connection;
        try {
          connection = await connectServer(config, { user: ownerRole(config.database), password: input.ownerPassword }, { max: 1 });
        } catch (err) {
          const failure = serverFailure(err);
          if (failure === 'wrong_password') {
            throttle.failed(key);
            throw new AppFailure('wrong_password', WRONG_OWNER_PASSWORD, [{ path: 'ownerPassword', message: WRONG_OWNER_PASSWORD }]);
          }
          if (failure === 'server_unavailable' || failure === 'server_untrusted') throw new AppFailure(failure);
          throw err;
        }
        throttle.succeeded(key);
        const { db } = connection;
        try {
          const from = await serverSchemaVersion(db);
          if (from > SCHEMA_VERSION) throw new AppFailure('server_version');
          if (from === SCHEMA_VERSION) return { from, to: from };
          return await migrateServer(db);
        } finally {
          await db.destroy();
        }
      },
    },
  });
}
