import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface DeletedFamilyCounts {
  observations: number;
  persons: number;
  accessLogDetailsErased: number;
}

/** Why the server refused to delete a family (it checks the rules itself, by its own clock and the settings table). */
export class FamilyDeletionRefused extends Error {
  constructor(readonly reason: 'not_found' | 'not_closed' | 'not_due' | 'not_allowed') {
    super(`The server refused to delete the family: ${reason}`);
  }
}

/** The SQLSTATEs `familiespor_delete_family` refuses with (db/migrations/server/0010_retention_sql.ts). */
const REFUSALS = { P0002: 'not_found', FS001: 'not_closed', FS002: 'not_due', '42501': 'not_allowed' } as const;

/**
 * Deletes a family after its retention period on the institution's server: the function runs as the database owner
 * (no login may delete append-only records) and checks the rules itself; a refusal comes back as
 * FamilyDeletionRefused, with nothing changed.
 */
export async function deleteFamilyOnServer(db: Kysely<Database>, familyId: number): Promise<DeletedFamilyCounts> {
  try {
    const result = await sql<{ deleted_observations: number; deleted_persons: number; erased_details: number }>`select * from familiespor_delete_family(${familyId})`.execute(db);
    const row = result.rows[0];
    if (!row) throw new Error('familiespor_delete_family returned nothing');
    return { observations: Number(row.deleted_observations), persons: Number(row.deleted_persons), accessLogDetailsErased: Number(row.erased_details) };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code in REFUSALS) throw new FamilyDeletionRefused(REFUSALS[code as keyof typeof REFUSALS]);
    throw err;
  }
}

/**
 * The access log's retention on the server, at a login: the function deletes rows older than the institution's period
 * (at most once a day, by the server's clock and the settings table), moves the chain's start and logs that it did.
 * Returns how many rows went.
 */
export async function accessLogRetentionOnServer(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ deleted: number }>`select familiespor_access_log_retention() as deleted`.execute(db);
  return Number(result.rows[0]?.deleted ?? 0);
}
