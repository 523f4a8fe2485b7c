/**
 * A deterministic, realistic 10-year data set for the benchmark: ≈400 families, ≈1,000,000 signed log entries
 * with Danish-like text, persons, teams with tovholder changes, concerns, acknowledgements and amendments.
 * Generated straight into the encrypted database through the unlocked connection (the schema and FTS folding
 * are the application's own). Cached under the OS temp folder: the data is never committed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { foldForSearch } from '../../common/search';
import { SCHEMA_VERSION } from '../../db/migrations';
import type { BackendCore } from '../../main/backend';
import { ADMIN, must, newBackend } from '../helpers';

export const GENERATOR_VERSION = 5;

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

const words = (
  'mor far barnet baby pigen drengen søvnen natten morgenen aftenen amning flaske bleskift badet gråd trøst øjenkontakt smil ' +
  'samspil nærvær rolig urolig træt glad ked vred bekymret tryg utryg mentalisering følelser behov signaler reagerede ' +
  'hurtigt langsomt forsigtigt kærligt opmærksomt fraværende netværk mormor morfar farmor farfar moster faster veninde ' +
  'sundhedsplejerske jordemoder sagsbehandler psykolog familiebehandler aftale møde samtale vejledning struktur dagsorden ' +
  'måltid grød æblegrød mælk vægt tøj vasketøj rengøring indkøb økonomi bolig lejlighed hjem weekend udslusning trin ' +
  'plan mål opfølgning fremskridt svært godt bedre dårligt ønskede fortalte spurgte viste hjalp holdt tog lagde ' +
  'støtte hjælp pause hvile legede sang læste talte lyttede ventede græd sov vågnede spiste drak ammede skiftede ' +
  'sikkerhed bekymring alkohol konflikt skænderi telefonen besøg gåtur barnevogn lægen vaccination feber hoste ' +
  'og men fordi så da når efter før under med uden til fra hos om på i af det den en et var er blev har havde ' +
  'ikke meget lidt flere gange igen også stadig allerede nu senere i dag i går i nat'
).split(/\s+/);
const foldedWords = words.map((w) => foldForSearch(w));
const firstNames = ['Maja', 'Sofie', 'Emma', 'Ida', 'Laura', 'Anna', 'Freja', 'Clara', 'Mikkel', 'Jonas', 'Mads', 'Lucas', 'Oliver', 'Søren', 'Jørgen', 'Åse', 'Bjørn', 'Nanna'];
const lastNames = ['Sørensen', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Rasmussen', 'Jørgensen', 'Møller', 'Østergaard', 'Ærø', 'Åberg'];

export interface Dataset {
  dataDir: string;
  families: number;
  observations: number;
  generatedSeconds: number | null;
}

export const BENCH_PASSWORD = ADMIN.password;

function cacheDir(): string {
  return path.join(os.tmpdir(), `familiespor-bench-g${GENERATOR_VERSION}-s${SCHEMA_VERSION}`);
}

/** Returns a data folder with the data set, generating it the first time. */
export async function dataset(options: { families?: number; observations?: number; log?: (m: string) => void } = {}): Promise<Dataset> {
  // FAMILIESPOR_BENCH_FAMILIES / _OBSERVATIONS give a smaller set for a quick try.
  const families = options.families ?? (Number(process.env.FAMILIESPOR_BENCH_FAMILIES) || 400);
  const observations = options.observations ?? (Number(process.env.FAMILIESPOR_BENCH_OBSERVATIONS) || 1_000_000);
  const log = options.log ?? ((m: string) => console.log(m));
  const dir = `${cacheDir()}-${families}-${observations}`;
  const done = path.join(dir, 'READY');
  if (fs.existsSync(done)) return { dataDir: dir, families, observations, generatedSeconds: null };
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const backend = newBackend({ dataDir: dir });
  await must(backend, 'setup:create', { institutionName: 'Familiehuset Benchmark', admin: ADMIN });
  generate(backend, families, observations, log);
  await backend.close();
  fs.writeFileSync(done, new Date().toISOString());
  return { dataDir: dir, families, observations, generatedSeconds: (performance.now() - t0) / 1000 };
}

function generate(backend: BackendCore, familyCount: number, observationCount: number, log: (m: string) => void): void {
  const sqlite = backend.unlocked()!.sqlite;
  const rand = prng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const DAY = 86_400_000;
  const end = Date.UTC(2026, 10, 20);
  const start = end - 10 * 365 * DAY;
  const now = iso(end);

  const insertUser = sqlite.prepare("insert into users (login_name, name, initials, role, created_at, updated_at) values (?, ?, ?, 'staff', ?, ?)");
  const insertFamily = sqlite.prepare(
    `insert into families (display_name, municipality, caseworker_name, legal_basis, phase, start_date, planned_end_date, end_date, outcome, created_by, created_at, updated_at)
     values (?, ?, ?, 'Barnets lov § 32, stk. 1: familieanbringelse i form af døgnophold', ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertPhase = sqlite.prepare('insert into family_phases (family_id, phase, from_date, recorded_by, recorded_at) values (?, ?, ?, ?, ?)');
  const insertPerson = sqlite.prepare('insert into persons (family_id, kind, name, birth_date, due_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertMember = sqlite.prepare('insert into team_members (family_id, user_id, name, role, organisation, added_at) values (?, ?, ?, ?, ?, ?)');
  const insertPeriod = sqlite.prepare('insert into coordinator_periods (family_id, team_member_id, from_at, to_at, set_by) values (?, ?, ?, ?, 1)');
  const insertObs = sqlite.prepare(
    `insert into observations (family_id, author_id, status, observed_at, shift, category_id, text, concern, created_at, updated_at, signed_at)
     values (?, ?, 'signed', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertObsPerson = sqlite.prepare('insert into observation_persons (observation_id, person_id) values (?, ?)');
  const insertAmendment = sqlite.prepare('insert into observation_amendments (observation_id, author_id, created_at, reason, text) values (?, ?, ?, ?, ?)');
  const insertAck = sqlite.prepare('insert into concern_acknowledgements (observation_id, acknowledged_by, acknowledged_at, note) values (?, ?, ?, ?)');
  const insertFts = sqlite.prepare('insert into observation_search (rowid, body, family) values (?, ?, ?)');

  const staff: number[] = [1];
  sqlite.transaction(() => {
    for (let i = 0; i < 40; i++) staff.push(Number(insertUser.run(`medarbejder${i}`, `${pick(firstNames)} ${pick(lastNames)}`, `M${i}`, now, now).lastInsertRowid));
  })();

  const perFamily = Math.ceil(observationCount / familyCount);
  let written = 0;
  const t0 = performance.now();
  for (let f = 0; f < familyCount && written < observationCount; f++) {
    sqlite.transaction(() => {
      const active = f >= familyCount - 12;
      const famStart = active ? end - int(10, 170) * DAY : start + Math.floor((f / familyCount) * (end - start - 200 * DAY));
      const stayFrom = famStart + int(7, 40) * DAY;
      const closingFrom = stayFrom + int(120, 170) * DAY;
      const famEnd = active ? null : closingFrom + int(10, 30) * DAY;
      const last = pick(lastNames);
      const phase = active ? (closingFrom < end ? 'closing' : stayFrom < end ? 'stay' : 'intake') : 'closing';
      const familyId = Number(
        insertFamily.run(`Familien ${last} ${f + 1}`, pick(['Odense Kommune', 'Greve Kommune', 'Randers Kommune', 'Aarhus Kommune']), `${pick(firstNames)} ${pick(lastNames)}`, phase, day(famStart), day(famStart + 182 * DAY), famEnd ? day(famEnd) : null, famEnd ? pick(['own_home', 'own_home', 'other_intervention', 'child_placed']) : null, iso(famStart), iso(famStart)).lastInsertRowid,
      );
      insertPhase.run(familyId, 'intake', day(famStart), 1, iso(famStart));
      if (stayFrom < end) insertPhase.run(familyId, 'stay', day(stayFrom), 1, iso(stayFrom));
      if (closingFrom < end) insertPhase.run(familyId, 'closing', day(closingFrom), 1, iso(closingFrom));
      const persons = [Number(insertPerson.run(familyId, 'mother', `${pick(firstNames)} ${last}`, '1998-04-02', null, iso(famStart), iso(famStart)).lastInsertRowid)];
      if (rand() < 0.6) persons.push(Number(insertPerson.run(familyId, 'father', `${pick(firstNames)} ${last}`, '1995-07-12', null, iso(famStart), iso(famStart)).lastInsertRowid));
      persons.push(Number(insertPerson.run(familyId, 'child', `${pick(firstNames)} ${last}`, day(famStart + 30 * DAY), null, iso(famStart), iso(famStart)).lastInsertRowid));
      if (rand() < 0.3) persons.push(Number(insertPerson.run(familyId, 'sibling', `${pick(firstNames)} ${last}`, '2022-01-05', null, iso(famStart), iso(famStart)).lastInsertRowid));
      const members: number[] = [];
      const teamStaff = [pick(staff), pick(staff), pick(staff)];
      for (const u of new Set(teamStaff)) members.push(Number(insertMember.run(familyId, u, null, 'family_therapist', null, iso(famStart)).lastInsertRowid));
      for (let m = 0; m < int(1, 3); m++) {
        members.push(Number(insertMember.run(familyId, null, `${pick(firstNames)} ${pick(lastNames)}`, pick(['caseworker', 'health_visitor', 'midwife', 'psychologist']), pick(['Odense Kommune', 'Region Syddanmark']), iso(famStart)).lastInsertRowid));
      }
      const changes = int(1, 3);
      let from = famStart;
      for (let c = 0; c < changes; c++) {
        const to = c === changes - 1 ? null : from + int(20, 60) * DAY;
        insertPeriod.run(familyId, members[c % members.length], iso(from), to ? iso(to) : null);
        if (to) from = to;
      }
      const span = (famEnd ?? end) - famStart;
      const count = Math.min(perFamily, observationCount - written);
      const authors = [...new Set(teamStaff)];
      for (let o = 0; o < count; o++) {
        const at = famStart + Math.floor(((o + rand()) / count) * span);
        const n = int(12, 60);
        const picked: number[] = [];
        for (let w = 0; w < n; w++) picked.push(Math.floor(rand() * words.length));
        const first = words[picked[0]!]!;
        const text = `${first[0]!.toUpperCase()}${first.slice(1)} ${picked.slice(1).map((i) => words[i]).join(' ')}.`;
        const r = rand();
        const concern = r < 0.01 ? 'serious' : r < 0.06 ? 'mild' : 'none';
        const hour = new Date(at).getUTCHours();
        const shift = hour >= 7 && hour < 15 ? 'day' : hour >= 15 && hour < 23 ? 'evening' : 'night';
        const author = pick(authors);
        const obsId = Number(insertObs.run(familyId, author, iso(at), shift, int(1, 7), text, concern, iso(at), iso(at), iso(at)).lastInsertRowid);
        if (rand() < 0.5) insertObsPerson.run(obsId, pick(persons));
        let body = picked.map((i) => foldedWords[i]).join(' ');
        if (rand() < 0.02) {
          const amendment = `Rettelse: ${picked.slice(0, 8).map((i) => words[i]).join(' ')}.`;
          insertAmendment.run(obsId, author, iso(at + 3_600_000), 'Præcisering', amendment);
          body += `\npræcisering ${foldForSearch(amendment)}`;
        }
        if (concern === 'serious' && (famEnd !== null || rand() < 0.7)) insertAck.run(obsId, 1, iso(at + 7_200_000), 'Drøftet på teammødet.');
        insertFts.run(obsId, body, `f${familyId}`);
      }
      written += count;
    })();
    if ((f + 1) % 50 === 0) log(`  … ${f + 1} familier, ${written.toLocaleString('da-DK')} notater (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // What idle-time maintenance does over the years: a fully merged index.
  sqlite.exec("insert into observation_search (observation_search) values ('optimize')");
  sqlite.exec('analyze');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
