import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkstation } from '../../../db/workstation';
import { LOCAL_DRAFTS_DIR } from '../../../main/server/local-drafts';
import { prepareInstitution, startPostgres, type TestPostgres } from '../../pg';
import { ADMIN, attempt, must, newBackend, noteInput, tempDir } from '../../helpers';

/**
 * Crashes and restarts on the institution's server: a workstation killed with SIGKILL in the middle of its writes,
 * and the server shut down and started again under a stream of writes. Every acknowledged write must be there, once;
 * a draft kept on the workstation must come back at the next login. Its own PostgreSQL server, as offline.test.ts.
 */
const root = path.resolve(__dirname, '..', '..', '..');
const KILLS = Number(process.env.FAMILIESPOR_SERVER_CRASH_KILLS) || 8;
let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server.stop();
});

async function institution() {
  const { config } = await prepareInstitution(server, `c_${randomBytes(6).toString('hex')}`, { firstAdmin: ADMIN, institutionName: 'Familiehuset Nedbrud' });
  const dataDir = tempDir();
  writeWorkstation(dataDir, { server: config });
  const backend = newBackend({ dataDir });
  await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  const family = await must(backend, 'families:create', { displayName: 'Familien Nedbrud', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor' }] });
  const categoryId = (await must(backend, 'journal:categories', {}))[0]?.id ?? 0;
  await backend.close();
  return { config, dataDir, familyId: family.id, categoryId };
}

async function rows(database: string, statement: string): Promise<Array<Record<string, unknown>>> {
  const su = server.superuser(database);
  await su.connect();
  try {
    return (await su.query(statement)).rows as Array<Record<string, unknown>>;
  } finally {
    await su.end();
  }
}

/** Runs the writer; `onLine` decides when to kill it (it gets the child). Resolves when it died by SIGKILL. */
function runWriter(dataDir: string, run: number, mode: 'sign' | 'draft', onLine: (line: string, kill: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/server-writer.ts', dataDir, String(run), mode], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.run.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine(line, kill);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended with ${code}: ${stderr}`))));
  });
}

describe('crashes and restarts on the server', () => {
  it(`kill -9 of a workstation during writes, ${KILLS} times: every acknowledged note is on the server once`, async () => {
    const { config, dataDir } = await institution();
    const acked: string[] = [];
    for (let run = 0; run < KILLS; run++) {
      await runWriter(dataDir, run, 'sign', (line, kill) => {
        if (line === 'READY') setTimeout(kill, 50 + Math.floor(Math.random() * 400));
        else if (line.startsWith('ACK ')) acked.push(line.slice(4));
      });
    }
    expect(acked.length).toBeGreaterThan(KILLS);
    const texts = (await rows(config.database, "select text from observations where status = 'signed'")).map((r) => String(r.text));
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect({ lost: acked.filter((t) => !counts.has(t)), duplicated: [...counts].filter(([, n]) => n > 1) }).toEqual({ lost: [], duplicated: [] });
    // The access log's chain holds across the killed sessions.
    const backend = newBackend({ dataDir });
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect(await must(backend, 'accessLog:verify', {})).toMatchObject({ ok: true });
    await backend.close();
  }, 180_000);

  it('kill -9 of a workstation that kept a draft while the server was away: the draft is restored at the next login', async () => {
    const { dataDir } = await institution();
    let lastLocal: string | null = null;
    let halted: Promise<void> | null = null;
    const writing = runWriter(dataDir, 0, 'draft', (line, kill) => {
      if (line === 'READY') halted = server.halt();
      const [, text, where] = line.split(' ');
      if (line.startsWith('DRAFT ') && where === 'local' && text) {
        lastLocal = text;
        // A few saves kept here, then the workstation dies mid-stream.
        if (Number(text.split('-').pop()) > 0 && lastLocal) setTimeout(kill, Math.floor(Math.random() * 30));
      }
    });
    try {
      await writing;
    } finally {
      await halted;
    }
    expect(lastLocal).not.toBeNull();
    await server.resume();
    expect(fs.readdirSync(path.join(dataDir, LOCAL_DRAFTS_DIR)).filter((f) => f.endsWith('.kladder'))).toHaveLength(1);
    const backend = newBackend({ dataDir });
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const drafts = (await must(backend, 'journal:drafts', {})).map((d) => d.text);
    // The newest acknowledged text, or one saved after it that was written before the kill: never an older one.
    const newest = Number(String(lastLocal).split('-').pop());
    expect(drafts).toHaveLength(1);
    expect(Number(drafts[0]?.split('-').pop())).toBeGreaterThanOrEqual(newest);
    expect(fs.readdirSync(path.join(dataDir, LOCAL_DRAFTS_DIR)).filter((f) => f.endsWith('.kladder'))).toEqual([]);
    await backend.close();
  }, 120_000);

  it('the server restarted during a stream of writes: every acknowledged note is there once; refused ones are retried', async () => {
    const { config, dataDir, familyId, categoryId } = await institution();
    const backend = newBackend({ dataDir });
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const acked: string[] = [];
    let refusals = 0;
    let running = true;
    // The screen's way: a draft first (its id makes a repeated sign safe), then sign; a refusal is tried again.
    const writer = (async () => {
      for (let i = 0; running || i < 5; i++) {
        const text = `strøm-${i}`;
        let draftId: number | undefined;
        for (;;) {
          const result = await attempt(backend, 'journal:saveDraft', { ...noteInput(familyId, categoryId, text), draftId });
          if (result.ok) draftId = result.value.id;
          if (draftId !== undefined && draftId > 0) {
            const signed = await attempt(backend, 'journal:sign', { ...noteInput(familyId, categoryId, text), draftId });
            if (signed.ok) break;
            expect(signed.error.code).toBe('server_unavailable');
          } else if (!result.ok) expect(result.error.code).toBe('server_unavailable');
          refusals++;
          await new Promise((r) => setTimeout(r, 100));
        }
        acked.push(text);
      }
    })();
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 300));
    await server.halt();
    await new Promise((r) => setTimeout(r, 500));
    await server.resume();
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await writer;
    expect(refusals).toBeGreaterThan(0);
    const texts = (await rows(config.database, "select text, status from observations where text like 'strøm-%'")).map((r) => `${String(r.status)}:${String(r.text)}`);
    const signed = texts.filter((t) => t.startsWith('signed:')).map((t) => t.slice(7));
    const counts = new Map<string, number>();
    for (const t of signed) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect({ lost: acked.filter((t) => !counts.has(t)), duplicated: [...counts].filter(([, n]) => n > 1) }).toEqual({ lost: [], duplicated: [] });
    expect(await must(backend, 'accessLog:verify', {})).toMatchObject({ ok: true });
    await backend.close();
  }, 120_000);
});
