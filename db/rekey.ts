import fs from 'node:fs';
import { rowCounts } from './backup';
import { CIPHER, closeConnection, openEncrypted, selectCipher, type Sqlite } from './database';

/**
 * Changing the data key ("Skift databasens nøgle"). Chosen: a re-encrypted copy beside the live file, swapped in by a
 * rename once it is verified, so the live file is never half re-keyed (a crash leaves the old file whole, and the key
 * file holds both keys until the swap is done). `rekeyInPlace` is the alternative, kept for the benchmark's comparison.
 */
function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Writes `target`: a compact copy of the open database encrypted under `newKey` (with the current cipher), then proves
 * it opens with the new key, passes `quick_check` and holds the same rows. `prepare` runs on the copy before it is
 * re-keyed (e.g. to record the new key's id).
 */
export function reencryptedCopy(source: Sqlite, target: string, sourceKey: Buffer, newKey: Buffer, prepare: (copy: Sqlite) => void): void {
  removeWithSidecars(target);
  try {
    source.prepare('vacuum into ?').run(target);
    const copy = openEncrypted(target, sourceKey);
    try {
      // SQLite3 Multiple Ciphers re-keys in rollback-journal mode only.
      copy.pragma('journal_mode = DELETE');
      prepare(copy);
      selectCipher(copy, CIPHER);
      copy.pragma(`hexrekey='${newKey.toString('hex')}'`);
    } finally {
      copy.close();
    }
    const check = openEncrypted(target, newKey);
    try {
      const result = check.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new Error(`The re-keyed copy failed its check: ${String(result)}`);
      const expected = rowCounts(source);
      const got = rowCounts(check);
      for (const [table, n] of Object.entries(expected)) {
        if (got[table] !== n) throw new Error(`The re-keyed copy lost rows in ${table}`);
      }
    } finally {
      closeConnection(check);
    }
  } catch (err) {
    removeWithSidecars(target);
    throw err;
  }
}

/** Puts the verified copy in place of the closed live file. */
export function swapInCopy(copy: string, live: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.renameSync(copy, live);
}

/** Re-keys the live file itself (for the benchmark's comparison only). */
export function rekeyInPlace(sqlite: Sqlite, newKey: Buffer): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  selectCipher(sqlite, CIPHER);
  sqlite.pragma(`hexrekey='${newKey.toString('hex')}'`);
  sqlite.pragma('journal_mode = WAL');
}
