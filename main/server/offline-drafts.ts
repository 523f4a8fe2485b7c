import { AppFailure } from '../../common/errors';
import type { DraftContent } from '../../common/journal';
import type { AccessLogWriter } from '../core/access-log';
import type { HandlerTable } from '../core/context';
import type { SessionState } from '../core/session';
import { serverFailure } from '../../db/postgres/connect';
import type { journalHandlers } from '../domains/journal/handlers';
import { signedAlready, upsertDraft } from '../domains/journal/drafts';
import { asDraft, type WorkstationDrafts } from './local-drafts';

type JournalTable = typeof journalHandlers;

/** The logged-in user's draft store on this workstation, when the session is on the institution's server. */
function workstationDrafts(session: SessionState): WorkstationDrafts | null {
  const store = session.store();
  return store?.engine === 'postgres' ? (store.server.drafts ?? null) : null;
}

/**
 * The dagbog's draft channels with the workstation's own draft store behind them on the server: a draft saved while
 * the server is away is kept here (encrypted) and answered with `savedLocally`; a draft kept here under a local
 * (negative) id gets its server id at the next save that reaches the server; the draft list shows the kept drafts
 * too. On the workstation's own file nothing changes.
 */
type DraftChannels = 'journal:saveDraft' | 'journal:discardDraft' | 'journal:drafts';

export function withWorkstationDrafts(table: JournalTable, session: SessionState): Omit<JournalTable, DraftChannels> & Pick<HandlerTable, DraftChannels> {
  const save = table['journal:saveDraft'];
  const discard = table['journal:discardDraft'];
  const list = table['journal:drafts'];
  const wrapped: Pick<HandlerTable, DraftChannels> = {
    'journal:saveDraft': {
      ...save,
      async run(ctx, input) {
        const local = workstationDrafts(session);
        const { draftId } = input;
        if (!local || draftId === undefined || draftId > 0) {
          const saved = await save.run(ctx, input);
          // The server now holds this draft's newest text: a copy kept here from while it was away is done with.
          if (local && draftId !== undefined) ctx.onCommit(() => local.remove(draftId));
          return saved;
        }
        const saved = await save.run(ctx, { ...input, draftId: local.serverIdFor(draftId) });
        ctx.onCommit(() => local.settle(draftId, saved.id));
        return saved;
      },
      async offline({ now }, input) {
        const local = workstationDrafts(session);
        if (!local) throw new AppFailure('server_unavailable');
        const { draftId, ...content } = input;
        return asDraft(local.save(draftId, content, now));
      },
    },
    'journal:discardDraft': {
      ...discard,
      async run(ctx, input) {
        const local = workstationDrafts(session);
        if (local && input.draftId < 0) {
          const kept = local.list().find((d) => d.id === input.draftId);
          if (!kept) throw new AppFailure('not_found', 'Kladden findes ikke.');
          if (kept.content.familyId !== null) ctx.families.shown([kept.content.familyId]);
          ctx.onCommit(() => local.remove(input.draftId));
          return null;
        }
        const result = await discard.run(ctx, input);
        if (local) ctx.onCommit(() => local.remove(input.draftId));
        return result;
      },
    },
    'journal:drafts': {
      ...list,
      async run(ctx) {
        const drafts = await list.run(ctx);
        const local = workstationDrafts(session);
        if (!local) return drafts;
        const kept = local.list().map(asDraft);
        ctx.families.shown(kept.flatMap((d) => (d.familyId ? [d.familyId] : [])));
        return [...kept, ...drafts.filter((d) => !local.has(d.id))];
      },
      // No access-log row, and none queued for later: this is the user's own unsent text from their own encrypted
      // store (no family's name, nothing read from the server); each kept draft is logged when it reaches the server
      // (sendKeptDrafts), and a row written later would carry the server's time of writing, not of reading.
      async offline() {
        return workstationDrafts(session)?.list().map(asDraft) ?? [];
      },
    },
  };
  return { ...table, ...wrapped };
}

type SignChannels = 'journal:sign' | 'goals:signObservation';

/**
 * Signing a draft on the server: a copy of it kept on this workstation (from while the server was away) is done with
 * once the note is signed — else the next sending of kept drafts would bring the signed text back as a new draft.
 */
export function withKeptDraftForgottenOnSign<T extends Partial<Pick<HandlerTable, SignChannels>>>(table: T, session: SessionState): T {
  const wrapped: Partial<Pick<HandlerTable, SignChannels>> = {};
  const sign = table['journal:sign'];
  if (sign) {
    wrapped['journal:sign'] = {
      ...sign,
      async run(ctx, input) {
        const signed = await sign.run(ctx, input);
        const local = workstationDrafts(session);
        const { draftId } = input;
        if (local && draftId !== undefined) ctx.onCommit(() => local.remove(draftId));
        return signed;
      },
    };
  }
  const signForGoals = table['goals:signObservation'];
  if (signForGoals) {
    wrapped['goals:signObservation'] = {
      ...signForGoals,
      async run(ctx, input) {
        const signed = await signForGoals.run(ctx, input);
        const local = workstationDrafts(session);
        const { draftId } = input;
        if (local && draftId !== undefined) ctx.onCommit(() => local.remove(draftId));
        return signed;
      },
    };
  }
  return { ...table, ...wrapped };
}

/**
 * "Skift adgangskode" on the server: the workstation's draft store follows the new password (its key is sealed under
 * it once the change is committed), so drafts kept here later in this session open at the next login with the new
 * password instead of being set aside unopened. Mandatory after a move or restore, where the first password is a
 * one-time one.
 */
export function withDraftsFollowingPassword<T extends Pick<HandlerTable, 'session:changePassword'>>(table: T, session: SessionState): T {
  const change = table['session:changePassword'];
  return {
    ...table,
    'session:changePassword': {
      ...change,
      async run(ctx, input) {
        const changed = await change.run(ctx, input);
        const local = workstationDrafts(session);
        if (local) ctx.onCommit(await local.rewrap(input.newPassword));
        return changed;
      },
    },
  };
}

/**
 * Sends the drafts kept on this workstation to the server (at login, and when the connection is back), one
 * transaction each, logged like a draft save. A server draft that was signed or discarded meanwhile, or a family
 * that was closed, does not lose the text: it becomes a new draft (without the family if need be). Stops at the
 * first sign that the server is away again; the rest stay kept. Returns how many reached the server.
 */
export async function sendKeptDrafts(session: SessionState, accessLog: AccessLogWriter): Promise<number> {
  const active = session.active();
  const local = workstationDrafts(session);
  if (!active || !local) return 0;
  let sent = 0;
  for (const kept of local.list()) {
    const serverId = kept.id > 0 ? kept.id : local.serverIdFor(kept.id);
    // Signed meanwhile with this very text (the note dialog signed when the connection came back): nothing to send.
    let signed;
    try {
      signed = serverId === undefined ? null : await signedAlready(active.store.db, active.user.id, serverId, kept.content);
    } catch (err) {
      if (serverFailure(err) !== null) return sent;
      throw err;
    }
    if (signed) {
      local.remove(kept.id);
      continue;
    }
    const attempts: Array<{ draftId: number | undefined; content: DraftContent }> = [
      { draftId: serverId, content: kept.content },
      { draftId: undefined, content: kept.content },
      { draftId: undefined, content: { ...kept.content, familyId: null, personIds: [] } },
    ];
    for (const { draftId, content } of attempts) {
      try {
        const id = await active.store.db.transaction().execute(async (trx) => {
          const id = await upsertDraft(trx, active.user.id, draftId, content, new Date());
          await accessLog.write(trx, {
            action: 'draft',
            channel: 'journal:saveDraft',
            subject: 'egen kladde (gemt på arbejdsstationen)',
            familyIds: content.familyId ? [content.familyId] : [],
            userId: active.user.id,
            sessionId: active.sessionId,
          });
          return id;
        });
        local.settle(kept.id, id);
        sent++;
        break;
      } catch (err) {
        if (serverFailure(err) !== null) return sent;
        if (!(err instanceof AppFailure)) throw err;
      }
    }
  }
  return sent;
}
