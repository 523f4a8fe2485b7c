/**
 * Issue 3's benchmark: the daily log at 10 years of data, through the real backend on the encrypted file, and the
 * same SQL statements the handlers run, replayed on the encrypted file and on a plain (unencrypted) copy of it, with
 * the ratio per operation. With FAMILIESPOR_BENCH_CIPHERS=1 the statements also run on copies under the other
 * realistic ciphers of SQLite3MultipleCiphers.
 *
 * Every run works on fresh copies of the cached data set, so runs do not drift apart (saves add entries and
 * full-text segments) and the encrypted file and its plain copy start from the same pages.
 */
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { channels, type ChannelName, type SessionUser } from '../../common/channels';
import { ftsExpression, parseQuery } from '../../common/search';
import { CIPHER, configureConnection, DB_FILE_NAME, openEncrypted, selectCipher, type Sqlite } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import type { Database } from '../../db/schema';
import type { Backups } from '../../main/backups/service';
import type { BackendCore } from '../../main/core/backend';
import type { Handler, SessionContext } from '../../main/core/context';
import { familyAccess } from '../../main/core/family-access';
import { familyHandlers } from '../../main/domains/families/handlers';
import { journalHandlers } from '../../main/domains/journal/handlers';
import { overviewHandlers } from '../../main/domains/overview/handlers';
import { ADMIN, must, newBackend } from '../helpers';
import { dataset, type Dataset } from './dataset';
import { measure, percentile, type Row } from './run';

// The SQL replay compares statements only; the front page's backup check reads the backup folder (files, not SQL).
const noBackupCheck = { warning: async () => null } as unknown as Backups;
const handlers = { ...familyHandlers, ...journalHandlers, ...overviewHandlers({ backups: noBackupCheck, onServer: () => false }) } as Record<string, Handler<ChannelName>>;

/**
 * The ciphers compared: the authenticated ones (aegis, chacha20, sqlcipher) and aes256cbc, which has no
 * authentication (tampering goes unnoticed), as the reference. rc4 is broken; aes128cbc is aes256cbc with a shorter key.
 */
export const BENCH_CIPHERS = ['chacha20', 'aegis', 'sqlcipher', 'aes256cbc'] as const;

export interface Ratio {
  operation: string;
  encrypted: number;
  plain: number;
  ratio: number;
}

export interface CipherRow {
  cipher: string;
  open: number;
  /** Reading the whole entries table on a fresh connection (every page decrypted once). */
  coldScan: number;
  fileMiB: number;
  ops: Record<string, number>;
  saveP99: number;
}

/** A connection under test: the app's encrypted file, its plain copy, or a copy under another cipher. */
interface Target {
  name: string;
  sqlite: Sqlite;
  statements: Map<string, SqliteDatabase.Statement>;
}

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

function target(name: string, sqlite: Sqlite): Target {
  return { name, sqlite, statements: new Map() };
}

/** Opens a plain file with exactly the app's connection settings. */
function openPlain(file: string): Sqlite {
  const sqlite = new SqliteDatabase(file);
  configureConnection(sqlite);
  return sqlite;
}

function openTarget(name: string, file: string, key: Buffer): Sqlite {
  return name === 'plain' ? openPlain(file) : openEncrypted(file, key, { cipher: name });
}

function header(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    fs.readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The cached pristine copy of the generated database as plain SQLite (cipher 'plain') or under another cipher, made
 * once by re-keying a copy (SQLite3MultipleCiphers re-keys outside WAL mode, and compacts when the reserved bytes
 * per page differ: the generator compacted the original too, so all copies share its page order).
 */
function derivedCopy(ds: Dataset, key: Buffer, name: string, log: (m: string) => void): string {
  const source = path.join(ds.dataDir, DB_FILE_NAME);
  if (name === CIPHER) return source;
  const file = path.join(ds.dir, `${name}.db`);
  if (fs.existsSync(file)) return file;
  log(`  making the ${name} copy …`);
  const tmp = `${file}.tmp`;
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${tmp}${suffix}`, { force: true });
  fs.copyFileSync(source, tmp);
  const sqlite = openEncrypted(tmp, key);
  try {
    sqlite.pragma('journal_mode = DELETE');
    if (name === 'plain') {
      sqlite.pragma("rekey = ''");
    } else {
      selectCipher(sqlite, name);
      sqlite.pragma(`hexrekey = '${key.toString('hex')}'`);
    }
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
  fs.renameSync(tmp, file);
  return file;
}

/** Fresh working copies for this run (the cached files stay as generated). */
function workingCopy(ds: Dataset, source: string, name: string): string {
  const dir = path.join(ds.dir, 'work');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.copyFileSync(source, file);
  return file;
}

/** Runs a handler on a Kysely that records every statement it sends. */
async function capture(sqlite: Sqlite, run: (db: Kysely<Database>) => Promise<unknown>): Promise<Captured[]> {
  const log: Captured[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      const q: CompiledQuery = event.query;
      log.push({ sql: q.sql, parameters: q.parameters });
    },
  });
  await run(db);
  // Not destroyed: that would close the shared connection.
  return log.filter((c) => !/^(begin|commit|rollback)/i.test(c.sql));
}

/** Replays captured statements with prepared statements (reads: no transaction, as the handlers run them). */
function replay(t: Target, statements: Captured[]): void {
  for (const c of statements) {
    let stmt = t.statements.get(c.sql);
    if (!stmt) t.statements.set(c.sql, (stmt = t.sqlite.prepare(c.sql)));
    if (stmt.reader) stmt.all(...c.parameters);
    else stmt.run(...c.parameters);
  }
}

/**
 * A save, replayed: the handler's statements in one transaction, with the new entry's id in place of the captured
 * one (the insert returns it; the person links and the search row refer to it).
 */
function replaySign(t: Target, statements: Captured[], capturedId: number): void {
  t.sqlite.exec('begin');
  try {
    let id = capturedId;
    for (const c of statements) {
      let stmt = t.statements.get(c.sql);
      if (!stmt) t.statements.set(c.sql, (stmt = t.sqlite.prepare(c.sql)));
      const params = c.parameters.map((v) => (v === capturedId ? id : v));
      if (/^insert into "observations"/.test(c.sql)) id = (stmt.get(...params) as { id: number }).id;
      else if (stmt.reader) stmt.all(...params);
      else stmt.run(...params);
    }
    t.sqlite.exec('commit');
  } catch (err) {
    t.sqlite.exec('rollback');
    throw err;
  }
}

interface Op {
  name: string;
  channel: ChannelName;
  input: (i: number) => unknown;
  /** How many different inputs `input` cycles through. */
  variants: number;
  n: number;
}

/**
 * Times the same work on several connections, finely interleaved: `rounds` rounds, each running a few iterations
 * per connection in a rotating order, so drift of a shared 2-core machine (other load, frequency, the disk) falls on
 * every connection alike. Returns every connection's sorted samples (ms).
 */
function interleaved(targets: Target[], n: number, rounds: number, fn: (t: Target, i: number) => void): Map<string, number[]> {
  const per = Math.max(1, Math.ceil(n / rounds));
  for (const t of targets) for (let i = 0; i < Math.min(30, n); i++) fn(t, n + i); // warm-up: hot pages in each page cache
  const samples = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < targets.length; k++) {
      const t = targets[(round + k) % targets.length]!;
      const times = samples.get(t.name)!;
      for (let j = 0; j < per; j++) {
        const i = round * per + j;
        const t0 = performance.now();
        fn(t, i);
        times.push(performance.now() - t0);
      }
    }
  }
  for (const times of samples.values()) times.sort((a, b) => a - b);
  return samples;
}

/** A full read of the entries table on a fresh connection (every page read and decrypted once), the second time. */
function coldScan(open: () => Sqlite): number {
  let ms = 0;
  for (let pass = 0; pass < 2; pass++) {
    // The first pass brings the file into the OS cache, so the second measures decryption, not the disk.
    const sqlite = open();
    const t0 = performance.now();
    sqlite.prepare('select count(*) from observations where length(text) < 0').get();
    ms = performance.now() - t0;
    sqlite.close();
  }
  return ms;
}

export async function journalBenchmark(log: (m: string) => void = console.log): Promise<{ rows: Row[]; ratios: Ratio[]; ciphers: CipherRow[] | null; facts: string[] }> {
  const ds = await dataset({ log });
  const facts: string[] = [];
  facts.push(`data set: ${ds.dir} (${ds.generatedNow ? 'generated now' : 'cached'}; generation took ${ds.generatedSeconds.toFixed(0)} s)`);
  const pristine = path.join(ds.dataDir, DB_FILE_NAME);

  // The working copy of the data folder (the app's encrypted file and its key file): the backend runs on it, and it is
  // the encrypted side of the raw comparison. The data key comes from logging in, as in the app.
  const workDir = path.join(ds.dir, 'work', 'data');
  fs.rmSync(path.join(ds.dir, 'work'), { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(pristine, path.join(workDir, DB_FILE_NAME));
  fs.copyFileSync(path.join(ds.dataDir, KEYFILE_NAME), path.join(workDir, KEYFILE_NAME));
  let backend: BackendCore = newBackend({ dataDir: workDir });
  const user = (await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password })) as SessionUser;
  const key = Buffer.from(backend.unlocked()!.key);
  const probe = backend.unlocked()!.sqlite;
  const count = (sql: string, ...params: unknown[]) => (probe.prepare(sql).get(...params) as { n: number }).n;

  // Reads use the open family with the most entries; saves go to another open family, with words no search uses, so
  // the reads see the same rows in every copy.
  const family = probe
    .prepare("select f.id, (select count(*) from observations o where o.family_id = f.id and o.status = 'signed') n from families f where f.end_date is null order by n desc, f.id limit 1")
    .get() as { id: number; n: number };
  const person = probe.prepare("select id from persons where family_id = ? and kind = 'mother'").get(family.id) as { id: number };
  const writeFamily = probe.prepare('select id from families where end_date is null and id <> ? order by id limit 1').get(family.id) as { id: number };
  const writePerson = probe.prepare('select id from persons where family_id = ? order by id limit 1').get(writeFamily.id) as { id: number };
  const searches = ['søvn', 'æblegrød', 'mormor aftale', 'vaccination feber', 'øjenkontakt smil'];
  facts.push(
    `${count('select count(*) n from families')} families (${count('select count(*) n from families where end_date is null')} open), ` +
      `${count("select count(*) n from observations where status = 'signed'").toLocaleString('da-DK')} signed entries, ` +
      `${count('select count(*) n from observation_amendments').toLocaleString('da-DK')} amendments, ` +
      `${count("select count(*) n from observations where concern = 'serious'").toLocaleString('da-DK')} serious concerns ` +
      `(${count("select count(*) n from observations o where concern = 'serious' and not exists (select 1 from concern_acknowledgements a where a.observation_id = o.id)")} not acknowledged)`,
  );
  facts.push(`the family the reads use has ${family.n} entries; search terms and the entries they find among all: ` +
    searches.map((s) => `"${s}" ${count('select count(*) n from observation_search where observation_search match ?', `body:(${ftsExpression(parseQuery(s))})`).toLocaleString('da-DK')}`).join(', '));
  facts.push(`encrypted database (${CIPHER}): ${(fs.statSync(pristine).size / 2 ** 20).toFixed(0)} MiB`);
  const pages = probe.prepare("select name, sum(pgsize) bytes from dbstat where aggregate = true group by name order by bytes desc limit 4").all() as Array<{ name: string; bytes: number }>;
  facts.push(`largest parts: ${pages.map((p) => `${p.name} ${(p.bytes / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);

  const ops: Op[] = [
    { name: 'timeline page (50), no filter', channel: 'journal:timeline', input: () => ({ familyId: family.id }), variants: 1, n: 300 },
    { name: 'timeline page, category filter', channel: 'journal:timeline', input: (i) => ({ familyId: family.id, categoryId: (i % 7) + 1 }), variants: 7, n: 300 },
    { name: 'timeline page, person filter', channel: 'journal:timeline', input: () => ({ familyId: family.id, personId: person.id }), variants: 1, n: 300 },
    { name: 'timeline page, text search', channel: 'journal:timeline', input: (i) => ({ familyId: family.id, query: searches[i % searches.length] }), variants: searches.length, n: 300 },
    { name: 'search across all families (30 hits)', channel: 'journal:search', input: (i) => ({ query: searches[i % searches.length] }), variants: searches.length, n: 200 },
    { name: 'family overview', channel: 'families:get', input: () => ({ familyId: family.id }), variants: 1, n: 200 },
    { name: 'institution front page', channel: 'overview:front', input: () => ({}), variants: 1, n: 100 },
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

  // The statements each handler sends, captured once on the app's own connection (reads: every input variant).
  const ctx = (db: Kysely<Database>): SessionContext => ({ user, db, now: new Date(), families: familyAccess(db, user, { needToKnow: false, brokenGlass: new Set() }), onCommit: () => undefined });
  const runHandler = (db: Kysely<Database>, channel: ChannelName, input: unknown) =>
    (handlers[channel]!.run as (c: SessionContext, i: unknown) => Promise<unknown>)(ctx(db), channels[channel].input.parse(input));
  const captured = new Map<string, Captured[][]>();
  for (const op of ops) {
    const variants: Captured[][] = [];
    for (let v = 0; v < op.variants; v++) variants.push(await capture(probe, (db) => runHandler(db, op.channel, op.input(v))));
    captured.set(op.name, variants);
  }
  let capturedId = 0;
  const signStatements = await capture(probe, async (db) => {
    const entry = (await db.transaction().execute((trx) => runHandler(trx, 'journal:sign', signInput(0)))) as { id: number };
    capturedId = entry.id;
  });
  facts.push(`statements per operation: ${ops.map((op) => `${op.name} ${captured.get(op.name)![0]!.length}`).join(', ')}, save ${signStatements.length}`);
  await backend.close();

  // The raw statements: the app's encrypted file vs its plain copy (and other ciphers when asked), finely interleaved.
  const cipherEnv = process.env.FAMILIESPOR_BENCH_CIPHERS;
  const others = cipherEnv ? (cipherEnv === '1' ? [...BENCH_CIPHERS] : cipherEnv.split(',')).filter((c) => c !== CIPHER) : [];
  const names = ['plain', CIPHER, ...others];
  const files = new Map<string, string>([[CIPHER, path.join(workDir, DB_FILE_NAME)]]);
  for (const name of names) if (name !== CIPHER) files.set(name, workingCopy(ds, derivedCopy(ds, key, name, log), `${name}.db`));
  const plainHeader = header(files.get('plain')!);
  const encHeader = header(pristine);
  facts.push(`plain copy starts with "SQLite format 3": ${plainHeader.startsWith('SQLite format 3')}; encrypted file does: ${encHeader.startsWith('SQLite format 3')}`);
  if (!plainHeader.startsWith('SQLite format 3') || encHeader.startsWith('SQLite format 3')) throw new Error('The plain copy is not plain or the database is not encrypted');

  const opens = new Map<string, number>();
  const targets: Target[] = [];
  for (const name of names) {
    const t0 = performance.now();
    const sqlite = openTarget(name, files.get(name)!, key);
    opens.set(name, performance.now() - t0);
    targets.push(target(name, sqlite));
  }
  // The capture above saved one entry in the app's file: the same entry in the copies keeps the rows identical.
  for (const t of targets) if (t.name !== CIPHER) replaySign(t, signStatements, capturedId);
  const opNames = ['save one observation (journal:sign)', ...ops.map((o) => o.name)];
  const results = new Map<string, Map<string, number[]>>();
  for (const op of ops) {
    const variants = captured.get(op.name)!;
    results.set(op.name, interleaved(targets, op.n, 20, (t, i) => replay(t, variants[i % variants.length]!)));
  }
  results.set('save one observation (journal:sign)', interleaved(targets, 200, 10, (t) => replaySign(t, signStatements, capturedId)));
  const p50 = (name: string, op: string) => percentile(results.get(op)!.get(name)!, 50);
  const ratios: Ratio[] = opNames.map((op) => ({ operation: op, encrypted: p50(CIPHER, op), plain: p50('plain', op), ratio: p50(CIPHER, op) / p50('plain', op) }));
  for (const t of targets) t.sqlite.close();

  let ciphers: CipherRow[] | null = null;
  if (names.length > 2) {
    ciphers = names.map((name) => ({
      cipher: name,
      open: opens.get(name)!,
      coldScan: coldScan(() => openTarget(name, files.get(name)!, key)),
      fileMiB: fs.statSync(files.get(name)!).size / 2 ** 20,
      ops: Object.fromEntries(opNames.map((op) => [op, p50(name, op)])),
      saveP99: percentile(results.get('save one observation (journal:sign)')!.get(name)!, 99),
    }));
  }

  // Through the real backend (validation, handler, access log, output check) on the working copy of the data folder.
  backend = newBackend({ dataDir: workDir });
  await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
  const rows: Row[] = [];
  for (const op of ops) rows.push(await measure(op.name, op.n, (i) => must(backend, op.channel, op.input(i) as never)));
  rows.unshift(await measure('save one observation (journal:sign)', 300, (i) => must(backend, 'journal:sign', signInput(1000 + i))));
  await backend.close();
  key.fill(0);
  // The working copies are made afresh by every run; the cached data set and its derived copies stay.
  fs.rmSync(path.join(ds.dir, 'work'), { recursive: true, force: true });
  return { rows, ratios, ciphers, facts };
}
