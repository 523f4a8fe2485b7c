import { AppFailure } from '../../common/errors';
import { newRecoveryCode } from '../../db/crypto';
import { LOCAL_ONLY_MESSAGE } from '../core/store';
import type { SessionContext } from '../core/context';
import type { Credentials } from '../core/credentials';
import type { Unlocked, Vault } from './vault';

/**
 * Slot changes for handlers that run in a write transaction: the change is staged in the transaction (listed in the
 * database, prepared in the key file) and finished after the commit. A handler gets this, not the vault.
 */
export class SlotChanges implements Credentials {
  constructor(
    private readonly vault: Vault,
    private readonly unlocked: () => Unlocked | null,
  ) {}

  private key(): Unlocked {
    const unlocked = this.unlocked();
    // Reached with no local file only on the institution's server, where there are no key slots.
    if (!unlocked) throw new AppFailure('conflict', LOCAL_ONLY_MESSAGE);
    return unlocked;
  }

  /** A new password (or first password) for a user: a new slot; the user's earlier slots are revoked. */
  async setUserPassword(ctx: Pick<SessionContext, 'db' | 'onCommit'>, user: { id: number; loginName: string }, password: string, reason: string): Promise<void> {
    const finalize = await this.vault.stageSlots(ctx.db, this.key(), {
      add: [{ init: { kind: 'user', userId: user.id, loginName: user.loginName }, secret: password }],
      revoke: { userId: user.id },
      reason,
    });
    ctx.onCommit(finalize);
  }

  /** The user's slots stop opening the database (deactivation). */
  async revokeUser(ctx: Pick<SessionContext, 'db' | 'onCommit'>, userId: number, reason: string): Promise<void> {
    ctx.onCommit(await this.vault.stageSlots(ctx.db, this.key(), { add: [], revoke: { userId }, reason }));
  }

  /** A new recovery code; the old one stops working when the transaction commits. */
  async newRecoveryCode(ctx: Pick<SessionContext, 'db' | 'onCommit'>, reason: string): Promise<string> {
    const code = newRecoveryCode();
    const finalize = await this.vault.stageSlots(ctx.db, this.key(), { add: [{ init: { kind: 'recovery' }, secret: code }], revoke: { recovery: true }, reason });
    ctx.onCommit(finalize);
    return code;
  }

  loginNameProblem(): string | null {
    return null;
  }

  /** True when the password opens the user's slot (checking the current password before a change). */
  passwordOpens(loginName: string, password: string): Promise<boolean> {
    return this.vault.passwordOpens(loginName, password);
  }
}
