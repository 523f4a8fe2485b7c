import { AppFailure } from '../../../common/errors';
import type { MoveCheck } from '../../../common/channels/move';
import { verifyAccessLog } from '../../../db/access-log';
import { roleNameFits } from '../../../db/postgres/connect';
import { TransferError } from '../../../db/transfer/copy';
import { connectionSource } from '../../../db/transfer/sources';
import { CopyFailed, copyToServer, serverTargetProblem, usersOf } from '../../../db/transfer/to-server';
import { handlers } from '../../core/context';
import type { SessionState } from '../../core/session';
import { requireLocal } from '../../core/store';
import type { Vault } from '../../keys/vault';
import type { ServerLink } from '../../server/link';
import { connectOwner } from './owner';

/**
 * "Flyt til institutionens server": copies this workstation's encrypted file onto an empty database that IT prepared,
 * with the owner's password IT types. A dry run first (counts, the chain, the server's state, who gets a one-time
 * password), then the move itself. The file here is only read: its bytes do not change (the move's access-log row is
 * written on the server, where the data now is).
 */
export function moveHandlers(deps: { vault: Vault; session: SessionState; link: ServerLink }) {
  const { vault, session, link } = deps;

  async function check(input: { server: Parameters<typeof connectOwner>[0]; ownerPassword: string }): Promise<MoveCheck> {
    const unlocked = requireLocal(session);
    const source = connectionSource(unlocked.db);
    const tables = [];
    for (const t of await source.tables()) tables.push({ table: t.name, rows: await source.count(t) });
    const chain = await verifyAccessLog(unlocked.db);
    const users = await usersOf(unlocked.db);
    const problems: string[] = [];
    if (!chain.ok) problems.push(`Adgangsloggens kæde holder ikke her (${chain.broken?.reason ?? 'ukendt'}); den skal være hel, før databasen flyttes.`);
    const tooLong = users.filter((u) => !roleNameFits(input.server.database, u.loginName)).map((u) => u.loginName);
    if (tooLong.length) problems.push(`Disse brugernavne er for lange til serveren: ${tooLong.join(', ')}. Giv brugerne kortere navne først.`);
    const owner = await connectOwner(input.server, input.ownerPassword);
    try {
      const target = await serverTargetProblem(owner);
      if (target) problems.push(target);
    } finally {
      await owner.destroy();
    }
    return {
      ready: problems.length === 0,
      problems,
      tables,
      chain: { ok: chain.ok, checked: chain.checked, problem: chain.broken?.reason ?? null },
      users: users.map(({ loginName, name, role, active }) => ({ loginName, name, role, active })),
    };
  }

  return handlers({
    'move:check': {
      audit: 'none', // row counts, the chain's state and the staff list; no family data, and the file stays unchanged
      async run(_ctx, input) {
        return check(input);
      },
    },

    'move:run': {
      // Its row goes into the server's access log, at the end of the copied chain: this file must not change.
      audit: 'self',
      async run({ user }, input) {
        const started = Date.now();
        const dry = await check(input);
        if (!dry.ready) throw new AppFailure('conflict', dry.problems.join(' '));
        const unlocked = requireLocal(session);
        const owner = await connectOwner(input.server, input.ownerPassword);
        try {
          const keyFile = vault.requireKeyFile();
          const { report, passwords } = await copyToServer({
            source: unlocked.db,
            settings: { institutionName: keyFile.institutionName, databaseId: keyFile.databaseId },
            owner,
            database: input.server.database,
            logRow: {
              user_id: user.id,
              session_id: session.active()?.sessionId ?? null,
              action: 'export',
              channel: 'move:run',
              subject: 'databasen flyttet til institutionens server',
              family_id: null,
              detail: JSON.stringify({ host: input.server.host, database: input.server.database }),
              verified: 1,
            },
          });
          // From the end of this session (logout, lock, closing the program) this workstation uses the server: the
          // file left behind is not written again. Until then the one-time passwords can be shown and printed.
          link.rememberMove(input.server);
          session.whenEnded(() => link.completeMove());
          return {
            tables: report.tables,
            chain: { ok: report.chain.ok, checked: report.chain.checked, problem: report.chain.broken?.reason ?? null },
            passwords: passwords.map(({ loginName, name, role, active, password }) => ({ loginName, name, role, active, password })),
            durationMs: Date.now() - started,
          };
        } catch (err) {
          if (err instanceof CopyFailed) throw new AppFailure('conflict', `Flytningen blev afbrudt, og intet er gemt på serveren: ${err.message}`);
          if (err instanceof TransferError) throw new AppFailure('conflict', err.message);
          // The server refused a step (a role it will not let the owner change, a constraint): rolled back, said plainly.
          const code = (err as { code?: unknown }).code;
          if (!(err instanceof AppFailure) && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
            throw new AppFailure('conflict', `Serveren afviste flytningen (fejlkode ${code}), og intet er gemt på serveren. Intet er ændret her. Vis IT fejlkoden.`);
          }
          throw err;
        } finally {
          await owner.destroy();
        }
      },
    },
  });
}
