/**
 * Issue 3's benchmark: the daily log at 10 years of data, through the real backend on the encrypted file, and the
 * same handler queries on the encrypted connection and on a plain (unencrypted) copy, with the ratio per operation.
 */
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { channels, type ChannelName, type SessionUser } from '../../common/channels';
import { createKysely, CIPHER, DB_FILE_NAME, migrate, type Sqlite } from '../../db/database';
import type { Handler } from '../../main/registry';
import { familyHandlers } from '../../main/services/families';
import { logHandlers } from '../../main/services/log';
import { overviewHandlers } from '../../main/services/overview';
import { ADMIN, must, newBackend } from '../helpers';
import { dataset } from './dataset';
import { measure, type Row } from './run';

const handlers = { ...familyHandlers, ...logHandlers, ...overviewHandlers } as Record<string, Handler<ChannelName>>;

function tune(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -262144');
}

/** A plain copy of the encrypted data set, made once: same schema (migrations), same rows. */
async function plainCopy(encrypted: Sqlite, dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'plain-copy.db');
  if (fs.existsSync(file)) return file;
  const plain = new SqliteDatabase(`${file}.tmp`);
  tune(plain);
  await migrate(plain, createKysely(plain), Buffer.alloc(32), dataDir);
  plain.prepare('delete from log_categories').run();
  plain.close();
  encrypted.prepare("attach database ? as plain key ''").run(`${file}.tmp`);
  encrypted.pragma('foreign_keys = OFF');
  const tables = [
    'users', 'settings', 'secrets', 'families', 'family_phases', 'persons', 'team_members', 'coordinator_periods', 'log_categories',
    'observations', 'observation_persons', 'observation_amendments', 'concern_acknowledgements', 'access_log',
  ];
  encrypted.transaction(() => {
    for (const t of tables) encrypted.exec(`insert into plain.${t} select * from main.${t}`);
    encrypted.exec('insert into plain.observation_search (rowid, body, family) select rowid, body, family from main.observation_search');
  })();
  encrypted.exec('analyze plain');
  encrypted.exec('detach database plain');
  encrypted.pragma('foreign_keys = ON');
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

export async function logBenchmark(log: (m: string) => void = console.log): Promise<{ rows: Row[]; ratios: Array<{ operation: string; encrypted: number; plain: number; ratio: number }>; facts: string[] }> {
  const ds = await dataset({ log });
  const facts: string[] = [];
  if (ds.generatedSeconds !== null) facts.push(`data set generated in ${ds.generatedSeconds.toFixed(0)} s`);
  facts.push(`data folder: ${ds.dataDir}`);
  facts.push(`encrypted database: ${(fs.statSync(path.join(ds.dataDir, DB_FILE_NAME)).size / 1024 / 1024).toFixed(0)} MiB, cipher ${CIPHER}`);

  const backend = newBackend({ dataDir: ds.dataDir });
  const user = await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  const encrypted = backend.unlocked()!.sqlite;
  const plainFile = await plainCopy(encrypted, ds.dataDir);
  const plainBytes = fs.readFileSync(plainFile).subarray(0, 16).toString('latin1');
  const encBytes = fs.readFileSync(path.join(ds.dataDir, DB_FILE_NAME)).subarray(0, 16).toString('latin1');
  facts.push(`plain copy starts with "SQLite format 3": ${plainBytes.startsWith('SQLite format 3')}; encrypted file does: ${encBytes.startsWith('SQLite format 3')}`);
  const plain = new SqliteDatabase(plainFile);
  tune(plain);
  const plainDb = createKysely(plain);
  const encDb = backend.unlocked()!.db;

  // Reads use the newest active family (2,500 entries, as every generated family has); saves go to the oldest
  // active family, so no run's saves ever reach the rows the reads compare.
  const family = encrypted
    .prepare("select f.id, (select count(*) from observations o where o.family_id = f.id and o.status = 'signed') n from families f where f.end_date is null order by f.id desc limit 1")
    .get() as { id: number; n: number };
  const person = encrypted.prepare("select id from persons where family_id = ? and kind = 'mother'").get(family.id) as { id: number };
  // Saves go to another active family, with words no search uses, so the read measurements see the same rows in
  // the encrypted database and in its plain copy (run after run).
  const writeFamily = encrypted.prepare('select f.id from families f where f.end_date is null order by f.id limit 1').get() as { id: number };
  const writePerson = encrypted.prepare('select id from persons where family_id = ? limit 1').get(writeFamily.id) as { id: number };
  facts.push(`families: ${(encrypted.prepare('select count(*) n from families').get() as { n: number }).n}, signed entries: ${(encrypted.prepare("select count(*) n from observations where status = 'signed'").get() as { n: number }).n.toLocaleString('da-DK')}; the family the reads use has ${family.n} entries`);

  const searches = ['søvn', 'æblegrød', 'mormor aftale', 'vaccination feber', 'øjenkontakt smil'];
  const ops: Array<{ name: string; channel: ChannelName; input: (i: number) => unknown; n: number }> = [
    { name: 'timeline page (50), no filter', channel: 'log:timeline', input: () => ({ familyId: family.id }), n: 300 },
    { name: 'timeline page, category filter', channel: 'log:timeline', input: (i) => ({ familyId: family.id, categoryId: (i % 7) + 1 }), n: 300 },
    { name: 'timeline page, person filter', channel: 'log:timeline', input: () => ({ familyId: family.id, personId: person.id }), n: 300 },
    { name: 'timeline page, text search', channel: 'log:timeline', input: (i) => ({ familyId: family.id, query: searches[i % searches.length] }), n: 300 },
    { name: 'search across all families (30 hits)', channel: 'log:search', input: (i) => ({ query: searches[i % searches.length] }), n: 200 },
    { name: 'family overview', channel: 'families:get', input: () => ({ familyId: family.id }), n: 200 },
    { name: 'institution front page', channel: 'overview:front', input: () => ({}), n: 100 },
  ];

  const signInput = (i: number) => ({
    familyId: writeFamily.id,
    observedAt: new Date().toISOString(),
    shift: 'day' as const,
    categoryId: 1,
    personIds: [writePerson.id],
    text: `Benchmarknotat nummer ${i}, skrevet af benchmarken.`,
    concern: 'none' as const,
  });

  // The same handler queries, without the channel around them, on the encrypted and the plain connection — first,
  // while both hold exactly the same rows.
  const ratios: Array<{ operation: string; encrypted: number; plain: number; ratio: number }> = [];
  const ctx = (db: typeof encDb) => ({ core: backend, user: user as SessionUser, db, now: new Date() });
  const raw = async (db: typeof encDb, channel: ChannelName, input: unknown) => handlers[channel]!.run(ctx(db), channels[channel].input.parse(input) as never);
  const signRaw = (db: typeof encDb, i: number) => db.transaction().execute((trx) => handlers['log:sign']!.run(ctx(trx), channels['log:sign'].input.parse(signInput(i)) as never));
  for (const op of ops) {
    // Interleaved rounds, median of the rounds' p50s, so neither side gets a warmer or quieter machine.
    const enc: number[] = [];
    const pla: number[] = [];
    for (let round = 0; round < 3; round++) {
      enc.push((await measure('x', Math.ceil(op.n / 2), (i) => raw(encDb, op.channel, op.input(i)))).p50);
      pla.push((await measure('x', Math.ceil(op.n / 2), (i) => raw(plainDb, op.channel, op.input(i)))).p50);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const e = median(enc);
    const p = median(pla);
    ratios.push({ operation: op.name, encrypted: e, plain: p, ratio: e / p });
  }
  {
    const e = await measure('x', 200, (i) => signRaw(encDb, i));
    const p = await measure('x', 200, (i) => signRaw(plainDb, i));
    ratios.unshift({ operation: 'save one entry (log:sign)', encrypted: e.p50, plain: p.p50, ratio: e.p50 / p.p50 });
  }

  // Through the real backend: channel validation, handler, access log, output check.
  const rows: Row[] = [];
  for (const op of ops) rows.push(await measure(op.name, op.n, (i) => must(backend, op.channel, op.input(i) as never)));
  rows.unshift(await measure('save one entry (log:sign)', 300, (i) => must(backend, 'log:sign', signInput(1000 + i))));
  await plainDb.destroy();
  await backend.close();
  return { rows, ratios, facts };
}
