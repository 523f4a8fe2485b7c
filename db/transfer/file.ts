import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { lastLogRow } from '../access-log';
import { closeConnection, createKysely, migrate, openEncrypted } from '../database';
import type { Database } from '../schema';
import { copyDatabase, type CopyReport } from './copy';
import { exportSource } from './sources';

/**
 * The server's database into a new encrypted file (the server backup): read as an administrator through the export
 * functions, in one repeatable-read transaction (one consistent moment, as pg_dump does), written into a freshly
 * migrated file under `key`, counts and chain checked before the file's transaction commits. The file is removed
 * when anything fails.
 */
export async function copyServerToFile(server: Kysely<Database>, file: string, key: Buffer): Promise<CopyReport> {
  if (fs.existsSync(file)) throw new Error('Backup target exists already');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = openEncrypted(file, key, { create: true });
  const target = createKysely(sqlite);
  try {
    await migrate(sqlite, target);
    const report = await server
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (read) => {
        const head = await lastLogRow(read);
        return target.transaction().execute(async (write) => {
          const copied = await copyDatabase(exportSource(read), write, head, {
            // The copy's search index is rebuilt wherever it is restored.
            settings: (rows) => rows.map((r) => (r.key === 'searchIndexVersion' ? { ...r, value: '0' } : r)),
          });
          if (!copied.ok) throw new Error(copied.problem ?? 'The copy failed its check');
          return copied;
        });
      });
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(target);
    return report;
  } catch (err) {
    closeConnection(sqlite);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    throw err;
  } finally {
    if (sqlite.open) closeConnection(sqlite);
  }
}
