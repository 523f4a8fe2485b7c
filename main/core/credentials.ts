import type { SessionContext } from './context';

/**
 * How a password becomes a way in: a key slot in this workstation's key file, or the user's own role on the
 * institution's server. The users and session handlers speak only this.
 */
export interface Credentials {
  /** A new user's first password, a reset by an administrator, or the user's own new password. */
  setUserPassword(ctx: Pick<SessionContext, 'db' | 'onCommit' | 'user'>, user: { id: number; loginName: string }, password: string, reason: string): Promise<void>;
  /** The user can no longer log in (deactivation). */
  revokeUser(ctx: Pick<SessionContext, 'db' | 'onCommit'>, userId: number, reason: string): Promise<void>;
  /** True when the password is the user's current one. */
  passwordOpens(loginName: string, password: string): Promise<boolean>;
  /** A Danish reason the login name cannot be used here, or null. */
  loginNameProblem(loginName: string): string | null;
}
