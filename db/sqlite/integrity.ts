import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * `quick_check` off the login path: in a worker thread with its own read-only connection, opened with a copy of the
 * key passed in memory (overwritten there once the database is open). Resolves to whether it is sound, SQLite's first
 * complaint, or that the thread could not run the check (which says nothing about the database). The packaged app runs the bundled worker beside the main bundle (scripts/build.mjs);
 * from source (tests, the benchmark) the TypeScript file through tsx.
 */
export type IntegrityResult = { status: 'ok' } | { status: 'damaged'; problem: string } | { status: 'not_run'; reason: string };

export function quickCheckInWorker(file: string, key: Buffer): Promise<IntegrityResult> {
  const bundled = path.join(__dirname, 'quick-check-worker.js');
  const copy = new Uint8Array(key);
  const worker = fs.existsSync(bundled)
    ? new Worker(bundled, { workerData: { file, key: copy }, transferList: [copy.buffer] })
    : new Worker(path.join(__dirname, 'quick-check-worker.ts'), {
        workerData: { file, key: copy },
        transferList: [copy.buffer],
        execArgv: ['--import', 'tsx'],
        // The same settings as `npm run bench` (tsx would otherwise resolve the driver to its type declarations).
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(__dirname, '..', '..', 'tsconfig.run.json') },
      });
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: IntegrityResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    worker.once('message', (message: { problem: string | null } | { error: string }) =>
      done('error' in message ? { status: 'not_run', reason: message.error } : message.problem === null ? { status: 'ok' } : { status: 'damaged', problem: message.problem }),
    );
    worker.once('error', (err) => done({ status: 'not_run', reason: err.message }));
    worker.once('exit', (code) => done({ status: 'not_run', reason: `the thread ended (${code}) without an answer` }));
  });
}
