import { sql, type Kysely } from 'kysely';
import { engineOf } from './engine';
import type { Database } from './schema';

/**
 * Need-to-know where the engines differ. On this workstation's file the app alone enforces it ("bryd glasset" lives
 * in the session); on the server, row-level security does, so breaking the glass is a row it sees and the list of
 * families to choose from comes from a function that sees past it (names only).
 */

/** Records "bryd glasset" for the family; false when the family does not exist. */
export async function grantBreakGlass(db: Kysely<Database>, familyId: number, sessionId: string): Promise<boolean> {
  if (engineOf(db) === 'postgres') {
    const result = await sql<{ granted: boolean }>`select familiespor_break_glass(${familyId}, ${sessionId}) as granted`.execute(db);
    return result.rows[0]?.granted === true;
  }
  return (await db.selectFrom('families').select('id').where('id', '=', familyId).executeTakeFirst()) !== undefined;
}

/** Ends the session's "bryd glasset" (logout, lock). */
export async function endBreakGlass(db: Kysely<Database>, sessionId: string): Promise<void> {
  if (engineOf(db) === 'postgres') await sql`select familiespor_end_session(${sessionId})`.execute(db);
}

/** The open families' ids and names, whether or not the user may see them (for choosing one to break the glass for). */
export async function familyDirectory(db: Kysely<Database>): Promise<Array<{ id: number; display_name: string }>> {
  if (engineOf(db) === 'postgres') return (await sql<{ id: number; display_name: string }>`select id, display_name from familiespor_family_directory()`.execute(db)).rows;
  return db.selectFrom('families').select(['id', 'display_name']).where('end_date', 'is', null).execute();
}

/** Records that belong to one family through their own `family_id`, and are reached by their id from a screen. */
export type FamilyRecordTable =
  | 'observations'
  | 'persons'
  | 'team_members'
  | 'measurements'
  | 'goals'
  | 'status_reports'
  | 'network_persons'
  | 'network_agreements'
  | 'network_meetings'
  | 'underretninger';

/**
 * Which family a record belongs to, whether or not the user may see that family (so a refusal can be answered and
 * logged as one, not as "not found"): undefined when there is no such record, null for an observation about no family.
 */
export async function familyOfRecord(db: Kysely<Database>, table: FamilyRecordTable, id: number): Promise<number | null | undefined> {
  if (engineOf(db) === 'postgres') {
    const result = await sql<{ family_id: number | null; found: boolean }>`select * from familiespor_family_of(${table}, ${id})`.execute(db);
    const row = result.rows[0];
    return row?.found ? row.family_id : undefined;
  }
  const row = await db.selectFrom(table).select('family_id').where('id', '=', id).executeTakeFirst();
  return row ? row.family_id : undefined;
}
