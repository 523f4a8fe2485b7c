import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../common/errors';
import { connectServer, serverFailure } from '../../db/postgres/connect';
import { handlers } from '../core/context';
import type { Vault } from '../keys/vault';
import type { ServerLink } from './link';

/**
 * "Institutionens server" at setup. The server must answer over TLS with a certificate signed by the institution's CA
 * and refuse a made-up login (so it is a PostgreSQL server that checks passwords); then this workstation keeps where
 * it is. Only before anything else is set up here.
 */
export function connectServerHandlers(deps: { link: ServerLink; vault: Vault }) {
  const { link, vault } = deps;
  return handlers({
    'setup:connectServer': {
      audit: 'none', // before any database exists: nothing to log into, no family data
      async run(_ctx, input) {
        if (link.configured() || vault.keyFile() || vault.orphanDatabase()) throw new AppFailure('already_setup');
        try {
          const probe = await connectServer(input, { user: `${input.database}.forbindelsestest`, password: randomBytes(24).toString('base64') }, { max: 1 });
          await probe.db.destroy();
          throw new AppFailure('server_untrusted', 'Serveren lukkede en ukendt bruger ind. Den er ikke sat op som Familiespor kræver; kontakt jeres IT-ansvarlige.');
        } catch (err) {
          if (err instanceof AppFailure) throw err;
          const failure = serverFailure(err);
          if (failure === 'server_unavailable' || failure === 'server_untrusted') throw new AppFailure(failure);
          if (failure !== 'wrong_password') throw err;
        }
        link.remember(input);
        return { host: input.host, database: input.database };
      },
    },
  });
}
