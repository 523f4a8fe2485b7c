import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DB_FILE_NAME } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import { ADMIN, must, newBackend } from '../helpers';
import { dataset } from './dataset';

/**
 * Data safety at 1M entries: the first login after a start (it runs `quick_check`), a backup now (copy and verify),
 * its size, and the process's resident memory at the end.
 */
export async function backupBenchmark(): Promise<string[]> {
  const ds = await dataset();
  const workDir = path.join(ds.dir, 'backup-work', 'data');
  fs.rmSync(path.join(ds.dir, 'backup-work'), { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(path.join(ds.dataDir, DB_FILE_NAME), path.join(workDir, DB_FILE_NAME));
  fs.copyFileSync(path.join(ds.dataDir, KEYFILE_NAME), path.join(workDir, KEYFILE_NAME));
  const backend = newBackend({ dataDir: workDir });
  const facts: string[] = [];
  try {
    let t = performance.now();
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    facts.push(`first login after a start (key derivation, open, quick_check): ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const entry = await must(backend, 'backups:create', {});
    facts.push(`backup now (VACUUM INTO, then opened, quick_check and row counts): ${((performance.now() - t) / 1000).toFixed(1)} s, ${((entry.bytes ?? 0) / 1024 / 1024).toFixed(0)} MiB (the live file: ${(fs.statSync(path.join(workDir, DB_FILE_NAME)).size / 1024 / 1024).toFixed(0)} MiB)`);
    facts.push(`resident memory (RSS) of the process at the end: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB (page cache up to 256 MiB per connection)`);
  } finally {
    await backend.close();
    fs.rmSync(path.join(ds.dir, 'backup-work'), { recursive: true, force: true });
  }
  return facts;
}
