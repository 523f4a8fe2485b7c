import path from 'node:path';
import type { Kysely } from 'kysely';
import { verifyAccessLog } from '../../../db/access-log';
import { closeConnection, createKysely, DB_FILE_NAME, openEncrypted } from '../../../db/database';
import { loginLookup, readKeyFile, unwrapSlot } from '../../../db/keyfile';
import type { Database } from '../../../db/schema';
import { TransferError } from '../../../db/transfer/copy';
import { copyToServer, type ServerCopy } from '../../../db/transfer/to-server';
import { checkSlot } from '../../keys/slot-list';

/**
 * IT's way (`prepare-server -- flyt <data folder>`): opens the workstation's file read-only with an administrator's
 * password (the key slot checked against the database's list, as at a login), so not a byte of it changes, then moves.
 * The workstation's app should be closed.
 */
export async function moveDataFolderToServer(options: { dataDir: string; loginName: string; password: string; owner: Kysely<Database>; database: string }): Promise<ServerCopy> {
  const keyFile = readKeyFile(options.dataDir);
  if (!keyFile) throw new TransferError('Mappen er ikke en Familiespor-datamappe (nøglefilen mangler).');
  const lookup = loginLookup(keyFile.databaseId, options.loginName);
  for (const slot of keyFile.slots.filter((s) => s.kind === 'user' && s.lookup === lookup).reverse()) {
    const opened = await unwrapSlot(keyFile, slot, options.password);
    if (!('keys' in opened)) continue;
    for (const { key } of opened.keys) {
      let sqlite;
      try {
        sqlite = openEncrypted(path.join(options.dataDir, DB_FILE_NAME), key, { readonly: true });
      } catch {
        continue;
      } finally {
        key.fill(0);
      }
      const db = createKysely(sqlite);
      try {
        const refused = await checkSlot(db, keyFile, slot, options.loginName);
        if (refused) throw new TransferError(`Brugerens nøgle kan ikke bruges: ${refused.detail}`);
        const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', slot.userId ?? 0).executeTakeFirst();
        if (user?.role !== 'admin') throw new TransferError('Kun en administrator kan flytte databasen.');
        const chain = await verifyAccessLog(db);
        if (!chain.ok) throw new TransferError(`Adgangsloggens kæde holder ikke (${chain.broken?.reason ?? 'ukendt'}); den skal være hel, før databasen flyttes.`);
        return await copyToServer({
          source: db,
          settings: { institutionName: keyFile.institutionName, databaseId: keyFile.databaseId },
          owner: options.owner,
          database: options.database,
          logRow: { user_id: user.id, session_id: null, action: 'export', channel: 'prepare-server:flyt', subject: 'databasen flyttet til institutionens server', family_id: null, detail: null, verified: 1 },
        });
      } finally {
        closeConnection(sqlite);
      }
    }
  }
  throw new TransferError('Forkert brugernavn eller adgangskode.');
}
