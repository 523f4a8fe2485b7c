import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine';
import type { AccessLogTable, Database } from './schema';

/**
 * The access log's hash chain. Each row carries the hash of the row before it; a row's hash covers a canonical,
 * engine-independent encoding of the row (fixed field order, JSON of strings and numbers, UTF-8, ISO timestamps) and a
 * hash of its detail rather than the detail itself, so retention can erase a detail without breaking the chain.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AccessLogValues {
  at: string;
  user_id: number | null;
  session_id: string | null;
  action: string;
  channel: string;
  subject: string | null;
  family_id: number | null;
  detail: string | null;
  verified: 0 | 1;
}

type Hashed = Pick<AccessLogTable, 'at' | 'user_id' | 'session_id' | 'action' | 'channel' | 'subject' | 'family_id' | 'detail_hash'> & { verified: number };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function detailHash(detail: string | null): string | null {
  return detail === null ? null : sha256(detail);
}

/** The hash of a row given the hash of the row before it. Changing this encoding breaks every existing chain. */
export function rowHash(prevHash: string, row: Hashed): string {
  return sha256(JSON.stringify(['familiespor-access-log-v1', prevHash, row.at, row.user_id, row.session_id, row.action, row.channel, row.subject, row.family_id, row.detail_hash, row.verified]));
}

/**
 * The newest row's id and hash (the genesis hash on an empty log). On the server, from the anchor row the logging
 * function keeps: a staff member's own connection may read only their own rows of the log.
 */
export async function chainHead(db: Kysely<Database>): Promise<{ id: number; hash: string }> {
  if (engineOf(db) === 'postgres') {
    const anchor = await db.selectFrom('access_log_anchor').select(['last_id', 'hash']).executeTakeFirst();
    return anchor ? { id: anchor.last_id, hash: anchor.hash } : { id: 0, hash: GENESIS_HASH };
  }
  const last = await db.selectFrom('access_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ? { id: last.id, hash: last.hash ?? GENESIS_HASH } : { id: 0, hash: GENESIS_HASH };
}

/**
 * The newest row of the log table itself (the genesis hash on an empty log), for a connection that sees every row: a
 * copy's chain must end where its source's does.
 */
export async function lastLogRow(db: Kysely<Database>): Promise<{ id: number; hash: string }> {
  const last = await db.selectFrom('access_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ? { id: last.id, hash: last.hash ?? GENESIS_HASH } : { id: 0, hash: GENESIS_HASH };
}

/** Records where the chain starts: the first row ever written, or the first after the log was emptied. */
async function startChain(db: Kysely<Database>, firstId: number): Promise<void> {
  await db
    .insertInto('access_log_chain')
    .values({ id: 1, first_id: firstId, first_prev_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('id').doUpdateSet({ first_id: firstId, first_prev_hash: GENESIS_HASH }))
    .execute();
}

/**
 * Appends rows to the chain. On SQLite the caller holds the database's write lock (inside a transaction; one writer),
 * so the head read here is still the head when the rows land. On the server, the logging function does the same under
 * a lock of its own, with the caller's identity and the server's time (a workstation cannot write other rows).
 */
export async function appendAccessLog(db: Kysely<Database>, rows: AccessLogValues[]): Promise<{ id: number; hash: string }> {
  if (engineOf(db) === 'postgres') {
    const payload = rows.map((r) => ({ user_id: r.user_id, session_id: r.session_id, action: r.action, channel: r.channel, subject: r.subject, family_id: r.family_id, detail: r.detail, verified: r.verified }));
    const result = await sql<{ last_id: number; last_hash: string }>`select * from familiespor_log_access(${JSON.stringify(payload)}::jsonb)`.execute(db);
    const head = result.rows[0];
    if (!head) throw new Error('The access log function returned nothing');
    return { id: head.last_id, hash: head.last_hash };
  }
  return appendChained(db, rows);
}

/**
 * Appends rows by computing the chain here, after the table's newest row: the workstation's file (whose caller holds
 * the write lock), or the server's owner inside a move or restore (the logging function answers only to logins).
 */
export async function appendChained(db: Kysely<Database>, rows: AccessLogValues[]): Promise<{ id: number; hash: string }> {
  let head = await lastLogRow(db);
  for (const row of rows) {
    const values = { ...row, detail_hash: detailHash(row.detail) };
    const hash = rowHash(head.hash, values);
    const inserted = await db
      .insertInto('access_log')
      .values({ ...values, prev_hash: head.hash, hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (head.id === 0) await startChain(db, inserted.id);
    head = { id: inserted.id, hash };
  }
  return head;
}

/**
 * Chains rows that have no hash yet: the rows written before the chain existed (the migration to schema 3 keeps them).
 * Runs after migrating, in the same order as the ids.
 */
export async function chainUnhashedRows(db: Kysely<Database>): Promise<number> {
  const unhashed = await db.selectFrom('access_log').selectAll().where('hash', 'is', null).orderBy('id').execute();
  const [first] = unhashed;
  if (!first) return 0;
  const before = await db.selectFrom('access_log').select(['id', 'hash']).where('id', '<', first.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  if (!before) await startChain(db, first.id);
  for (const row of unhashed) {
    const detail_hash = row.detail_hash ?? detailHash(row.detail);
    const hash = rowHash(prev, { ...row, detail_hash });
    await db.updateTable('access_log').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
  return unhashed.length;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstId: number | null;
  lastId: number;
  lastHash: string;
  /** The first row whose link does not hold, and why (in Danish, for the leader's screen). */
  broken: { id: number; reason: string } | null;
}

/** Walks the whole chain from its start and reports the first broken link. */
export async function verifyAccessLog(db: Kysely<Database>, batch = 5000): Promise<ChainVerification> {
  const start = await db.selectFrom('access_log_chain').selectAll().executeTakeFirst();
  let prev = start?.first_prev_hash ?? GENESIS_HASH;
  let expectedId = start?.first_id ?? null;
  let checked = 0;
  let lastId = 0;
  const firstRow = await db.selectFrom('access_log').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (!start) {
    return firstRow
      ? { ok: false, checked, firstId: firstRow.id, lastId, lastHash: prev, broken: { id: firstRow.id, reason: 'Kædens start mangler.' } }
      : { ok: true, checked, firstId: null, lastId, lastHash: prev, broken: null };
  }
  if (!firstRow || firstRow.id !== start.first_id) {
    return { ok: false, checked, firstId: start.first_id, lastId, lastHash: prev, broken: { id: start.first_id, reason: 'Den første række i kæden er slettet.' } };
  }
  for (;;) {
    const rows = await db.selectFrom('access_log').selectAll().where('id', '>=', expectedId ?? 0).orderBy('id').limit(batch).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const fail = (reason: string): ChainVerification => ({ ok: false, checked, firstId: start.first_id, lastId, lastHash: prev, broken: { id: row.id, reason } });
      if (row.id !== expectedId) return fail(`Række ${expectedId} mangler (slettet).`);
      if (row.hash === null || row.prev_hash === null) return fail('Rækken er ikke med i kæden.');
      if (row.prev_hash !== prev) return fail('Rækken peger ikke på rækken før den (en række før er ændret eller slettet).');
      if (row.detail !== null && detailHash(row.detail) !== row.detail_hash) return fail('Rækkens detaljer er ændret.');
      if (rowHash(prev, row) !== row.hash) return fail('Rækken er ændret.');
      prev = row.hash;
      lastId = row.id;
      expectedId = row.id + 1;
      checked++;
    }
  }
  return { ok: true, checked, firstId: start.first_id, lastId, lastHash: prev, broken: null };
}

/**
 * Deletes rows older than `before` and erases the detail of the given families' rows, the one path allowed to touch
 * written rows. The chain start moves to the first remaining row, so the rest still verifies.
 */
export async function applyAccessLogRetention(db: Kysely<Database>, options: { before?: string; eraseFamilyIds?: number[] }): Promise<{ deleted: number; erased: number }> {
  await db.insertInto('retention_mode').values({ purpose: 'retention' }).execute();
  let deleted = 0;
  let erased = 0;
  if (options.before) {
    const keepFrom = await db.selectFrom('access_log').select(['id', 'prev_hash']).where('at', '>=', options.before).orderBy('id').limit(1).executeTakeFirst();
    const cut = keepFrom ? db.deleteFrom('access_log').where('id', '<', keepFrom.id) : db.deleteFrom('access_log').where('at', '<', options.before);
    deleted = Number((await cut.executeTakeFirst()).numDeletedRows);
    if (keepFrom && deleted > 0) {
      await db.updateTable('access_log_chain').set({ first_id: keepFrom.id, first_prev_hash: keepFrom.prev_hash ?? GENESIS_HASH }).where('id', '=', 1).execute();
    } else if (!keepFrom) {
      await db.deleteFrom('access_log_chain').execute();
    }
  }
  if (options.eraseFamilyIds?.length) {
    erased = Number(
      (await db.updateTable('access_log').set({ detail: null }).where('family_id', 'in', options.eraseFamilyIds).where('detail', 'is not', null).executeTakeFirst()).numUpdatedRows,
    );
  }
  await db.deleteFrom('retention_mode').where('purpose', '=', 'retention').execute();
  return { deleted, erased };
}
