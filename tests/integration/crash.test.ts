import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, must, newBackend, tempDir } from '../helpers';

/** Kills of the writer per test run (more with FAMILIESPOR_CRASH_KILLS, e.g. in a longer benchmark run). */
const KILLS = Number(process.env.FAMILIESPOR_CRASH_KILLS) || 50;
const root = path.resolve(__dirname, '..', '..');

/** Starts the writer, lets it write for a random while after it is ready, then kills it with SIGKILL. */
function runAndKill(dataDir: string, run: number, acked: string[], drafts: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/writer.ts', dataDir, String(run)], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.run.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 250));
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
        else if (line.startsWith('DRAFT ')) drafts.push(line.slice(6));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended with ${code}: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`kill -9 during writes, ${KILLS} times: every acknowledged write is there once, the last draft survives, integrity_check is ok`, async () => {
    const dataDir = tempDir();
    const acked: string[] = [];
    const drafts: string[] = [];
    for (let run = 0; run < KILLS; run++) await runAndKill(dataDir, run, acked, drafts);
    expect(acked.length).toBeGreaterThan(KILLS);

    const backend = newBackend({ dataDir });
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const sqlite = backend.unlocked()!.sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const texts = sqlite.prepare("select text from observations where status = 'signed'").pluck().all() as string[];
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    const lost = acked.filter((t) => !counts.has(t));
    const duplicated = [...counts].filter(([, n]) => n > 1);
    expect({ lost, duplicated }).toEqual({ lost: [], duplicated: [] });
    // The search index agrees with the rows.
    const indexed = Number(sqlite.prepare('select count(*) from observation_search').pluck().get());
    expect(indexed).toBe(texts.length);
    // Drafts: the newest acknowledged draft text of the last run that saved one is there.
    const lastDraft = drafts[drafts.length - 1];
    if (lastDraft) {
      const draftTexts = sqlite.prepare("select text from observations where status = 'draft'").pluck().all() as string[];
      const run = lastDraft.split('-')[1];
      expect(draftTexts.some((t) => t.startsWith(`kladde-${run}-`) && Number(t.split('-')[2]) >= Number(lastDraft.split('-')[2]))).toBe(true);
    }
    console.log(`crash safety: ${KILLS} kills, ${acked.length} acknowledged writes checked, ${drafts.length} draft saves`);
    await backend.close();
  }, 600_000);
});
