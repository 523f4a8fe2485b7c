import type { ChannelName } from '../../common/channels';
import type { Credentials } from '../core/credentials';
import type { Handler, HandlerTable } from '../core/context';

/**
 * The channels whose handling differs by where the data is (setup, login, recovery): each call goes to the server's
 * handler when this workstation uses the institution's server, else to the local one. Both must log the same way.
 */
export function byEngine<T extends Partial<HandlerTable>>(local: T, server: Partial<HandlerTable>, onServer: () => boolean): T {
  const table: Partial<HandlerTable> = { ...local };
  for (const name of Object.keys(server) as ChannelName[]) {
    const here = local[name] as Handler<ChannelName> | undefined;
    const there = server[name] as Handler<ChannelName> | undefined;
    if (!here || !there) throw new Error(`Channel ${name} needs a local and a server handler`);
    if (JSON.stringify(here.audit) !== JSON.stringify(there.audit) || here.write !== there.write) throw new Error(`Channel ${name} is logged differently on the two engines`);
    (table as Record<ChannelName, Handler<ChannelName>>)[name] = {
      audit: here.audit,
      write: here.write,
      run: (ctx, input) => (onServer() ? there : here).run(ctx as never, input as never),
    };
  }
  return table as T;
}

/** Key slots on this workstation, or the users' own roles on the server. */
export class EngineCredentials implements Credentials {
  constructor(
    private readonly local: Credentials,
    private readonly server: Credentials,
    private readonly onServer: () => boolean,
  ) {}

  private pick(): Credentials {
    return this.onServer() ? this.server : this.local;
  }

  setUserPassword(...args: Parameters<Credentials['setUserPassword']>) {
    return this.pick().setUserPassword(...args);
  }

  revokeUser(...args: Parameters<Credentials['revokeUser']>) {
    return this.pick().revokeUser(...args);
  }

  passwordOpens(loginName: string, password: string) {
    return this.pick().passwordOpens(loginName, password);
  }

  loginNameProblem(loginName: string) {
    return this.pick().loginNameProblem(loginName);
  }
}
