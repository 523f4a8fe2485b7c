import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DB_FILE_NAME } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import { ADMIN, must, newBackend } from '../helpers';
import { dataset } from './dataset';

/**
 * Data safety at 1M entries: the first login after a start (it runs `quick_check`), a working day's reads, a backup now
 * (copy and verify), its size, and the process's resident memory at the end. Run in a process of its own
 * (`backupBenchmarkInChild`), so the memory figure is the app's, not the other benchmarks' connections.
 */
export async function backupBenchmark(options: { log?: (m: string) => void } = {}): Promise<string[]> {
  const ds = await dataset({ log: options.log });
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
    // A working day's reads: every family's overview and timeline, and searches across all families.
    for (const f of await must(backend, 'families:list', { includeClosed: true })) {
      await must(backend, 'families:get', { familyId: f.id });
      await must(backend, 'journal:timeline', { familyId: f.id });
    }
    for (const query of ['søvn', 'æblegrød', 'mormor aftale']) await must(backend, 'journal:search', { query });
    t = performance.now();
    const entry = await must(backend, 'backups:create', {});
    facts.push(`backup now (VACUUM INTO, then opened, quick_check and row counts): ${((performance.now() - t) / 1000).toFixed(1)} s, ${((entry.bytes ?? 0) / 1024 / 1024).toFixed(0)} MiB (the live file: ${(fs.statSync(path.join(workDir, DB_FILE_NAME)).size / 1024 / 1024).toFixed(0)} MiB)`);
    facts.push(`resident memory (RSS) of the app's process after login, every family's overview and timeline, searches and a backup: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB (page cache up to 256 MiB on the live connection, 16 MiB on the backup's check)`);
  } finally {
    await backend.close();
    fs.rmSync(path.join(ds.dir, 'backup-work'), { recursive: true, force: true });
  }
  return facts;
}

/** The same in a fresh process: `node --import tsx tests/bench/backup-bench.ts` prints the facts as JSON. */
export async function backupBenchmarkInChild(): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const line = out.trim().split('\n').pop() ?? '[]';
  return JSON.parse(line) as string[];
}

if (process.argv.includes('--child')) {
  backupBenchmark({ log: () => undefined }).then(
    (facts) => process.stdout.write(`${JSON.stringify(facts)}\n`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
