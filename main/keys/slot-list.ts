import type { Kysely } from 'kysely';
import { isV2, loginLookup, type KeyFile, type Slot, type SlotV2 } from '../../db/keyfile';
import type { Database } from '../../db/schema';
import type { RefusalReason } from './vault';

/**
 * The list of valid key slots inside the database (`key_slots`): which slots may open it, for which user, with which
 * public key. The key file is always checked against this list, never trusted alone.
 */
/** Lists new slots as valid in the database. */
export async function registerSlots(db: Kysely<Database>, slots: SlotV2[], at: string): Promise<void> {
  if (slots.length === 0) return;
  await db
    .insertInto('key_slots')
    .values(slots.map((s) => ({ slot_id: s.id, kind: s.kind, user_id: s.kind === 'user' ? (s.userId ?? null) : null, public_key: s.publicKey, created_at: at })))
    .execute();
}

/**
 * Lists the slots of a key file from before the database kept its own list (the upgrade to schema 3). A user slot is
 * listed only when its user id and login lookup agree with an active user row; anything else is left out (and so
 * refused). A key file edited before this first upgrade could not have been told apart: the README says so.
 */
export async function registerLegacySlots(db: Kysely<Database>, file: KeyFile): Promise<{ skipped: string[] }> {
  if (await db.selectFrom('key_slots').select('slot_id').limit(1).executeTakeFirst()) return { skipped: [] };
  const users = await db.selectFrom('users').select(['id', 'login_name', 'active']).execute();
  const at = new Date().toISOString();
  // Two slots claiming one user or one login name: one of them was edited, and which cannot be told. Neither is
  // listed (the administrator then uses the recovery code).
  const claims = new Map<string, number>();
  for (const slot of file.slots) {
    if (slot.kind !== 'user') continue;
    for (const claim of [`u${slot.userId}`, `l${slot.lookup}`]) claims.set(claim, (claims.get(claim) ?? 0) + 1);
  }
  const skipped: string[] = [];
  for (const slot of file.slots) {
    let userId: number | null = null;
    if (slot.kind === 'user') {
      const user = users.find((u) => u.id === slot.userId && u.active === 1 && loginLookup(file.databaseId, u.login_name) === slot.lookup);
      if (!user || claims.get(`u${slot.userId}`) !== 1 || claims.get(`l${slot.lookup}`) !== 1) {
        skipped.push(slot.id);
        continue;
      }
      userId = user.id;
    }
    await db.insertInto('key_slots').values({ slot_id: slot.id, kind: slot.kind, user_id: userId, public_key: isV2(slot) ? slot.publicKey : null, created_at: at }).execute();
  }
  return { skipped };
}

/** Checks an unwrapped slot against the database's list and the user row; null when it may open the app. */
export async function checkSlot(db: Kysely<Database>, file: KeyFile, slot: Slot, loginName: string | null): Promise<{ reason: RefusalReason; detail: string } | null> {
  const listed = await db.selectFrom('key_slots').selectAll().where('slot_id', '=', slot.id).executeTakeFirst();
  // Not listed: a change that did not complete (its slot reached the file, its commit did not), or a slot from another
  // copy of the key file. Refused like a revoked slot; the next login removes it from the file.
  if (!listed) return { reason: 'revoked', detail: 'Nøglen står ikke på databasens liste over gyldige nøgler.' };
  if (listed.revoked_at) return { reason: 'revoked', detail: `Nøglen er tilbagekaldt (${listed.revoked_reason ?? 'erstattet'}).` };
  if (listed.kind !== slot.kind || listed.user_id !== (slot.kind === 'user' ? (slot.userId ?? null) : null)) {
    return { reason: 'tampered', detail: 'Nøglen er knyttet til en anden bruger i databasen end i nøglefilen.' };
  }
  if (isV2(slot) && listed.public_key !== slot.publicKey) return { reason: 'tampered', detail: 'Nøglens offentlige del er ændret.' };
  if (slot.kind !== 'user') return null;
  const user = listed.user_id === null ? undefined : await db.selectFrom('users').select(['id', 'login_name', 'active']).where('id', '=', listed.user_id).executeTakeFirst();
  if (!user || loginLookup(file.databaseId, user.login_name) !== slot.lookup || (loginName !== null && loginLookup(file.databaseId, loginName) !== slot.lookup)) {
    return { reason: 'tampered', detail: 'Nøglens brugernavn passer ikke til brugeren i databasen.' };
  }
  if (user.active !== 1) return { reason: 'inactive', detail: 'Brugeren er deaktiveret.' };
  return null;
}

