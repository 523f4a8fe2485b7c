import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted, quickCheck } from '../database';

/**
 * The integrity check's own thread: opens the database read-only with the key it was handed in memory (never written
 * anywhere), runs `quick_check`, overwrites the key and reports SQLite's first complaint, or null when sound.
 */
const { file, key } = workerData as { file: string; key: Uint8Array };
const keyBytes = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
let problem: string | null;
try {
  const sqlite = openEncrypted(file, keyBytes, { readonly: true });
  keyBytes.fill(0);
  try {
    problem = quickCheck(sqlite);
  } finally {
    sqlite.close();
  }
} catch (err) {
  problem = err instanceof Error ? err.message : String(err);
} finally {
  keyBytes.fill(0);
}
parentPort?.postMessage({ problem });
