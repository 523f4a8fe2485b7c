import type { Kysely } from 'kysely';
import { AppFailure } from '../../common/errors';
import type { Database } from '../../db/schema';
import { close, type Unlocked } from '../keys/vault';
import type { WorkstationDrafts } from '../server/local-drafts';

/** The institution's server as one login sees it: that user's connection pool, closed at logout. */
export interface ServerConnection {
  /** The server database's id (its `databaseId` setting): the anchor file and throttling are kept per database. */
  databaseId: string;
  /** The logged-in user's own encrypted draft store on this workstation (set at login), for when the server is away. */
  drafts?: WorkstationDrafts;
  close(): Promise<void>;
}

/**
 * What a session works on: the encrypted file of this workstation, or the institution's server. Handlers only see
 * `db`; what is particular to an engine (the key, the server connection) is reached through this, by the parts whose
 * job it is.
 */
export type OpenStore = { engine: 'sqlite'; db: Kysely<Database>; unlocked: Unlocked } | { engine: 'postgres'; db: Kysely<Database>; server: ServerConnection };

export function localStore(unlocked: Unlocked): OpenStore {
  return { engine: 'sqlite', db: unlocked.db, unlocked };
}

/** Closes the store: the file with its key bytes overwritten, or the server connection. */
export async function closeStore(store: OpenStore): Promise<void> {
  if (store.engine === 'sqlite') close(store.unlocked);
  else await store.server.close();
}

/** What a channel about this workstation's encrypted file (its key, restoring it) answers on the server. */
export const LOCAL_ONLY_MESSAGE =
  'Det gælder kun databasen på denne computer. Familiespor bruger institutionens server, hvor IT står for nøgler og gendannelse.';

/** The open encrypted file of this workstation, or a Danish refusal (not logged in, or working on the server). */
export function requireLocal(session: { store(): OpenStore | null }): Unlocked {
  const store = session.store();
  if (!store) throw new AppFailure('unauthenticated');
  if (store.engine !== 'sqlite') throw new AppFailure('conflict', LOCAL_ONLY_MESSAGE);
  return store.unlocked;
}
