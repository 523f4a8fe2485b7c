import { AppFailure } from '../../common/errors';
import { connectionFacts } from '../../db/postgres/transfer';
import { lastServerBackup } from '../backups/server';
import { handlers } from '../core/context';
import type { SessionState } from '../core/session';
import type { ServerLink } from './link';

/** "Institutionens server" on the administrator's backup screen: what the app itself can check about the server. */
export function serverStatusHandlers(deps: { link: ServerLink; session: SessionState }) {
  const { link, session } = deps;
  return handlers({
    'server:status': {
      audit: 'none', // connection facts, the server's version and when the last backup was made; no family data
      async run({ db }) {
        if (session.store()?.engine !== 'postgres') throw new AppFailure('conflict', 'Det gælder kun institutionens server. Denne computer bruger sin egen krypterede database.');
        const config = link.config();
        const facts = await connectionFacts(db);
        const last = await lastServerBackup(db);
        return {
          host: config.host,
          database: config.database,
          ...facts,
          lastBackup: last ? { at: last.at, by: last.by, rows: last.rows, tables: last.tables } : null,
        };
      },
    },
  });
}
