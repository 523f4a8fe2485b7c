import { AppFailure } from '../../../common/errors';
import { readAnchor, writeAnchor } from '../../../db/anchor';
import { chainHead, verifyAccessLog } from '../../../db/access-log';
import { familyDirectory, grantBreakGlass } from '../../../db/access-control';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { AccessLogEntry, ChainReport } from '../../../common/channels/access-log';
import { handlers } from '../../core/context';
import type { SessionState } from '../../core/session';
import { teamFamilyIds } from '../../core/family-access';

const endOfDay = (date: string) => new Date(new Date(`${date}T00:00:00`).getTime() + 86_400_000).toISOString();
const startOfDay = (date: string) => new Date(`${date}T00:00:00`).toISOString();

const EXPORT_LIMIT = 50_000;

interface AccessLogFilter {
  userId?: number;
  familyId?: number;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: number;
}

/** Access-log rows with the user's and the family's names, newest first. */
async function accessLogRows(db: Kysely<Database>, filter: AccessLogFilter, limit: number): Promise<AccessLogEntry[]> {
  let query = db
    .selectFrom('access_log')
    .leftJoin('users', 'users.id', 'access_log.user_id')
    .leftJoin('families', 'families.id', 'access_log.family_id')
    .select([
      'access_log.id',
      'access_log.at',
      'access_log.user_id',
      'users.name as user_name',
      'access_log.action',
      'access_log.channel',
      'access_log.subject',
      'access_log.family_id',
      'families.display_name as family_name',
      'access_log.detail',
      'access_log.verified',
    ])
    .orderBy('access_log.id', 'desc')
    .limit(limit);
  if (filter.userId) query = query.where('access_log.user_id', '=', filter.userId);
  if (filter.familyId) query = query.where('access_log.family_id', '=', filter.familyId);
  if (filter.action) query = query.where('access_log.action', '=', filter.action);
  if (filter.from) query = query.where('access_log.at', '>=', startOfDay(filter.from));
  if (filter.to) query = query.where('access_log.at', '<', endOfDay(filter.to));
  if (filter.beforeId) query = query.where('access_log.id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    channel: r.channel,
    subject: r.subject,
    familyId: r.family_id,
    familyName: r.family_name,
    detail: r.detail,
    verified: r.verified === 1,
  }));
}

/** Verifies the chain and compares it with the anchor file. */
async function chainReport(db: Kysely<Database>, place: AnchorPlace): Promise<ChainReport> {
  const result = await verifyAccessLog(db);
  const anchor = readAnchor(place.dataDir);
  let status: ChainReport['anchor']['status'] = 'ok';
  if (!anchor) status = 'missing';
  else if (anchor.databaseId !== place.databaseId()) status = 'other_database';
  else if (anchor.lastId > result.lastId) status = 'behind';
  else {
    const row = await db.selectFrom('access_log').select('hash').where('id', '=', anchor.lastId).executeTakeFirst();
    if (anchor.lastId > 0 && row?.hash !== anchor.hash) status = 'mismatch';
  }
  return {
    ok: result.ok && status === 'ok',
    checked: result.checked,
    firstId: result.firstId,
    lastId: result.lastId,
    broken: result.broken,
    anchor: { status, lastId: anchor?.lastId ?? null, at: anchor?.at ?? null },
  };
}

/** Where the access log's anchor is kept (the data folder) and for which database. */
export interface AnchorPlace {
  dataDir: string;
  databaseId(): string | null;
}

/** The access log for leaders: list, verify, re-anchor, a family's accesses; and "bryd glasset" for staff. */
export function accessLogHandlers(deps: { anchor: AnchorPlace; session: SessionState }) {
  const { anchor: place, session } = deps;
  return handlers({
    'accessLog:list': {
      // No filter detail: paging and filtering the log is one view of it per family and session (folded).
      audit: { action: 'read', subject: 'adgangslog' },
      async run({ db, families }, input) {
        const rows = await accessLogRows(db, input, input.limit + 1);
        const page = rows.slice(0, input.limit);
        const last = page[page.length - 1];
        // The page names families (which were read, by whom): those are named in turn.
        families.shown(page.flatMap((r) => (r.familyId !== null && r.familyName !== null ? [r.familyId] : [])));
        return { entries: page, nextBeforeId: rows.length > input.limit && last ? last.id : null };
      },
    },

    'accessLog:export': {
      audit: { action: 'export', subject: 'adgangslog eksporteret', detail: (input, out) => ({ userId: input.userId, familyId: input.familyId, action: input.action, from: input.from, to: input.to, rows: out.entries.length }) },
      async run({ db, families }, input) {
        const rows = await accessLogRows(db, input, EXPORT_LIMIT + 1);
        const entries = rows.slice(0, EXPORT_LIMIT);
        families.shown(entries.flatMap((r) => (r.familyId !== null && r.familyName !== null ? [r.familyId] : [])));
        return { entries, truncated: rows.length > EXPORT_LIMIT };
      },
    },

    'accessLog:verify': {
      audit: { action: 'verify', subject: 'adgangslog kontrolleret', detail: (_i, out) => ({ ok: out.ok, checked: out.checked, broken: out.broken?.id ?? null, anchor: out.anchor.status }) },
      async run({ db }) {
        return chainReport(db, place);
      },
    },

    'accessLog:reanchor': {
      audit: { action: 'change', subject: (input) => `adgangsloggens anker nulstillet: ${input.reason}` },
      write: true,
      async run({ db }) {
        const head = await chainHead(db);
        const databaseId = place.databaseId();
        if (!databaseId) throw new AppFailure('not_setup');
        writeAnchor(place.dataDir, { databaseId, lastId: head.id, hash: head.hash, at: new Date().toISOString() });
        return chainReport(db, place);
      },
    },

    'accessLog:familyReport': {
      audit: { action: 'export', subject: 'indsigt: adgange til familien', detail: (input) => ({ includeStaff: input.includeStaff, from: input.from, to: input.to }) },
      async run({ db, families }, input) {
        await families.family(input.familyId);
        const family = await db.selectFrom('families').select(['id', 'display_name']).where('id', '=', input.familyId).executeTakeFirst();
        if (!family) throw new AppFailure('not_found', 'Familien findes ikke.');
        let q = db
          .selectFrom('access_log')
          .leftJoin('users', 'users.id', 'access_log.user_id')
          .select(['access_log.at', 'access_log.action', 'access_log.subject', 'users.name as user_name'])
          .where('access_log.family_id', '=', input.familyId)
          .orderBy('access_log.id');
        if (input.from) q = q.where('access_log.at', '>=', startOfDay(input.from));
        if (input.to) q = q.where('access_log.at', '<', endOfDay(input.to));
        const rows = await q.execute();
        return {
          family: { id: family.id, displayName: family.display_name },
          from: input.from ?? null,
          to: input.to ?? null,
          includeStaff: input.includeStaff,
          rows: rows.map((r) => ({ at: r.at, action: r.action, subject: r.subject, userName: input.includeStaff ? r.user_name : null })),
        };
      },
    },

    'access:breakGlass': {
      audit: { action: 'break_glass', subject: (input) => `bryd glasset: ${input.reason}` },
      write: true,
      async run({ db, families, onCommit }, input) {
        const active = session.active();
        if (!active) throw new AppFailure('unauthenticated');
        if (!(await grantBreakGlass(db, input.familyId, active.sessionId))) throw new AppFailure('not_found', 'Familien findes ikke.');
        families.shown([input.familyId]);
        onCommit(() => session.active()?.brokenGlass.add(input.familyId));
        return null;
      },
    },

    'access:directory': {
      audit: { action: 'read', subject: 'familiefortegnelse' },
      async run({ db, user, families }) {
        const rows = await familyDirectory(db);
        families.shown(rows.map((r) => r.id));
        const mine = new Set(await teamFamilyIds(db, user.id));
        const collator = new Intl.Collator('da');
        return rows.map((r) => ({ id: r.id, displayName: r.display_name, onMyTeam: mine.has(r.id) })).sort((a, b) => collator.compare(a.displayName, b.displayName));
      },
    },
  });
}
