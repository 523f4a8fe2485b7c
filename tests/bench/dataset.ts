/**
 * A deterministic, realistic 10-year data set for the benchmark: ≈400 families of about six months each
 * (intake → stay → closing), ≈1,000,000 signed log entries of 20–120 words of Danish-like text, persons, teams with
 * tovholder changes, concerns with acknowledgements, amendments and the full-text rows.
 *
 * Realism that matters for the figures:
 * - Entries are written in time order across all families, as in the real app: 15–25 families are open at any time,
 *   so one family's entries are spread over many table pages (not one contiguous block per family).
 * - Word frequencies follow a Zipf curve over ≈2,000 words (function words, the care vocabulary, and compounds
 *   such as "søvnrytme"), so a content word occurs in a few percent of the entries, not in every fifth.
 *
 * Created through the real backend (`setup:create`: key file, migrations, admin), then bulk-inserted through the
 * unlocked connection in big transactions with prepared statements. The search rows hold the application's own tokens
 * (`indexText`, per vocabulary word: words are split, normalised and encoded one by one, so the tokens are the same).
 * Compacted at the end (VACUUM), so copies re-keyed to plain or to another cipher have the same page order.
 * Cached under the OS temp folder, keyed by generator version, schema version, a fingerprint of the schema (indexes,
 * FTS options) and the cipher: reruns skip generation, and the data is never committed.
 */
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { indexText } from '../../common/search';
import { CIPHER, createKysely, migrate } from '../../db/database';
import { SCHEMA_VERSION } from '../../db/migrations';
import { SEARCH_INDEX_VERSION } from '../../db/search';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, must, newBackend } from '../helpers';

export const GENERATOR_VERSION = 7;

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Most frequent first.
const functionWords = (
  'og i at det en er til på med hun han de som for var ikke den har af men så der om når efter også meget lidt ' +
  'et blev havde sig hende ham dem vi jeg du kan skal vil ville kunne skulle nu da her hvor hvad hvordan godt ' +
  'igen stadig allerede senere før under uden fra hos ind ud op ned over hele lige bare mere mindst flere gange ' +
  'sammen selv alle noget nogle ingen sin sit sine deres hans hendes lille store første sidste næste anden andre ' +
  'både eller fordi mens inden indtil derefter bagefter imens samtidig ofte aldrig altid tit sjældent'
).split(/\s+/);
const careWords = (
  'mor far barnet baby pigen drengen søvnen natten morgenen aftenen amning flaske bleskift badet gråd trøst øjenkontakt ' +
  'smil samspil nærvær rolig urolig træt glad ked vred bekymret tryg utryg mentalisering følelser behov signaler ' +
  'reagerede hurtigt langsomt forsigtigt kærligt opmærksomt fraværende netværk mormor morfar farmor farfar moster ' +
  'faster veninde sundhedsplejerske jordemoder sagsbehandler psykolog familiebehandler aftale møde samtale vejledning ' +
  'struktur dagsorden måltid grød æblegrød mælk vægt tøj vasketøj rengøring indkøb økonomi bolig lejlighed hjem ' +
  'weekend udslusning trin plan mål opfølgning fremskridt svært bedre dårligt ønskede fortalte spurgte viste hjalp ' +
  'holdt tog lagde støtte hjælp pause hvile legede sang læste talte lyttede ventede græd sov vågnede spiste drak ' +
  'ammede skiftede sikkerhed bekymring alkohol konflikt skænderi telefonen besøg gåtur barnevogn lægen vaccination ' +
  'feber hoste sygeplejerske vuggestue dagpleje hospitalet udskrivning fødsel graviditet termin navlestreng ' +
  'modermælk erstatning sutteflaske sut tandfrembrud mavepine kolik bøvs gylp opkast diarré udslæt temperatur ' +
  'puslebord barneseng dyne pude rangle bamse legetøj tæppe stol gulvet køkkenet stuen værelset badeværelset ' +
  'morgenmad frokost aftensmad mellemmåltid frugt grøntsager kartofler rugbrød havregryn yoghurt vand juice kaffe ' +
  'cigaretter rygning stoffer medicin recept apoteket kommunen jobcenter uddannelse skole arbejde praktik kursus ' +
  'ansøgning penge husleje regning budget opsparing cykel bussen toget bil kørekort lommepenge fødselsdag jul ' +
  'påske sommerferie efterår vinter forår regn sne sol kulde varme vindue døren trappen haven legepladsen ' +
  'parken skoven stranden biblioteket svømmehallen butikken supermarkedet netto føtex bageren apotekeren ' +
  'frustreret irritabel overvældet usikker modløs håbefuld stolt lettet forvirret ensom nervøs angst tristhed ' +
  'vrede glæde ro uro afstand nærhed omsorg ansvar grænser regler rutiner forudsigelighed tillid samarbejde ' +
  'dialog refleksion feedback ros guidning modellering spejling aflæsning afstemning tilknytning udvikling ' +
  'motorik sprog pludren kravle rulle sidde stå gå griber smiler vinker peger efterligner kigger lytter'
).split(/\s+/);
const firstStems = (
  'søvn mad bad ble amme flaske gråd leg tøj hjem nat dag aften morgen middags vugge barne familie forældre ' +
  'sundheds læge tand hånd øjen krops følelses trygheds udviklings sprog mælke grød vaske rengørings indkøbs ' +
  'økonomi bolig netværks weekend samværs telefon besøgs gå kontakt hverdags døgn støtte samtale'
).split(/\s+/);
const secondStems = (
  'rytme tid plan rutine mønster problem situation aftale møde pause stue seng taske ske kurv vogn tæppe bog ' +
  'liste skema forløb signal behov relation pleje grænse struktur sang stund ritual krise besøg indsats mål ' +
  'vurdering opgave område periode'
).split(/\s+/);

interface Vocabulary {
  words: string[];
  folded: string[];
  cdf: Float64Array;
}

function vocabulary(rand: () => number): Vocabulary {
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  const compounds: string[] = [];
  for (const a of firstStems) for (const b of secondStems) if (!a.endsWith(b) && rand() < 0.75) compounds.push(a + b);
  const seen = new Set<string>();
  const words = [...functionWords, ...shuffle([...careWords]), ...shuffle(compounds)].filter((w) => !seen.has(w) && seen.add(w));
  // Zipf–Mandelbrot: p(rank r) ∝ 1 / (r + 2.7)^1.05.
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let r = 0; r < words.length; r++) cdf[r] = sum += 1 / Math.pow(r + 1 + 2.7, 1.05);
  for (let r = 0; r < words.length; r++) cdf[r] = cdf[r]! / sum;
  return { words, folded: words.map((w) => indexText(w)), cdf };
}

function pickWord(v: Vocabulary, u: number): number {
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const firstNames = ['Maja', 'Sofie', 'Emma', 'Ida', 'Laura', 'Anna', 'Freja', 'Clara', 'Mikkel', 'Jonas', 'Mads', 'Lucas', 'Oliver', 'Søren', 'Jørgen', 'Åse', 'Bjørn', 'Nanna', 'Signe', 'Mette', 'Rasmus', 'Kasper', 'Line', 'Louise'];
const lastNames = ['Sørensen', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Rasmussen', 'Jørgensen', 'Møller', 'Østergaard', 'Ærø', 'Åberg', 'Kjær', 'Bøgh', 'Dahl', 'Holm'];
const municipalities = ['Odense Kommune', 'Greve Kommune', 'Randers Kommune', 'Aarhus Kommune', 'Køge Kommune', 'Næstved Kommune', 'Faaborg-Midtfyn Kommune'];

export interface Dataset {
  /** The cache folder: `data/` (the generated data folder, never written by a benchmark run) and derived copies. */
  dir: string;
  /** The generated data folder (database and key file). */
  dataDir: string;
  families: number;
  observations: number;
  /** Seconds the generation took, now or when the cached set was made. */
  generatedSeconds: number;
  /** False when the cached set was used. */
  generatedNow: boolean;
}

export const BENCH_PASSWORD = ADMIN.password;

const CACHE_PREFIX = 'familiespor-bench-';

/**
 * A fingerprint of the schema the migrations create (tables, indexes, triggers, FTS options), so a changed index in
 * a migration that has not shipped yet still gives a new data set.
 */
export async function schemaFingerprint(): Promise<string> {
  const sqlite = new SqliteDatabase(':memory:');
  try {
    await migrate(sqlite, createKysely(sqlite));
    const schema = sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all();
    return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 8);
  } finally {
    sqlite.close();
  }
}

/** Where the data set for these sizes is cached (a new generator, schema or cipher gives a new folder). */
export async function datasetDir(families: number, observations: number): Promise<string> {
  return path.join(os.tmpdir(), `${CACHE_PREFIX}g${GENERATOR_VERSION}-s${SCHEMA_VERSION}-${await schemaFingerprint()}-${CIPHER}-${families}-${observations}`);
}

/** Returns a data folder with the data set, generating it the first time. */
export async function dataset(options: { families?: number; observations?: number; log?: (m: string) => void } = {}): Promise<Dataset> {
  // FAMILIESPOR_BENCH_FAMILIES / _OBSERVATIONS give a smaller set for a quick try.
  const families = options.families ?? (Number(process.env.FAMILIESPOR_BENCH_FAMILIES) || 400);
  const observations = options.observations ?? (Number(process.env.FAMILIESPOR_BENCH_OBSERVATIONS) || 1_000_000);
  const log = options.log ?? ((m: string) => console.log(m));
  const dir = await datasetDir(families, observations);
  const done = path.join(dir, 'READY');
  const dataDir = path.join(dir, 'data');
  if (fs.existsSync(done)) {
    const { generatedSeconds } = JSON.parse(fs.readFileSync(done, 'utf8')) as { generatedSeconds: number };
    return { dir, dataDir, families, observations, generatedSeconds, generatedNow: false };
  }
  // Sets of the same size from earlier generator or schema versions (with their copies, several GB) are of no further use.
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (name.startsWith(CACHE_PREFIX) && name.endsWith(`-${families}-${observations}`) && name !== path.basename(dir)) {
      log(`  removing an outdated benchmark data set: ${name}`);
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  log(`  generating into ${dir} …`);
  const t0 = performance.now();
  const backend = newBackend({ dataDir });
  await must(backend, 'setup:create', { institutionName: 'Familiehuset Benchmark', admin: ADMIN });
  generate(backend, families, observations, log);
  await backend.close();
  const generatedSeconds = (performance.now() - t0) / 1000;
  fs.writeFileSync(done, JSON.stringify({ at: new Date().toISOString(), generatedSeconds }));
  return { dir, dataDir, families, observations, generatedSeconds, generatedNow: true };
}

interface FamilyPlan {
  id: number;
  start: number;
  /** Last day entries are written (the end date, or today for an open family). */
  until: number;
  count: number;
  persons: number[];
  authors: number[];
}

function generate(backend: BackendCore, familyCount: number, observationCount: number, log: (m: string) => void): void {
  const sqlite = backend.unlocked()!.sqlite;
  const rand = prng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const DAY = 86_400_000;
  const end = Date.UTC(2026, 10, 20, 12);
  const start = end - 10 * 365 * DAY;
  const now = iso(end);
  const vocab = vocabulary(rand);

  const insertUser = sqlite.prepare("insert into users (login_name, name, initials, role, created_at, updated_at) values (?, ?, ?, ?, ?, ?)");
  const insertFamily = sqlite.prepare(
    `insert into families (display_name, municipality, caseworker_name, legal_basis, phase, start_date, planned_end_date, end_date, outcome, created_by, created_at, updated_at)
     values (?, ?, ?, 'Barnets lov § 32, stk. 1: familieanbringelse i form af døgnophold', ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertPhase = sqlite.prepare('insert into family_phases (family_id, phase, from_date, recorded_by, recorded_at) values (?, ?, ?, ?, ?)');
  const insertPerson = sqlite.prepare('insert into persons (family_id, kind, name, birth_date, due_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertMember = sqlite.prepare('insert into team_members (family_id, user_id, name, role, organisation, phone, added_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertPeriod = sqlite.prepare('insert into coordinator_periods (family_id, team_member_id, from_at, to_at, set_by) values (?, ?, ?, ?, ?)');
  const insertObs = sqlite.prepare(
    `insert into observations (family_id, author_id, status, observed_at, shift, category_id, text, concern, created_at, updated_at, signed_at)
     values (?, ?, 'signed', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertObsPerson = sqlite.prepare('insert into observation_persons (observation_id, person_id) values (?, ?)');
  const insertAmendment = sqlite.prepare('insert into observation_amendments (observation_id, author_id, created_at, reason, text) values (?, ?, ?, ?, ?)');
  const insertAck = sqlite.prepare('insert into concern_acknowledgements (observation_id, acknowledged_by, acknowledged_at, note) values (?, ?, ?, ?)');
  const insertFts = sqlite.prepare('insert into observation_search (rowid, body, family) values (?, ?, ?)');

  // Staff over ten years: 40 staff members and 4 leaders (who acknowledge serious concerns).
  const staff: number[] = [1];
  const leaders: number[] = [1];
  sqlite.transaction(() => {
    for (let i = 0; i < 44; i++) {
      const role = i < 4 ? 'leader' : 'staff';
      const id = Number(insertUser.run(`medarbejder${i}`, `${pick(firstNames)} ${pick(lastNames)}`, `M${i}`, role, now, now).lastInsertRowid);
      (role === 'leader' ? leaders : staff).push(id);
    }
  })();

  // Families: starts spread over ten years; intake 1–6 weeks, stay 4–6 months, closing 1–4 weeks.
  const plans: FamilyPlan[] = [];
  sqlite.transaction(() => {
    for (let f = 0; f < familyCount; f++) {
      const famStart = start + Math.floor(((f + rand()) / familyCount) * (end - start - 20 * DAY));
      const stayFrom = famStart + int(7, 40) * DAY;
      const closingFrom = stayFrom + int(120, 170) * DAY;
      const famEnd = closingFrom + int(10, 30) * DAY;
      const open = famEnd > end;
      const phase = closingFrom <= end ? 'closing' : stayFrom <= end ? 'stay' : 'intake';
      const last = pick(lastNames);
      const familyId = Number(
        insertFamily.run(
          `Familien ${last} ${f + 1}`,
          pick(municipalities),
          `${pick(firstNames)} ${pick(lastNames)}`,
          phase,
          day(famStart),
          day(famStart + 182 * DAY),
          open ? null : day(famEnd),
          open ? null : pick(['own_home', 'own_home', 'own_home', 'other_intervention', 'child_placed', 'other']),
          iso(famStart),
          iso(open ? end : famEnd),
        ).lastInsertRowid,
      );
      insertPhase.run(familyId, 'intake', day(famStart), pick(staff), iso(famStart));
      if (stayFrom <= end) insertPhase.run(familyId, 'stay', day(stayFrom), pick(staff), iso(stayFrom));
      if (closingFrom <= end) insertPhase.run(familyId, 'closing', day(closingFrom), pick(staff), iso(closingFrom));
      // 2–4 persons: mother, often a father, the child (sometimes not born yet at intake), sometimes a sibling.
      const addPerson = (kind: string, name: string, birth: string | null, due: string | null) =>
        Number(insertPerson.run(familyId, kind, name, birth, due, iso(famStart), iso(famStart)).lastInsertRowid);
      const persons = [addPerson('mother', `${pick(firstNames)} ${last}`, `${int(1985, 2006)}-0${int(1, 9)}-1${int(0, 9)}`, null)];
      if (rand() < 0.6) persons.push(addPerson(pick(['father', 'father', 'father', 'co_mother', 'step_parent']), `${pick(firstNames)} ${last}`, `${int(1980, 2005)}-0${int(1, 9)}-2${int(0, 8)}`, null));
      persons.push(rand() < 0.3 ? addPerson('child', 'Barn (ufødt)', null, day(famStart + int(5, 60) * DAY)) : addPerson('child', `${pick(firstNames)} ${last}`, day(famStart - int(0, 300) * DAY), null));
      if (persons.length < 4 && rand() < 0.25) persons.push(addPerson('sibling', `${pick(firstNames)} ${last}`, day(famStart - int(400, 2500) * DAY), null));
      // Indsatsteam of 3–6: 2–3 of the institution's staff and 1–3 from outside.
      const internal = [...new Set([pick(staff), pick(staff), pick(staff)].slice(0, int(2, 3)))];
      const members: number[] = [];
      for (const u of internal) members.push(Number(insertMember.run(familyId, u, null, 'family_therapist', null, null, iso(famStart)).lastInsertRowid));
      const externals = int(1, 3);
      for (let m = 0; m < externals; m++) {
        const role = pick(['caseworker', 'health_visitor', 'midwife', 'psychologist']);
        insertMember.run(familyId, null, `${pick(firstNames)} ${pick(lastNames)}`, role, pick([...municipalities, 'Region Syddanmark']), `+45 ${int(20, 99)} ${int(10, 99)} ${int(10, 99)} ${int(10, 99)}`, iso(famStart));
      }
      // 1–3 tovholder changes: 2–4 periods among the internal members, the last one open.
      const periods = int(2, 4);
      const until = Math.min(famEnd, end);
      let from = famStart;
      for (let c = 0; c < periods; c++) {
        const to = c === periods - 1 ? null : from + Math.floor((until - from) * (0.2 + 0.5 * rand()) / (periods - c));
        insertPeriod.run(familyId, members[c % members.length], iso(from), to === null ? null : iso(to), pick(leaders));
        if (to !== null) from = to;
      }
      plans.push({ id: familyId, start: famStart, until, count: 0, persons, authors: internal });
    }
  })();

  // Entries in proportion to each family's days so far; all written in time order across families.
  const totalSpan = plans.reduce((s, p) => s + (p.until - p.start), 0);
  let assigned = 0;
  for (const p of plans) assigned += p.count = Math.round(((p.until - p.start) / totalSpan) * observationCount);
  plans[plans.length - 1]!.count += observationCount - assigned;
  const at = new Float64Array(observationCount);
  const owner = new Uint16Array(observationCount);
  let k = 0;
  plans.forEach((p, index) => {
    for (let o = 0; o < p.count; o++) {
      // Mostly day and evening, some at night.
      const d = p.start + Math.floor(((o + rand()) / p.count) * (p.until - p.start - DAY));
      const hour = rand() < 0.1 ? int(0, 6) : int(7, 22);
      at[k] = Math.floor(d / DAY) * DAY + hour * 3_600_000 + int(0, 3599) * 1000;
      owner[k++] = index;
    }
  });
  const order = new Uint32Array(observationCount).map((_v, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);

  const categoryWeights = [0.3, 0.2, 0.18, 0.1, 0.08, 0.06, 0.08];
  const category = () => {
    let u = rand();
    for (let c = 0; c < categoryWeights.length; c++) if ((u -= categoryWeights[c]!) < 0) return c + 1;
    return categoryWeights.length;
  };
  const sentence = (n: number, text: string[], folded: string[]) => {
    for (let s = 0; s < n; ) {
      const len = Math.min(n - s, int(5, 16));
      for (let w = 0; w < len; w++) {
        const i = pickWord(vocab, rand());
        const word = vocab.words[i]!;
        text.push(w === 0 ? `${word[0]!.toUpperCase()}${word.slice(1)}` : w === len - 1 ? `${word}.` : word);
        folded.push(vocab.folded[i]!);
      }
      s += len;
    }
  };
  const reasons = ['Præcisering', 'Tilføjelse', 'Rettelse af tidspunkt', 'Faktuel rettelse'];

  const t0 = performance.now();
  const batch = 25_000;
  for (let from = 0; from < observationCount; from += batch) {
    sqlite.transaction(() => {
      for (let j = from; j < Math.min(observationCount, from + batch); j++) {
        const p = plans[owner[order[j]!]!]!;
        const time = at[order[j]!]!;
        const text: string[] = [];
        const folded: string[] = [];
        sentence(int(20, 120), text, folded);
        const r = rand();
        const concern = r < 0.01 ? 'serious' : r < 0.06 ? 'mild' : 'none';
        const hour = new Date(time).getUTCHours();
        const shift = hour >= 7 && hour < 15 ? 'day' : hour >= 15 && hour < 23 ? 'evening' : 'night';
        const author = rand() < 0.8 ? pick(p.authors) : pick(staff);
        const signed = iso(time + int(5, 180) * 60_000);
        const obsId = Number(insertObs.run(p.id, author, iso(time), shift, category(), text.join(' '), concern, iso(time), signed, signed).lastInsertRowid);
        const involved = rand();
        if (involved < 0.65) {
          const first = pick(p.persons);
          insertObsPerson.run(obsId, first);
          if (involved < 0.2) {
            const second = pick(p.persons);
            if (second !== first) insertObsPerson.run(obsId, second);
          }
        }
        let body = folded.join(' ');
        if (rand() < 0.02) {
          const reason = pick(reasons);
          const amendment: string[] = [];
          const amendmentFolded: string[] = [];
          sentence(int(8, 30), amendment, amendmentFolded);
          insertAmendment.run(obsId, author, iso(time + int(1, 48) * 3_600_000), reason, amendment.join(' '));
          body += ` ${indexText(reason)} ${amendmentFolded.join(' ')}`;
        }
        // Serious concerns: a leader acknowledges nearly all of them within days; the newest may still be open.
        if (concern === 'serious' && (end - time > 14 * DAY ? rand() < 0.97 : rand() < 0.5)) {
          insertAck.run(obsId, pick(leaders), iso(time + int(1, 72) * 3_600_000), rand() < 0.5 ? 'Drøftet på teammødet.' : null);
        }
        insertFts.run(obsId, body, `f${p.id}`);
      }
    })();
    const written = Math.min(observationCount, from + batch);
    if (written % 100_000 === 0 || written === observationCount) {
      log(`  … ${written.toLocaleString('da-DK')} notater (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  // What idle-time maintenance does over the years: a fully merged index, statistics for the planner.
  sqlite.exec("insert into observation_search (observation_search) values ('optimize')");
  // The rows above are the current index's tokens: no rebuild at the first login.
  sqlite.prepare("update settings set value = ? where key = 'searchIndexVersion'").run(JSON.stringify(SEARCH_INDEX_VERSION));
  sqlite.exec('analyze');
  // Compacted like a restored backup (VACUUM INTO). The plain and other-cipher copies are made by re-keying, which
  // compacts too when the cipher's reserved bytes per page differ, so every copy has the same page layout.
  log(`  vacuum …`);
  sqlite.exec('vacuum');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
