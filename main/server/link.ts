import { SCHEMA_VERSION } from '../../db/migrations';
import { connectServer, serverFailure, serverRoleName, type ServerConfig } from '../../db/postgres/connect';
import { serverSchemaVersion } from '../../db/postgres/migrate';
import { readWorkstation, writeWorkstation } from '../../db/workstation';
import { AppFailure } from '../../common/errors';
import type { OpenStore } from '../core/store';
import { ServerListener, type ListenerEvents } from './listener';

/** A login is the user's own connection to the server: without the server there is no new login (drafts wait). */
export const LOGIN_NEEDS_SERVER =
  'Ingen forbindelse til serveren. For at logge ind skal der være forbindelse til institutionens server. Kladder, der er gemt på denne computer, bliver sendt, når du logger ind. Prøv igen om lidt, eller kontakt jeres IT-ansvarlige.';

/**
 * This workstation's link to the institution's server: which server (the workstation file, no secrets) and opening a
 * user's own connection to it, refused in Danish when the server cannot be reached, its certificate is not the
 * institution's, or its schema is not this program's.
 */
export class ServerLink {
  constructor(private readonly dataDir: string) {}

  /** The server this workstation uses, or null (its own encrypted file). */
  configured(): ServerConfig | null {
    return readWorkstation(this.dataDir).server ?? null;
  }

  config(): ServerConfig {
    const config = this.configured();
    if (!config) throw new Error('No server is configured');
    return config;
  }

  institutionName(): string | null {
    return readWorkstation(this.dataDir).serverInstitutionName ?? null;
  }

  databaseId(): string | null {
    return readWorkstation(this.dataDir).serverDatabaseId ?? null;
  }

  rememberInstitutionName(name: string): void {
    writeWorkstation(this.dataDir, { serverInstitutionName: name });
  }

  remember(config: ServerConfig): void {
    writeWorkstation(this.dataDir, { server: config });
  }

  /** After a move onto the server: the workstation switches to it when the moving session ends (or at the next start). */
  rememberMove(config: ServerConfig): void {
    writeWorkstation(this.dataDir, { movedToServer: config });
  }

  /** Switches a workstation whose database was moved onto the server over to it; true when it did. */
  completeMove(): boolean {
    const { server, movedToServer } = readWorkstation(this.dataDir);
    if (server || !movedToServer) return false;
    writeWorkstation(this.dataDir, { server: movedToServer });
    return true;
  }

  /**
   * Opens the user's own connection. Throws AppFailure('wrong_password' | 'server_unavailable' | 'server_untrusted'
   * | 'server_outdated' | 'server_version').
   */
  async open(loginName: string, password: string, events: ListenerEvents): Promise<OpenStore & { engine: 'postgres' }> {
    const config = this.config();
    const credentials = { user: serverRoleName(config.database, loginName), password };
    let connection;
    try {
      connection = await connectServer(config, credentials);
    } catch (err) {
      const failure = serverFailure(err);
      if (failure === 'server_unavailable') throw new AppFailure(failure, LOGIN_NEEDS_SERVER);
      if (failure === 'wrong_password' || failure === 'server_untrusted') throw new AppFailure(failure);
      throw err;
    }
    const { db } = connection;
    try {
      // Older: IT can bring it up to this version from the login screen (server:upgrade); newer: update this program.
      const version = await serverSchemaVersion(db);
      if (version < SCHEMA_VERSION) throw new AppFailure('server_outdated');
      if (version > SCHEMA_VERSION) throw new AppFailure('server_version');
      const settings = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', ['institutionName', 'databaseId']).execute();
      const read = (key: string) => {
        const row = settings.find((s) => s.key === key);
        return row ? String(JSON.parse(row.value)) : null;
      };
      const databaseId = read('databaseId');
      if (!databaseId) throw new AppFailure('server_version');
      writeWorkstation(this.dataDir, { serverInstitutionName: read('institutionName') ?? undefined, serverDatabaseId: databaseId });
      const listener = new ServerListener(config, credentials, events);
      await listener.start();
      const close = async () => {
        await listener.stop();
        await db.destroy();
      };
      return { engine: 'postgres', db, server: { databaseId, close } };
    } catch (err) {
      await db.destroy().catch(() => undefined);
      throw err;
    }
  }
}
