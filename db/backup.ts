import fs from 'node:fs';
import path from 'node:path';
import { closeConnection, openEncrypted, schemaVersion, type Sqlite } from './database';

/**
 * Copies of the encrypted database. Chosen: `VACUUM INTO` from the open, keyed connection — SQLite writes a compact,
 * consistent copy (including what is still in the WAL) encrypted with the same key and cipher; measured against a
 * checkpointed file copy in `npm run bench` (README, "Backups"). The driver's `backup()` does not work across keys.
 */
export function copyDatabase(sqlite: Sqlite, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) throw new Error('Backup target exists already');
  // VACUUM gives the copy's pages a cache as large as the live connection's (256 MiB): memory the process would keep
  // for good. A small cache for the copy's run, the usual one again afterwards (hot pages are read back as needed).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -16384');
  try {
    sqlite.prepare('vacuum into ?').run(target);
  } finally {
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  }
}

/** Table row counts, to compare a copy with its source (the full-text index's shadow tables left out). */
export function rowCounts(sqlite: Sqlite): Record<string, number> {
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'observation_search%' order by name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, Number(sqlite.prepare(`select count(*) from "${t}"`).pluck().get())]));
}

export interface CopyCheck {
  ok: boolean;
  /** 'ok', or SQLite's first complaint; 'wrong key' when the key does not open it. */
  problem: string | null;
  schemaVersion: number | null;
  counts: Record<string, number>;
}

/** Opens a copy read-only with the key and proves it: `quick_check`, its schema version and row counts. */
export function checkCopy(file: string, key: Buffer): CopyCheck {
  let copy: Sqlite | null = null;
  try {
    copy = openEncrypted(file, key, { readonly: true });
    const result = String(copy.pragma('quick_check', { simple: true }));
    return { ok: result === 'ok', problem: result === 'ok' ? null : result, schemaVersion: schemaVersion(copy), counts: rowCounts(copy) };
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err), schemaVersion: null, counts: {} };
  } finally {
    if (copy) closeConnection(copy);
  }
}
