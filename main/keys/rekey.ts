import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createKysely, openEncrypted } from '../../db/database';
import { isV2, sealDataKey, writeKeyFile, type Slot } from '../../db/keyfile';
import { reencryptedCopy, swapInCopy } from '../../db/rekey';
import { close, type Unlocked, type Vault } from './vault';

export type RekeyStage = 'copy' | 'keyfile' | 'swap' | 'done';

export interface RekeyResult {
  unlocked: Unlocked;
  durationMs: number;
  resealed: number;
  /** Users whose slot predates key pairs (never logged in since the upgrade): they need a password reset. */
  revokedUserIds: number[];
}

/**
 * "Skift databasens nøgle": a new random data key for the database, sealed to every current slot's public key (as
 * recorded in the database, never as read from the file), so nobody's password changes — but a slot or key copied
 * earlier (a user who left on bad terms, an old key file) no longer opens the database.
 *
 * Steps, each leaving a state that opens: (1) a re-encrypted, verified copy beside the live file; (2) the key file
 * gets the new key sealed to every slot beside the old one; (3) the live file is closed and the copy renamed over it;
 * (4) the new database is opened and the key file drops the old key (Vault.reconcile). A crash before (3) leaves the
 * old file and old keys working; after (3), the slots' new keys open it.
 */
export async function rekeyDatabase(vault: Vault, current: Unlocked, onStage: (stage: RekeyStage) => void): Promise<RekeyResult> {
  const t0 = performance.now();
  const file = vault.requireKeyFile();
  const newKey = randomBytes(32);
  const newKeyId = randomUUID();
  const copyPath = `${vault.dbFile}.rekey`;
  const listed = await current.db.selectFrom('key_slots').select(['slot_id', 'public_key', 'user_id', 'kind']).where('revoked_at', 'is', null).execute();
  const publicKeys = new Map(listed.map((l) => [l.slot_id, l.public_key]));
  try {
    onStage('copy');
    const at = new Date().toISOString();
    const legacy = file.slots.filter((s) => publicKeys.has(s.id) && !isV2(s));
    reencryptedCopy(current.sqlite, copyPath, current.key, newKey, (copy) => {
      copy.prepare("update secrets set value = ? where name = 'data_key_id'").run(newKeyId);
      // Slots without a key pair cannot be given the new key: revoked, so their users get a password reset.
      for (const slot of legacy) copy.prepare("update key_slots set revoked_at = ?, revoked_reason = 'databasens nøgle skiftet' where slot_id = ?").run(at, slot.id);
    });

    onStage('keyfile');
    const slots: Slot[] = file.slots.map((slot) => {
      const publicKey = publicKeys.get(slot.id);
      if (!isV2(slot) || !publicKey) return slot;
      return { ...slot, dataKeys: [...slot.dataKeys.filter((d) => d.keyId !== newKeyId), sealDataKey(file, slot, publicKey, newKey, newKeyId)] };
    });
    writeKeyFile(vault.dataDir, { ...file, slots });

    onStage('swap');
    close(current);
    swapInCopy(copyPath, vault.dbFile);
    const sqlite = openEncrypted(vault.dbFile, newKey);
    const unlocked: Unlocked = { sqlite, db: createKysely(sqlite), key: newKey, keyId: newKeyId };
    await vault.reconcile(unlocked);
    onStage('done');
    return {
      unlocked,
      durationMs: performance.now() - t0,
      resealed: slots.filter((s) => isV2(s) && publicKeys.has(s.id)).length,
      revokedUserIds: legacy.flatMap((s) => (s.kind === 'user' && s.userId ? [s.userId] : [])),
    };
  } catch (err) {
    newKey.fill(0);
    throw err;
  }
}
