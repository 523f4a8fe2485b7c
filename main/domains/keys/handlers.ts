import { AppFailure } from '../../../common/errors';
import type { AccessLogWriter } from '../../core/access-log';
import { handlers } from '../../core/context';
import type { EventHub } from '../../core/events';
import type { SessionState } from '../../core/session';
import { rekeyDatabase } from '../../keys/rekey';
import type { Vault } from '../../keys/vault';
import { requireLocal } from '../../core/store';

/** The database's key: "Skift databasens nøgle". */
export function keyHandlers(deps: { vault: Vault; session: SessionState; accessLog: AccessLogWriter; events: EventHub }) {
  const { vault, session, accessLog, events } = deps;
  return handlers({
    'keys:rekey': {
      audit: 'self', // the row is written into the re-keyed database, after the swap
      async run({ user }, input) {
        const unlocked = requireLocal(session);
        const active = session.active();
        if (!active) throw new AppFailure('unauthenticated');
        const result = await rekeyDatabase(vault, unlocked, (stage) => events.emit('keys:rekeyProgress', { stage }));
        session.replaceUnlocked(result.unlocked);
        const db = result.unlocked.db;
        const revoked = result.revokedUserIds.length
          ? (await db.selectFrom('users').select('name').where('id', 'in', result.revokedUserIds).execute()).map((u) => u.name)
          : [];
        await db.transaction().execute((trx) =>
          accessLog.write(trx, {
            action: 'change',
            channel: 'keys:rekey',
            subject: `databasens nøgle skiftet: ${input.reason}`,
            detail: { durationMs: Math.round(result.durationMs), resealed: result.resealed, revokedUserIds: result.revokedUserIds },
            userId: user.id,
            sessionId: active.sessionId,
          }),
        );
        await accessLog.anchor(db);
        return { durationMs: result.durationMs, resealed: result.resealed, revokedUsers: revoked };
      },
    },
  });
}
