import type { Kysely } from 'kysely';
import type { SessionUser } from '../../common/channels';
import { AppFailure } from '../../common/errors';
import { familyOfRecord, type FamilyRecordTable } from '../../db/access-control';
import type { Database } from '../../db/schema';

/**
 * The family gate of one call. Every handler that reads or changes a family's data asks it first; it applies
 * need-to-know and remembers which families the call touched, so the access log names every one of them.
 */
export interface FamilyAccess {
  /** Asserts that the user may see the family (refused: `forbidden`), and names it in this call's access-log rows. */
  family(familyId: number): Promise<void>;
  /**
   * Resolves the family of a record reached by its id (a note, a person, a goal…) and asks `family` for it: not_found
   * with `notFound` when there is no such record, forbidden (and logged) when it is another team's family.
   */
  record(table: FamilyRecordTable, id: number, notFound: string): Promise<number>;
  /** The families the user may see: null for all of them. For lists and searches. */
  scope(): Promise<number[] | null>;
  /** Names families a list or search showed. */
  shown(familyIds: Iterable<number>): void;
  /** The families named so far, in order. */
  readonly named: ReadonlySet<number>;
  /** A family the gate refused, for the access log's "denied" row. */
  readonly refused: number | null;
}

export interface FamilyAccessPolicy {
  /** The institution's setting: staff see only the families whose indsatsteam they are on. */
  needToKnow: boolean;
  /** Families opened in this session by "bryd glasset", with a logged reason. */
  brokenGlass: ReadonlySet<number>;
}

export const NEED_TO_KNOW_MESSAGE =
  'Du er ikke i familiens indsatsteam, så du kan ikke se familien. Er det akut, kan du bryde glasset med en begrundelse — det bliver logget.';

/** Whether this user is limited to their own families (leaders and administrators never are). */
export function isLimited(user: SessionUser, policy: FamilyAccessPolicy): boolean {
  return policy.needToKnow && user.role === 'staff';
}

/** The families whose indsatsteam the user is on now. */
export async function teamFamilyIds(db: Kysely<Database>, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('team_members').select('family_id').distinct().where('user_id', '=', userId).where('removed_at', 'is', null).execute();
  return rows.map((r) => r.family_id);
}

export function familyAccess(db: Kysely<Database>, user: SessionUser, policy: FamilyAccessPolicy): FamilyAccess {
  const named = new Set<number>();
  let refused: number | null = null;
  const limited = isLimited(user, policy);
  const gate: FamilyAccess = {
    named,
    get refused() {
      return refused;
    },
    async record(table, id, notFound) {
      const familyId = await familyOfRecord(db, table, id);
      if (familyId === undefined || familyId === null) throw new AppFailure('not_found', notFound);
      await gate.family(familyId);
      return familyId;
    },
    async family(familyId) {
      if (limited && !policy.brokenGlass.has(familyId)) {
        const member = await db
          .selectFrom('team_members')
          .select('id')
          .where('family_id', '=', familyId)
          .where('user_id', '=', user.id)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (!member) {
          refused = familyId;
          throw new AppFailure('forbidden', NEED_TO_KNOW_MESSAGE);
        }
      }
      // A family id that names no family is refused here, once for every handler (not an internal error later).
      const exists = await db.selectFrom('families').select('id').where('id', '=', familyId).executeTakeFirst();
      if (!exists) throw new AppFailure('not_found', 'Familien findes ikke.');
      named.add(familyId);
    },
    async scope() {
      if (!limited) return null;
      return [...new Set([...(await teamFamilyIds(db, user.id)), ...policy.brokenGlass])];
    },
    shown(familyIds) {
      for (const id of familyIds) named.add(id);
    },
  };
  return gate;
}
