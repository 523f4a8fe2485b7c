/**
 * `npm run bench`: figures, not assertions. Measures through the real backend on real encrypted files.
 * Prints a table of p50/p99 per operation.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SCRYPT_N } from '../../db/crypto';
import { ADMIN, must, setUp } from '../helpers';

export interface Row {
  operation: string;
  n: number;
  p50: number;
  p99: number;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measure(operation: string, n: number, fn: (i: number) => Promise<unknown> | unknown, note?: string): Promise<Row> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(n + i); // warm-up: the page cache holds the hot pages, as in a working day
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { operation, n, p50: percentile(times, 50), p99: percentile(times, 99), note };
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log('| operation | n | p50 ms | p99 ms | note |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.operation} | ${r.n} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.note ?? ''} |`);
}

async function foundation(): Promise<Row[]> {
  const { backend } = await setUp({ scryptN: DEFAULT_SCRYPT_N });
  const rows: Row[] = [];
  rows.push(await measure('channel round trip (settings:get)', 2000, () => must(backend, 'settings:get', {})));
  rows.push(await measure('access log page (100 rows)', 500, () => must(backend, 'accessLog:list', { limit: 100 })));
  rows.push(
    await measure(
      'login + logout (scrypt N=2^17, unwrap, open, prove key)',
      10,
      async () => {
        await must(backend, 'session:logout', {});
        await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      },
      'deliberately slow: the password KDF',
    ),
  );
  await backend.close();
  return rows;
}

async function main(): Promise<void> {
  printTable('Foundation (encrypted database, real backend)', await foundation());
  const { plansBenchmark } = await import('./plans-bench');
  printTable('Netværk and Udslusningsplan: what the tabs load (40 network persons; 30 steps in 10 versions)', await plansBenchmark());
  const { serverBenchmark } = await import('./server-bench');
  const server = await serverBenchmark();
  printTable('Both engines, the same calls (2,000 notes in one family)', server.rows);
  console.log(`\nAnother workstation hears of a new note (sign → data:changed event): p50 ${server.notifyMs.p50.toFixed(1)} ms, p99 ${server.notifyMs.p99.toFixed(1)} ms`);
  if (process.env.FAMILIESPOR_BENCH_QUICK) return;
  const { journalBenchmark } = await import('./journal-bench');
  console.log('\nDaily log at 10 years of data (≈400 families, ≈1,000,000 entries) …');
  const { rows, ratios, ciphers, facts } = await journalBenchmark();
  for (const f of facts) console.log(`- ${f}`);
  printTable('Through the real backend (dispatch: validation, handler, access log, output check), encrypted', rows);
  const { serverMillionBenchmark } = await import('./server-1m-bench');
  console.log('\nThe institution\'s server at the full data set (the 1M-entry set moved onto PostgreSQL with move:run) …');
  const million = await serverMillionBenchmark();
  for (const f of million.facts) console.log(`- ${f}`);
  printTable('Both engines at ≈1,000,000 entries, the same calls through the same backend (PostgreSQL durable: fsync on)', million.rows);
  const { backupBenchmarkInChild } = await import('./backup-bench');
  console.log('\nData safety at 1M entries (a process of its own):');
  for (const f of await backupBenchmarkInChild()) console.log(`- ${f}`);
  console.log('\nThe same SQL statements (captured from the handlers, replayed as prepared statements): encrypted vs plain copy, p50 ms, 20 finely interleaved rounds (saves: 10)');
  console.log('| operation | encrypted | plain | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const r of ratios) console.log(`| ${r.operation} | ${r.encrypted.toFixed(3)} | ${r.plain.toFixed(3)} | ${r.ratio.toFixed(2)} |`);
  if (ciphers) {
    const plain = ciphers.find((c) => c.cipher === 'plain')!;
    console.log('\nCiphers: the same statements on copies of the same pages, p50 ms (ratio to plain)');
    console.log(`| operation | ${ciphers.map((c) => c.cipher).join(' | ')} |`);
    console.log(`|---|${ciphers.map(() => '---:').join('|')}|`);
    for (const op of Object.keys(plain.ops)) {
      console.log(`| ${op} | ${ciphers.map((c) => `${c.ops[op]!.toFixed(3)} (${(c.ops[op]! / plain.ops[op]!).toFixed(2)})`).join(' | ')} |`);
    }
    console.log(`| save p99 | ${ciphers.map((c) => c.saveP99.toFixed(3)).join(' | ')} |`);
    console.log(`| open + prove key (key derivation) | ${ciphers.map((c) => c.open.toFixed(1)).join(' | ')} |`);
    console.log(`| cold read of the entries table | ${ciphers.map((c) => `${c.coldScan.toFixed(0)} (${(c.coldScan / plain.coldScan).toFixed(2)})`).join(' | ')} |`);
    console.log(`| file size MiB | ${ciphers.map((c) => c.fileMiB.toFixed(0)).join(' | ')} |`);
  }
}

if (process.argv[1] && /bench[\\/]run\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
