import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted, quickCheck } from '../database';

/**
 * The integrity check's own thread: opens the database read-only with the key it was handed in memory (never written
 * anywhere), runs `quick_check`, overwrites the key and reports SQLite's first complaint, or null when sound. A file
 * this thread could not open (busy, out of handles, …) says nothing about the database: that is reported as an error,
 * and the next login runs the check on its own path instead.
 */
const { file, key } = workerData as { file: string; key: Uint8Array };
const keyBytes = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
let answer: { problem: string | null } | { error: string };
try {
  const sqlite = openEncrypted(file, keyBytes, { readonly: true });
  keyBytes.fill(0);
  try {
    answer = { problem: quickCheck(sqlite) };
  } finally {
    sqlite.close();
  }
} catch (err) {
  answer = { error: err instanceof Error ? err.message : String(err) };
} finally {
  keyBytes.fill(0);
}
parentPort?.postMessage(answer);
