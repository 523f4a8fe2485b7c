import { performance } from 'node:perf_hooks';
import type { BackendCore } from '../../main/core/backend';
import { writeWorkstation } from '../../db/workstation';
import { ADMIN, must, newBackend, setUp, tempDir } from '../helpers';
import { prepareInstitution, startPostgres } from '../pg';
import { measure, percentile, type Row } from './run';

const SEED_NOTES = 2000;

const note = (familyId: number, categoryId: number, i: number) => ({
  familyId,
  observedAt: new Date(Date.now() - 60_000 - i * 1000).toISOString(),
  shift: 'day' as const,
  categoryId,
  personIds: [],
  text: `Mor ammede roligt kl. ${i % 24}, barnet sov bagefter; jordemoderen kom forbi. Notat ${i}.`,
  concern: 'none' as const,
});

async function sameWork(backend: BackendCore, engine: string): Promise<Row[]> {
  const categoryId = (await must(backend, 'journal:categories', {}))[0]?.id ?? 0;
  const family = await must(backend, 'families:create', { displayName: 'Familien Måling', startDate: '2026-06-01', persons: [{ kind: 'mother', name: 'Mor Måling' }] });
  for (let i = 0; i < SEED_NOTES; i++) await must(backend, 'journal:sign', note(family.id, categoryId, i));
  return [
    await measure(`${engine}: save one note (journal:sign)`, 300, (i) => must(backend, 'journal:sign', note(family.id, categoryId, SEED_NOTES + i))),
    await measure(`${engine}: timeline page (50)`, 300, () => must(backend, 'journal:timeline', { familyId: family.id })),
    await measure(`${engine}: search across families`, 300, () => must(backend, 'journal:search', { query: 'jordemor' })),
    await measure(`${engine}: family overview`, 300, () => must(backend, 'families:get', { familyId: family.id })),
  ];
}

/**
 * The institution's server beside this computer's file: the same calls through the same backend on both engines
 * (a small data set: 2,000 notes in one family; the 1M-note figures are the SQLite run above), and how long another
 * workstation waits to hear of a new note (LISTEN/NOTIFY). PostgreSQL is the embedded test server on this machine
 * (TLS, SCRAM, fsync off as in the tests — a real server with fsync on pays its disk's flush on each save).
 */
export async function serverBenchmark(): Promise<{ rows: Row[]; notifyMs: { p50: number; p99: number } }> {
  const rows: Row[] = [];
  const local = await setUp();
  rows.push(...(await sameWork(local.backend, 'SQLite file')));
  await local.backend.close();

  const postgres = await startPostgres();
  try {
    const { config } = await prepareInstitution(postgres, 'bench', { firstAdmin: ADMIN });
    const workstation = () => {
      const dataDir = tempDir();
      writeWorkstation(dataDir, { server: config });
      return newBackend({ dataDir });
    };
    const first = workstation();
    const second = workstation();
    await must(first, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(second, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    rows.push(...(await sameWork(first, 'PostgreSQL server')));

    const family = (await must(first, 'families:list', {}))[0];
    const categoryId = (await must(first, 'journal:categories', {}))[0]?.id ?? 0;
    const waits: number[] = [];
    for (let i = 0; i < 100; i++) {
      const heard = new Promise<number>((resolve) => {
        const off = second.subscribe((event) => {
          if (event !== 'data:changed') return;
          off();
          resolve(performance.now());
        });
      });
      const started = performance.now();
      await must(first, 'journal:sign', note(family?.id ?? 0, categoryId, 10_000 + i));
      waits.push((await heard) - started);
    }
    waits.sort((a, b) => a - b);
    await first.close();
    await second.close();
    return { rows, notifyMs: { p50: percentile(waits, 50), p99: percentile(waits, 99) } };
  } finally {
    await postgres.stop();
  }
}
