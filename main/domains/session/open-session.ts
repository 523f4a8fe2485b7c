import type { SessionUser } from '../../../common/channels';
import { AppFailure } from '../../../common/errors';
import { isV2, type Slot } from '../../../db/keyfile';
import type { ActiveSession } from '../../core/session';
import { close, type Unlocked } from '../../keys/vault';
import { applyAccessLogRetention } from '../access-log/retention';
import { readSettings } from '../settings/queries';
import { toSessionUser } from '../users/queries';
import type { SessionDeps } from './handlers';

/**
 * After a slot has opened the database and passed its checks: start the session, move sealed events into the access
 * log, make the key file agree with the database, bind a slot from before user binding (re-wrapped with the password
 * just typed), and write the login row.
 */
export async function openSession(
  deps: Pick<SessionDeps, 'vault' | 'session' | 'accessLog' | 'sealedEvents' | 'throttle'>,
  unlocked: Unlocked,
  slot: Slot,
  options: { password: string | null; channel: 'session:login' | 'recovery:complete'; at: Date; user?: SessionUser },
): Promise<SessionUser> {
  const { vault, session, accessLog } = deps;
  let active: ActiveSession;
  try {
    const row = slot.userId === undefined ? null : await unlocked.db.selectFrom('users').selectAll().where('id', '=', slot.userId).executeTakeFirst();
    const user = options.user ?? (row ? toSessionUser(row) : null);
    if (!user) throw new AppFailure('wrong_password');
    const settings = await readSettings(unlocked.db);
    active = session.start(unlocked, user, settings);
    deps.throttle.setPolicy({ maxFailures: settings.loginMaxFailures, windowMinutes: 15, lockoutMinutes: settings.loginLockoutMinutes });
  } catch (err) {
    close(unlocked);
    throw err;
  }
  const events = await deps.sealedEvents.take(unlocked.db, options.at);
  await unlocked.db.transaction().execute(async (trx) => {
    for (const event of events) {
      if ('unreadable' in event) {
        await accessLog.write(trx, {
          action: 'login_failed',
          channel: 'session:login',
          subject: 'ulæselige hændelser',
          detail: { unreadable: event.unreadable, dropped: event.dropped },
          userId: null,
          verified: false,
        });
        continue;
      }
      const match = await trx.selectFrom('users').select('id').where('login_name', '=', event.loginName).executeTakeFirst();
      await accessLog.write(trx, {
        action: event.action,
        channel: event.channel,
        subject: event.reason ?? 'forkert adgangskode',
        detail: { loginName: event.loginName },
        userId: match?.id ?? null,
        at: event.at,
        verified: false,
      });
    }
  });
  deps.sealedEvents.clear();
  await vault.reconcile(unlocked);
  const password = options.password;
  if (!isV2(slot) && slot.kind === 'user' && password) {
    // A slot from before slots were bound to their user: re-wrapped now, in the bound format, with a new id.
    let finalize: (() => void) | null = null;
    await unlocked.db.transaction().execute(async (trx) => {
      finalize = await vault.stageSlots(trx, unlocked, {
        add: [{ init: { kind: 'user', userId: active.user.id, loginName: active.user.loginName }, secret: password }],
        revoke: { userId: active.user.id },
        reason: 'nøgle opgraderet',
      });
    });
    (finalize as (() => void) | null)?.();
  }
  const deleted = await applyAccessLogRetention(unlocked.db, options.at);
  await unlocked.db.transaction().execute(async (trx) => {
    if (deleted > 0) {
      await accessLog.write(trx, { action: 'change', channel: options.channel, subject: 'adgangslog: rækker ud over opbevaringsperioden slettet', detail: { deleted }, userId: null });
    }
    await accessLog.write(trx, { action: 'login', channel: options.channel, subject: 'logget ind', userId: active.user.id, sessionId: active.sessionId });
  });
  return active.user;
}
