import type { Kysely } from 'kysely';
import { AppFailure } from '../../../common/errors';
import type { ServerConfig } from '../../../common/server';
import { connectServer, serverFailure } from '../../../db/postgres/connect';
import { ownerRole } from '../../../db/postgres/prepare';
import type { Database } from '../../../db/schema';

/**
 * The server database's owner connection, with the password IT types (moves and restores write ids, authors and the
 * access log as they were, which only the owner may). Refused in Danish when the server or the password is wrong.
 */
export async function connectOwner(server: ServerConfig, password: string): Promise<Kysely<Database>> {
  try {
    return (await connectServer(server, { user: ownerRole(server.database), password }, { max: 1 })).db;
  } catch (err) {
    const failure = serverFailure(err);
    if (failure === 'wrong_password') {
      const message = `Serveren afviste ejerens adgangskode (${ownerRole(server.database)}), eller databasen findes ikke. Intet er ændret.`;
      throw new AppFailure('invalid_input', message, [{ path: 'ownerPassword', message }]);
    }
    if (failure === 'server_unavailable' || failure === 'server_untrusted') throw new AppFailure(failure);
    if ((err as { code?: unknown }).code === '3D000') throw new AppFailure('invalid_input', `Databasen ${server.database} findes ikke på serveren. Bed IT oprette den med prepare-server.`);
    throw err;
  }
}
