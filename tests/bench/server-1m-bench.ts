/**
 * The institution's server at the benchmark's full size (≈1,000,000 notes): the 1M data set is moved onto a fresh
 * PostgreSQL database through the administrator's own channel (move:run, as an institution would), then the same
 * calls are timed through the same backend on both engines — with one workstation, and with three more workstations
 * (each its own process and backend, tests/crash/server-writer.ts) signing notes without pause.
 *
 * PostgreSQL here is the embedded server on this machine started `durable` (fsync and synchronous commit on, as on a
 * real server; 1 GB shared buffers), over TLS with SCRAM: no network between workstation and server, so a real
 * institution adds its LAN round trip (≈0.2–0.5 ms) to every statement.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChannelName } from '../../common/channels';
import { DB_FILE_NAME } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import type { ServerConfig } from '../../db/postgres/connect';
import { writeWorkstation } from '../../db/workstation';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, must, newBackend, tempDir } from '../helpers';
import { prepareInstitution, startPostgres } from '../pg';
import { dataset } from './dataset';
import { measure, type Row } from './run';

const SEARCHES = ['søvn', 'æblegrød', 'mormor aftale', 'vaccination feber', 'øjenkontakt smil'];

interface Targets {
  readFamily: number;
  writeFamily: number;
  categoryId: number;
}

async function sameWork(backend: BackendCore, engine: string, t: Targets, n: number, offset: number): Promise<Row[]> {
  const ops: Array<[string, ChannelName, (i: number) => unknown]> = [
    ['timeline page (50)', 'journal:timeline', () => ({ familyId: t.readFamily })],
    ['timeline page, text search', 'journal:timeline', (i) => ({ familyId: t.readFamily, query: SEARCHES[i % SEARCHES.length] })],
    ['search across all families (Danish stemming)', 'journal:search', (i) => ({ query: SEARCHES[i % SEARCHES.length] })],
    ['family overview', 'families:get', () => ({ familyId: t.readFamily })],
    ['institution front page', 'overview:front', () => ({})],
  ];
  const rows: Row[] = [
    await measure(`${engine}: save one note (journal:sign)`, n, (i) =>
      must(backend, 'journal:sign', {
        familyId: t.writeFamily,
        observedAt: new Date().toISOString(),
        shift: 'day',
        categoryId: t.categoryId,
        personIds: [],
        text: `Benchmarknotat nummer ${offset + i}, skrevet af benchmarken.`,
        concern: 'none',
      }),
    ),
  ];
  for (const [name, channel, input] of ops) rows.push(await measure(`${engine}: ${name}`, n, (i) => must(backend, channel, input(i) as never)));
  return rows;
}

/** Three other workstations signing without pause; resolves when each has logged in. */
async function otherWorkstations(config: ServerConfig, count: number): Promise<{ children: ChildProcess[]; acks: () => number }> {
  let acks = 0;
  const children: ChildProcess[] = [];
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const dataDir = tempDir('familiespor-bench-ws-');
    writeWorkstation(dataDir, { server: config });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'crash', 'server-writer.ts'), dataDir, `bench${i}`, 'sign'], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    children.push(child);
    ready.push(
      new Promise((resolve, reject) => {
        let buffer = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8');
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            if (line === 'READY') resolve();
            else if (line.startsWith('ACK ')) acks++;
          }
        });
        child.once('exit', (code) => reject(new Error(`a workstation stopped (${code})`)));
      }),
    );
  }
  await Promise.all(ready);
  return { children, acks: () => acks };
}

export async function serverMillionBenchmark(log: (m: string) => void = console.log): Promise<{ rows: Row[]; facts: string[] }> {
  const ds = await dataset({ log });
  const facts: string[] = [];
  const rows: Row[] = [];
  const n = Number(process.env.FAMILIESPOR_BENCH_SERVER_N) || 200;
  const workDir = path.join(ds.dir, 'server-work', 'data');
  fs.rmSync(path.dirname(workDir), { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(path.join(ds.dataDir, DB_FILE_NAME), path.join(workDir, DB_FILE_NAME));
  fs.copyFileSync(path.join(ds.dataDir, KEYFILE_NAME), path.join(workDir, KEYFILE_NAME));
  const source = newBackend({ dataDir: workDir, maintenanceMs: 3_600_000 });
  const postgres = await startPostgres({ durable: true });
  const started: ChildProcess[] = [];
  try {
    await must(source, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const sqlite = source.unlocked()?.sqlite;
    if (!sqlite) throw new Error('not logged in');
    const readFamily = sqlite
      .prepare("select f.id from families f where f.end_date is null order by (select count(*) from observations o where o.family_id = f.id and o.status = 'signed') desc, f.id limit 1")
      .pluck()
      .get() as number;
    const writeFamily = (sqlite.prepare('select id from families where end_date is null and id <> ? order by id desc limit 1').pluck().get(readFamily) as number | undefined) ?? readFamily;
    const categoryId = (await must(source, 'journal:categories', {}))[0]?.id ?? 1;
    const targets = { readFamily, writeFamily, categoryId };
    const notes = Number(sqlite.prepare("select count(*) from observations where status = 'signed'").pluck().get());
    facts.push(`${notes.toLocaleString('da-DK')} signed notes; reads use the open family with the most notes, saves go to another open family`);
    rows.push(...(await sameWork(source, 'SQLite file', targets, n, 0)));

    const { config, ownerPassword } = await prepareInstitution(postgres, 'familiespor_bench', { firstAdmin: ADMIN, institutionName: 'Familiehuset Benchmark' });
    log('  moving the data set onto the server (move:run) …');
    const t0 = performance.now();
    const moved = await must(source, 'move:run', { server: config, ownerPassword });
    const observations = moved.tables.find((t) => t.table === 'observations');
    facts.push(
      `moving the workstation's file onto the server (move:run: every table, counts compared, the access log's chain of ${moved.chain.checked.toLocaleString('da-DK')} rows verified, the search index built): ${((performance.now() - t0) / 1000).toFixed(0)} s; observations ${observations?.source.toLocaleString('da-DK')} → ${observations?.target.toLocaleString('da-DK')}`,
    );
    await source.close();

    const dataDir = tempDir('familiespor-bench-ws-');
    writeWorkstation(dataDir, { server: config });
    const workstation = newBackend({ dataDir, maintenanceMs: 3_600_000 });
    const oneTime = moved.passwords.find((p) => p.loginName === ADMIN.loginName)?.password ?? '';
    await must(workstation, 'session:login', { loginName: ADMIN.loginName, password: oneTime });
    // The other workstations log in with the benchmark's password (tests/crash/server-writer.ts).
    await must(workstation, 'session:changePassword', { currentPassword: oneTime, newPassword: ADMIN.password });
    rows.push(...(await sameWork(workstation, 'PostgreSQL, 1 workstation', targets, n, 10_000)));

    const others = await otherWorkstations(config, 3);
    started.push(...others.children);
    const before = others.acks();
    const t1 = performance.now();
    rows.push(...(await sameWork(workstation, 'PostgreSQL, 4 workstations writing', targets, n, 20_000)));
    const seconds = (performance.now() - t1) / 1000;
    facts.push(`while measuring with 4 workstations, the 3 others signed ${(others.acks() - before).toLocaleString('da-DK')} notes in ${seconds.toFixed(0)} s (${((others.acks() - before) / seconds).toFixed(0)} notes/s together)`);
    for (const child of started) child.kill('SIGKILL');
    await workstation.close();
  } finally {
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
    await source.close().catch(() => undefined);
    await postgres.stop();
    fs.rmSync(path.dirname(workDir), { recursive: true, force: true });
  }
  return { rows, facts };
}

if (process.argv[1] && /server-1m-bench\.ts$/.test(process.argv[1])) {
  void (async () => {
    const { printTable } = await import('./run');
    const { rows, facts } = await serverMillionBenchmark();
    for (const f of facts) console.log(`- ${f}`);
    printTable('Both engines at the full data set, the same calls through the same backend', rows);
  })().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
