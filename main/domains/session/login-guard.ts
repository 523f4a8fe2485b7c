import { AppFailure } from '../../../common/errors';
import { loginLookup } from '../../../db/keyfile';
import type { AccessLogWriter } from '../../core/access-log';
import type { SessionState } from '../../core/session';
import type { SealedEvents, SealedEvent } from '../../keys/sealed-events';
import type { LoginThrottle } from '../../keys/throttle';
import { close, type UnlockOutcome, type Vault } from '../../keys/vault';

export interface LoginGuardDeps {
  vault: Vault;
  session: SessionState;
  accessLog: AccessLogWriter;
  throttle: LoginThrottle;
  sealedEvents: SealedEvents;
}

function minutesOrSeconds(ms: number): string {
  if (ms >= 90_000) return `${Math.ceil(ms / 60_000)} minutter`;
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 sekund' : `${s} sekunder`;
}

/**
 * What stands in front of a login or recovery: throttling, recording of failed and refused attempts (in the access
 * log when a database is open, sealed into the events file when not), and the handling of refused slots.
 */
export class LoginGuard {
  constructor(private readonly deps: LoginGuardDeps) {}

  /** The throttling key of a login name (or of the recovery code). */
  key(databaseId: string, loginName: string | null): string {
    return loginName === null ? 'recovery' : loginLookup(databaseId, loginName);
  }

  /** Refuses the attempt, without any key derivation, while the name is locked out or must wait. */
  async checkAllowed(key: string, event: Omit<SealedEvent, 'action' | 'reason'>): Promise<void> {
    const verdict = this.deps.throttle.check(key);
    if (verdict.allowed) return;
    await this.record({ ...event, action: 'login_refused', reason: verdict.reason === 'locked_out' ? 'spærret efter for mange forsøg' : 'for hurtigt efter forkert forsøg' });
    throw new AppFailure(
      'throttled',
      verdict.reason === 'locked_out'
        ? `For mange forkerte forsøg. Brugernavnet er spærret i ${minutesOrSeconds(verdict.retryAfterMs)}. Kontakt en administrator, hvis du har glemt din adgangskode.`
        : `Vent ${minutesOrSeconds(verdict.retryAfterMs)}, og prøv igen.`,
    );
  }

  /** Records a wrong secret; the message says so when this attempt started a lock-out. */
  async wrongSecret(key: string, event: Omit<SealedEvent, 'action' | 'reason'>, message: string, field?: string): Promise<never> {
    const lockedOut = this.deps.throttle.failed(key);
    await this.record({ ...event, action: 'login_failed', ...(lockedOut ? { reason: 'spærret efter for mange forsøg' } : {}) });
    const text = lockedOut ? `${message} Brugernavnet er nu spærret i ${this.deps.throttle.policy().lockoutMinutes} minutter.` : message;
    throw new AppFailure('wrong_password', text, field ? [{ path: field, message: text }] : undefined);
  }

  /**
   * A slot opened but was refused (edited key file, revoked or inactive): logged in the database it opened, which is
   * then closed again.
   */
  async refused(key: string, outcome: Exclude<UnlockOutcome, { ok: true } | { reason: 'wrong_secret' }>, event: Omit<SealedEvent, 'action' | 'reason'>): Promise<never> {
    this.deps.throttle.failed(key);
    if (outcome.reason === 'edited') {
      // The password fits, but the slot's user id or login lookup was changed in the file: nothing is opened.
      await this.record({ ...event, action: 'key_file_tampered', reason: 'nøglefil ændret: nøglens bruger er rettet' });
    } else if (outcome.unlocked) {
      const unlocked = outcome.unlocked;
      try {
        await unlocked.db.transaction().execute((trx) =>
          this.deps.accessLog.write(trx, {
            action: outcome.reason === 'tampered' ? 'key_file_tampered' : 'login_refused',
            channel: event.channel,
            subject: outcome.reason === 'tampered' ? 'nøglefil ændret' : outcome.reason === 'revoked' ? 'tilbagekaldt nøgle' : 'deaktiveret bruger',
            detail: { loginName: event.loginName, why: outcome.detail, slot: outcome.slot.id },
            userId: null,
            at: event.at,
          }),
        );
        await this.deps.accessLog.anchor(unlocked.db);
      } finally {
        close(unlocked);
      }
    } else {
      await this.record({ ...event, action: 'login_refused', reason: 'nøglefil passer ikke til databasen' });
    }
    if (outcome.reason === 'key_mismatch') {
      throw new AppFailure(
        'db_damaged',
        'Databasen kan ikke åbnes med nøglen: den er beskadiget, eller nøglefilen hører til en anden database. Intet er ændret. Gendan den nyeste gode sikkerhedskopi, eller kontakt jeres IT-ansvarlige.',
      );
    }
    if (outcome.reason === 'tampered' || outcome.reason === 'edited') {
      throw new AppFailure(
        'key_file_tampered',
        'Nøglefilen er ændret uden for Familiespor, så du kan ikke logges ind med den. Hændelsen er logget. Kontakt jeres administrator.',
      );
    }
    throw new AppFailure('wrong_password');
  }

  /** Straight into the access log when a database is open (someone is logged in), else sealed for the next login. */
  private async record(event: SealedEvent): Promise<void> {
    const unlocked = this.deps.session.unlocked();
    if (unlocked) {
      const active = this.deps.session.active();
      await unlocked.db.transaction().execute((trx) =>
        this.deps.accessLog.write(trx, {
          action: event.action,
          channel: event.channel,
          subject: event.reason ?? 'forkert adgangskode',
          detail: { loginName: event.loginName },
          userId: null,
          sessionId: active?.sessionId ?? null,
          at: event.at,
        }),
      );
      return;
    }
    const file = this.deps.vault.keyFile();
    if (file) this.deps.sealedEvents.seal(file.eventPublicKey, event);
  }
}
