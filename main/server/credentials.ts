import type { Credentials } from '../core/credentials';
import type { SessionContext } from '../core/context';
import { connectServer, roleNameFits, serverFailure, serverRoleName } from '../../db/postgres/connect';
import { setServerPassword } from '../../db/postgres/logins';
import type { ServerLink } from './link';

/**
 * Passwords on the institution's server: each user's own database role. The workstation sends a SCRAM verifier,
 * never the password; the server's functions check that only administrators set other users' passwords. A
 * deactivated user's role loses its login when the users row changes (a trigger on the server).
 */
export class ServerCredentials implements Credentials {
  constructor(private readonly link: ServerLink) {}

  async setUserPassword(ctx: Pick<SessionContext, 'db'>, user: { id: number; loginName: string }, password: string): Promise<void> {
    await setServerPassword(ctx.db, this.link.config().database, user, password);
  }

  async revokeUser(): Promise<void> {
    // The server takes the login away itself when the users row is deactivated (familiespor_users_follow).
  }

  async passwordOpens(loginName: string, password: string): Promise<boolean> {
    const config = this.link.config();
    try {
      const { db } = await connectServer(config, { user: serverRoleName(config.database, loginName), password }, { max: 1 });
      await db.destroy();
      return true;
    } catch (err) {
      if (serverFailure(err) === 'wrong_password') return false;
      throw err;
    }
  }

  loginNameProblem(loginName: string): string | null {
    return roleNameFits(this.link.config().database, loginName) ? null : 'Brugernavnet er for langt til institutionens server. Vælg et kortere.';
  }
}
