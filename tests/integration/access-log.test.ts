import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, SessionChannel } from '../../common/channels';
import { ANCHOR_FILE_NAME } from '../../db/anchor';
import { appendAccessLog, applyAccessLogRetention, verifyAccessLog } from '../../db/access-log';
import { createKysely, DB_FILE_NAME, migrate, openEncrypted } from '../../db/database';
import { KEYFILE_NAME } from '../../db/keyfile';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, attempt, must, newBackend, setUp, tempDir } from '../helpers';
import { daysFromToday, dischargeInput, networkAndPlans, personFields, personInput, safetyInput } from '../plan-fixtures';

interface Fixture {
  a: number;
  b: number;
  personA: number;
  observationA: number;
  seriousB: number;
  draftA: number;
  memberA: number;
  coordinatorA: number;
  underretningA: number;
  categoryId: number;
  networkPersonA: number;
  removablePersonA: number;
  agreementA: number;
  meetingA: number;
  planVersionA: number;
  stepKeyA: number;
  motherA: number;
  pss: number;
  measurementA: number;
  measurementA2: number;
  goalA: number;
  reportA: number;
  reportA2: number;
}

/** PSS: 18 items, each 1–5. */
const pssItems = [3, 2, 4, 1, 2, 3, 2, 2, 4, 3, 3, 2, 1, 4, 3, 2, 2, 3].map((value) => ({ value }));

const note = (familyId: number, categoryId: number, text: string, concern: 'none' | 'serious' = 'none') => ({
  familyId,
  observedAt: new Date(Date.now() - 60_000).toISOString(),
  shift: 'day' as const,
  categoryId,
  personIds: [],
  text,
  concern,
});

/**
 * What every channel that needs a session is called with here, or why it returns no family data. A Record over every
 * session channel: a new channel does not compile until it is placed in one group or the other.
 */
const samples: Record<SessionChannel, ((fx: Fixture) => unknown) | { noFamilyData: string }> = {
  'session:lock': { noFamilyData: 'ends the session' },
  'session:ping': { noFamilyData: 'activity only' },
  'session:changePassword': { noFamilyData: 'own password' },
  'recovery:regenerate': { noFamilyData: 'recovery code' },
  'recovery:confirm': { noFamilyData: 'recovery code' },
  'users:list': { noFamilyData: 'staff accounts' },
  'users:create': { noFamilyData: 'staff accounts' },
  'users:update': { noFamilyData: 'staff accounts' },
  'users:resetPassword': { noFamilyData: 'staff accounts' },
  'users:deactivate': { noFamilyData: 'staff accounts' },
  'users:activate': { noFamilyData: 'staff accounts' },
  'users:directory': { noFamilyData: 'staff names' },
  'settings:get': { noFamilyData: 'institution settings' },
  'settings:update': { noFamilyData: 'institution settings' },
  'journal:categories': { noFamilyData: 'category list' },
  'categories:list': { noFamilyData: 'category list' },
  'categories:create': { noFamilyData: 'category list' },
  'categories:update': { noFamilyData: 'category list' },
  'categories:move': { noFamilyData: 'category list' },
  'accessLog:verify': { noFamilyData: 'chain report' },
  'accessLog:reanchor': { noFamilyData: 'chain report' },
  'keys:rekey': { noFamilyData: 'the database key' },
  'backups:status': { noFamilyData: 'backup files' },
  'backups:create': { noFamilyData: 'a copy of everything, logged as an export' },
  'backups:verify': { noFamilyData: 'backup files' },
  'backups:setFolder': { noFamilyData: 'a setting' },
  'move:check': { noFamilyData: 'row counts, the chain and the staff list; this file stays unchanged' },
  'move:run': { noFamilyData: 'logged on the server it moves to (tests/integration/server/move.test.ts)' },
  'server:status': { noFamilyData: 'connection facts and the last backup' },
  'accessLog:list': () => ({}),
  'families:export': (fx) => ({ familyId: fx.a }),
  'retention:due': () => ({}),
  'retention:deleteFamily': { noFamilyData: 'deletes the family (tests/integration/retention.test.ts checks its row)' },
  'accessLog:export': () => ({}),
  'accessLog:familyReport': (fx) => ({ familyId: fx.a }),
  'access:breakGlass': (fx) => ({ familyId: fx.b, reason: 'Akut: mor ringede om natten' }),
  'access:directory': () => ({}),
  'families:list': () => ({ includeClosed: true }),
  'families:get': (fx) => ({ familyId: fx.a }),
  'families:create': () => ({ displayName: 'Familien Ny', startDate: '2026-11-01', persons: [{ kind: 'mother', name: 'Mor Ny' }] }),
  'families:update': (fx) => ({ familyId: fx.a, displayName: 'Familien Ærø', startDate: '2026-10-01' }),
  'families:changePhase': (fx) => ({ familyId: fx.a, phase: 'stay', fromDate: '2026-11-02' }),
  'families:close': (fx) => ({ familyId: fx.b, endDate: '2026-11-20', outcome: 'own_home' }),
  'persons:add': (fx) => ({ familyId: fx.a, kind: 'father', name: 'Far Ærø' }),
  'persons:update': (fx) => ({ personId: fx.personA, kind: 'child', name: 'Baby Ærø', dueDate: '2027-01-12', keepCpr: true }),
  'persons:markBorn': (fx) => ({ personId: fx.personA, birthDate: '2026-11-01', name: 'x' }),
  'persons:revealCpr': (fx) => ({ personId: fx.personA }),
  'team:add': (fx) => ({ familyId: fx.a, name: 'Sundhedsplejerske Sofie', role: 'health_visitor' }),
  'team:remove': (fx) => ({ memberId: fx.memberA }),
  'team:setCoordinator': (fx) => ({ familyId: fx.a, memberId: fx.coordinatorA }),
  'journal:saveDraft': (fx) => ({ ...note(fx.a, fx.categoryId, 'Kladde'), draftId: fx.draftA }),
  'journal:drafts': () => ({}),
  'journal:discardDraft': (fx) => ({ draftId: fx.draftA }),
  'journal:sign': (fx) => note(fx.a, fx.categoryId, 'Nyt notat om søvn'),
  'journal:amend': (fx) => ({ observationId: fx.observationA, reason: 'Præcisering', text: 'Det var om aftenen.' }),
  'journal:timeline': (fx) => ({ familyId: fx.a }),
  'journal:search': () => ({ query: 'søvn' }),
  'overview:front': () => ({}),
  'handover:get': () => ({}),
  'print:record': (fx) => ({ document: 'handover', familyIds: [fx.a, fx.b] }),
  'print:savePdf': (fx) => ({ document: 'progression_report', familyIds: [fx.a], fileName: 'Udviklingsrapport 03.12.2026.pdf' }),
  'concerns:pending': () => ({}),
  'concerns:acknowledge': (fx) => ({ observationId: fx.seriousB, actions: ['talked_with_family'], note: 'Talt med familien' }),
  'underretninger:create': (fx) => ({ familyId: fx.a, sentOn: '2026-11-20', municipality: 'Greve Kommune', reason: 'Bekymring for barnets trivsel' }),
  'underretninger:amend': (fx) => ({ underretningId: fx.underretningA, reason: 'Præcisering', text: 'Sendt til Familieafdelingen' }),
  'network:get': (fx) => ({ familyId: fx.a }),
  'network:addPerson': (fx) => personInput(fx.a, 'Veninde Sara'),
  'network:updatePerson': (fx) => ({ ...personFields(), networkPersonId: fx.networkPersonA, closeness: 2 }),
  'network:removePerson': (fx) => ({ networkPersonId: fx.removablePersonA, reason: 'Flyttet til Aarhus' }),
  'network:addAgreement': (fx) => ({ familyId: fx.a, responsible: { kind: 'network', networkPersonId: fx.networkPersonA }, what: 'Henter Liva i vuggestuen om fredagen' }),
  'network:followUp': (fx) => ({ agreementId: fx.agreementA, status: 'kept', note: 'Mormor passede Liva to gange' }),
  'networkMeetings:create': (fx) => ({ familyId: fx.a, heldOn: daysFromToday(-1), participants: [{ kind: 'network', networkPersonId: fx.networkPersonA }], topics: ['Weekenden'] }),
  'networkMeetings:get': (fx) => ({ meetingId: fx.meetingA }),
  'networkMeetings:amend': (fx) => ({ meetingId: fx.meetingA, reason: 'Manglede en deltager', text: 'Far deltog også.' }),
  'safetyPlan:get': (fx) => ({ familyId: fx.a }),
  'safetyPlan:save': (fx) => safetyInput(fx.a, 1, fx.networkPersonA),
  'safetyPlan:diff': (fx) => ({ familyId: fx.a, fromVersion: 1, toVersion: 1 }),
  'discharge:get': (fx) => ({ familyId: fx.a }),
  // The samples run in this order: the status change makes version 2, the save after it version 3.
  'discharge:setStepStatus': (fx) => ({ familyId: fx.a, baseVersion: fx.planVersionA, stepKey: fx.stepKeyA, status: 'done', evaluation: 'Gik godt.' }),
  'discharge:save': (fx) => dischargeInput(fx.a, fx.planVersionA + 1, fx.networkPersonA),
  'discharge:diff': (fx) => ({ familyId: fx.a, fromVersion: 1, toVersion: 2 }),
  'discharge:overdue': () => ({}),
  'handoverPackage:get': (fx) => ({ familyId: fx.a }),
  'instruments:list': { noFamilyData: 'instrument definitions' },
  'instruments:create': { noFamilyData: 'instrument definitions' },
  'instruments:update': { noFamilyData: 'instrument definitions' },
  'instruments:setActive': { noFamilyData: 'instrument definitions' },
  'measurements:create': (fx) => ({ familyId: fx.a, personId: fx.motherA, instrumentId: fx.pss, measuredOn: '2026-11-10', items: pssItems }),
  'measurements:correct': (fx) => ({ measurementId: fx.measurementA, reason: 'Tastefejl', measuredOn: '2026-11-10', items: pssItems }),
  'measurements:withdraw': (fx) => ({ measurementId: fx.measurementA2, reason: 'Registreret på den forkerte forælder' }),
  'progression:family': (fx) => ({ familyId: fx.a }),
  'progression:chart': (fx) => ({ familyId: fx.a }),
  'progression:overview': () => ({}),
  'goals:list': (fx) => ({ familyId: fx.a }),
  'goals:create': (fx) => ({ familyId: fx.a, text: 'Vi vil lære at læse babyens signaler', area: 'interaction', startDate: '2026-11-01' }),
  'goals:revise': (fx) => ({ goalId: fx.goalA, text: 'Vi vil forstå, hvad babyen vil', area: 'interaction', startDate: '2026-11-01', status: 'active', reason: 'Med forældrenes egne ord' }),
  'goals:review': (fx) => ({ goalId: fx.goalA, reviewedOn: '2026-11-20', staffScore: 4, parentScore: 6 }),
  'goals:linkObservation': (fx) => ({ goalId: fx.goalA, observationId: fx.observationA }),
  'goals:signObservation': (fx) => ({ ...note(fx.a, fx.categoryId, 'Mor læste babyens signaler ved badet'), goalIds: [fx.goalA] }),
  'statusReports:list': (fx) => ({ familyId: fx.a }),
  'statusReports:get': (fx) => ({ reportId: fx.reportA }),
  'statusReports:create': (fx) => ({ familyId: fx.a, periodFrom: '2026-10-01', periodTo: '2026-11-30' }),
  'statusReports:update': (fx) => ({ reportId: fx.reportA, sections: { summary: 'Familien er i god udvikling.' }, observationIds: [fx.observationA] }),
  'statusReports:sign': (fx) => ({ reportId: fx.reportA2 }),
  'evaluation:export': () => ({ includeCurrent: true }),
};

/** Families an output shows: `familyId` fields, and family rows (id with a display name). */
function familiesIn(value: unknown, found = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const v of value) familiesIn(v, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.familyId === 'number') found.add(o.familyId);
    if (typeof o.id === 'number' && typeof o.displayName === 'string') found.add(o.id);
    for (const v of Object.values(o)) familiesIn(v, found);
  }
  return found;
}

let backend: BackendCore;
let fx: Fixture;

/** The Electron shell's PDF printer stands in here as a user who cancels the save dialog (printToPDF needs Electron). */
const cancellingPrinter = { savePdf: async () => 'canceled' as const };

async function freshFixture(): Promise<void> {
  ({ backend } = await setUp({ printer: cancellingPrinter }));
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const a = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'child', name: 'Baby', dueDate: '2027-01-10' }] });
  const b = await must(backend, 'families:create', { displayName: 'Familien Åberg', startDate: '2026-10-05', persons: [{ kind: 'mother', name: 'Mor Åberg', cpr: '010203-1234' }] });
  const observationA = await must(backend, 'journal:sign', note(a.id, categoryId, 'Mor og baby sov godt; søvn'));
  await must(backend, 'journal:sign', note(b.id, categoryId, 'Far var vred; søvn', 'serious'));
  const seriousB = (await must(backend, 'concerns:pending', {}))[0]!.id;
  const draftA = await must(backend, 'journal:saveDraft', note(a.id, categoryId, 'Kladde'));
  await must(backend, 'team:add', { familyId: a.id, name: 'Psykolog Per', role: 'psychologist' });
  const withMember = await must(backend, 'team:add', { familyId: a.id, name: 'Jordemoder Jette', role: 'midwife' });
  const withMother = await must(backend, 'persons:add', { familyId: a.id, kind: 'mother', name: 'Mor Ærø' });
  const motherA = withMother.persons.find((p) => p.kind === 'mother')!.id;
  const pss = (await must(backend, 'instruments:list', {})).find((i) => i.key === 'pss')!.id;
  const measure = () => must(backend, 'measurements:create', { familyId: a.id, personId: motherA, instrumentId: pss, measuredOn: '2026-11-02', items: pssItems });
  const report = () => must(backend, 'statusReports:create', { familyId: a.id, periodFrom: '2026-10-01', periodTo: '2026-11-30' });
  fx = {
    a: a.id,
    b: b.id,
    personA: a.persons[0]!.id,
    observationA: observationA.id,
    seriousB,
    draftA: draftA.id,
    memberA: withMember.team.find((m) => m.name === 'Psykolog Per')!.id,
    coordinatorA: withMember.team.find((m) => m.name === 'Jordemoder Jette')!.id,
    underretningA: (await must(backend, 'underretninger:create', { familyId: a.id, sentOn: '2026-11-15', municipality: 'Greve Kommune', reason: 'Vold i hjemmet' })).id,
    categoryId,
    ...(await networkAndPlansA(a.id)),
    motherA,
    pss,
    measurementA: (await measure()).id,
    measurementA2: (await measure()).id,
    goalA: (await must(backend, 'goals:create', { familyId: a.id, text: 'Vi vil have faste sovetider', area: 'care_structure', startDate: '2026-10-15' })).id,
    reportA: (await report()).id,
    reportA2: (await report()).id,
  };
}

/** Family A's network and plans; the plan's second step (a weekend from today) gives the handover a step for today. */
async function networkAndPlansA(familyId: number) {
  const made = await networkAndPlans(backend, familyId);
  const removable = await must(backend, 'network:addPerson', personInput(familyId, 'Nabo Nils'));
  return {
    networkPersonA: made.networkPersonId,
    removablePersonA: removable.persons.find((p) => p.name === 'Nabo Nils')!.id,
    agreementA: made.agreementId,
    meetingA: made.meetingId,
    planVersionA: made.planVersion,
    stepKeyA: made.firstStepKey,
  };
}

async function lastLogId(): Promise<number> {
  const row = await backend.unlocked()!.db.selectFrom('access_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? 0;
}

describe('the access log names every family a call showed or changed', () => {
  beforeAll(freshFixture);
  afterAll(() => backend.close());

  for (const [name, sample] of Object.entries(samples) as Array<[SessionChannel, (typeof samples)[SessionChannel]]>) {
    if (typeof sample !== 'function') continue;
    it(`${name}: one row per family in its output`, async () => {
      // A fresh session: repeated views in one session are folded into one row.
      await must(backend, 'session:logout', {});
      await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
      const before = await lastLogId();
      const result = await attempt(backend, name, sample(fx) as ChannelInput<typeof name>);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const shown = familiesIn(result.ok ? result.value : null);
      const rows = await backend.unlocked()!.db.selectFrom('access_log').selectAll().where('id', '>', before).where('channel', '=', name).execute();
      expect(rows.length).toBeGreaterThan(0);
      const named = new Set(rows.map((r) => r.family_id).filter((id): id is number => id !== null));
      for (const familyId of shown) expect(named.has(familyId), `${name} showed family ${familyId} without naming it`).toBe(true);
      if (!['accessLog:list', 'access:directory', 'families:list', 'retention:due'].includes(name)) {
        // Calls about one family name it even when the output does not (acknowledge, break the glass).
        expect(named.size).toBeGreaterThan(0);
      }
    });
  }
});

describe('the access log', () => {
  beforeAll(freshFixture);
  afterAll(() => backend.close());

  it('folds repeated views in one session, and logs them again in the next', async () => {
    const before = await lastLogId();
    for (let i = 0; i < 3; i++) {
      await must(backend, 'overview:front', {});
      await must(backend, 'families:get', { familyId: fx.a });
    }
    const rows = await backend.unlocked()!.db.selectFrom('access_log').selectAll().where('id', '>', before).execute();
    expect(rows.filter((r) => r.channel === 'families:get')).toHaveLength(1);
    expect(rows.filter((r) => r.channel === 'overview:front').map((r) => r.family_id).sort()).toEqual([fx.a, fx.b].sort());
    // Writes are never folded.
    await must(backend, 'journal:sign', note(fx.a, fx.categoryId, 'Første'));
    await must(backend, 'journal:sign', note(fx.a, fx.categoryId, 'Anden'));
    expect(await backend.unlocked()!.db.selectFrom('access_log').select('id').where('id', '>', before).where('channel', '=', 'journal:sign').execute()).toHaveLength(2);
  });

  it('masks CPR-like digit runs in search terms', async () => {
    await must(backend, 'journal:search', { query: '010203-1234 søvn 0102031234' });
    const row = (await must(backend, 'accessLog:list', { action: 'search' })).entries[0]!;
    expect(row.detail).toBe(JSON.stringify({ terms: '••••••-•••• søvn ••••••••••' }));
    const everything = backend.unlocked()!.sqlite.prepare('select group_concat(coalesce(detail, \'\') || coalesce(subject, \'\')) from access_log').pluck().get() as string;
    expect(everything).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('refuses UPDATE and DELETE in SQL', () => {
    const sqlite = backend.unlocked()!.sqlite;
    expect(() => sqlite.prepare("update access_log set subject = 'ændret' where id = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('update access_log set detail = null where id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from access_log where id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("update access_log set hash = 'x' where id = 1").run()).toThrow(/append-only/);
  });

  it('the family report lists exactly the accesses to that family, without staff names unless chosen', async () => {
    const report = await must(backend, 'accessLog:familyReport', { familyId: fx.b });
    const rows = await backend.unlocked()!.db.selectFrom('access_log').select(['at', 'action']).where('family_id', '=', fx.b).orderBy('id').execute();
    // The report's own row is written after it is made.
    expect(report.rows.map((r) => [r.at, r.action])).toEqual(rows.slice(0, report.rows.length).map((r) => [r.at, r.action]));
    expect(rows.length).toBe(report.rows.length + 1);
    expect(report.rows.every((r) => r.userName === null)).toBe(true);
    const withStaff = await must(backend, 'accessLog:familyReport', { familyId: fx.b, includeStaff: true });
    expect(withStaff.rows.some((r) => r.userName === ADMIN.name)).toBe(true);
  });

  it('verifies: an intact chain and its anchor', async () => {
    const report = await must(backend, 'accessLog:verify', {});
    expect(report.broken).toBeNull();
    expect(report.checked).toBeGreaterThan(10);
    // The anchor is written at logout, lock and close, and every few minutes in idle time.
    await must(backend, 'session:logout', {});
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    expect((await must(backend, 'accessLog:verify', {})).anchor.status).toBe('ok');
  });
});

describe('tampering with the access log is detected', () => {
  /** A copy of a data folder whose database is then changed straight through the driver (drop the triggers first). */
  async function tamperedCopy(source: BackendCore, change: (sqlite: ReturnType<typeof openEncrypted>) => void): Promise<BackendCore> {
    const key = Buffer.from(source.unlocked()!.key);
    await must(source, 'session:logout', {});
    const dir = tempDir();
    for (const name of [DB_FILE_NAME, KEYFILE_NAME, ANCHOR_FILE_NAME]) fs.copyFileSync(path.join(source.dataDir, name), path.join(dir, name));
    const sqlite = openEncrypted(path.join(dir, DB_FILE_NAME), key);
    for (const t of ['access_log_no_delete', 'access_log_no_update', 'access_log_hash_once']) sqlite.exec(`drop trigger ${t}`);
    change(sqlite);
    sqlite.close();
    const copy = newBackend({ dataDir: dir });
    await must(copy, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await must(source, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    return copy;
  }

  beforeAll(freshFixture);
  afterAll(() => backend.close());

  it('an edited row: verify names it', async () => {
    const copy = await tamperedCopy(backend, (sqlite) => sqlite.prepare("update access_log set subject = 'intet at se' where id = 5").run());
    const report = await must(copy, 'accessLog:verify', {});
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual({ id: 5, reason: 'Rækken er ændret.' });
    await copy.close();
  });

  it('a deleted row in the middle: verify names the gap', async () => {
    const copy = await tamperedCopy(backend, (sqlite) => sqlite.prepare('delete from access_log where id = 7').run());
    const report = await must(copy, 'accessLog:verify', {});
    expect(report.broken).toEqual({ id: 8, reason: 'Række 7 mangler (slettet).' });
    await copy.close();
  });

  it('the newest rows deleted: the gap they leave is named', async () => {
    let last = 0;
    const copy = await tamperedCopy(backend, (sqlite) => {
      last = sqlite.prepare('select max(id) from access_log').pluck().get() as number;
      sqlite.prepare('delete from access_log where id > ?').run(last - 3);
    });
    const report = await must(copy, 'accessLog:verify', {});
    expect(report.ok).toBe(false);
    expect(report.broken?.reason).toBe(`Række ${last - 2} mangler (slettet).`);
    await copy.close();
  });

  it('the database rolled back alone (an older copy of the file): the anchor no longer matches', async () => {
    await must(backend, 'session:logout', {});
    const older = fs.readFileSync(path.join(backend.dataDir, DB_FILE_NAME));
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    for (let i = 0; i < 3; i++) await must(backend, 'journal:sign', note(fx.a, fx.categoryId, `Senere notat ${i}`));
    await must(backend, 'session:logout', {});
    // Back to the older file; the anchor written at the last logout stays.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(backend.dataDir, `${DB_FILE_NAME}${suffix}`), { force: true });
    fs.writeFileSync(path.join(backend.dataDir, DB_FILE_NAME), older);
    await must(backend, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    const report = await must(backend, 'accessLog:verify', {});
    expect(report.broken).toBeNull();
    expect(['behind', 'mismatch']).toContain(report.anchor.status);
    expect(report.ok).toBe(false);
    // An administrator re-anchors after a restore, with a logged reason.
    const after = await must(backend, 'accessLog:reanchor', { reason: 'Gendannet fra sikkerhedskopi' });
    expect(after.anchor.status).toBe('ok');
    expect((await must(backend, 'accessLog:list', {})).entries.some((e) => e.subject === 'adgangsloggens anker nulstillet: Gendannet fra sikkerhedskopi')).toBe(true);
  });

  it('an erased detail (retention) still verifies; a changed one does not', async () => {
    const copy = await tamperedCopy(backend, (sqlite) => {
      sqlite.prepare("insert into retention_mode values ('retention')").run();
      sqlite.prepare('update access_log set detail = null where id = 3').run();
      sqlite.prepare('delete from retention_mode').run();
    });
    expect((await must(copy, 'accessLog:verify', {})).broken).toBeNull();
    await copy.close();
    const changed = await tamperedCopy(backend, (sqlite) => {
      sqlite.exec('drop trigger access_log_detail_retention_only');
      sqlite.prepare(`update access_log set detail = '{"x":1}' where id = (select min(id) from access_log where detail is not null)`).run();
    });
    expect((await must(changed, 'accessLog:verify', {})).broken?.reason).toBe('Rækkens detaljer er ændret.');
    await changed.close();
  });

  it('retention deletes old rows and the rest still verifies', async () => {
    // A chain whose first rows were written six years ago, then today's.
    const dir = tempDir();
    const key = Buffer.alloc(32, 1);
    const sqlite = openEncrypted(path.join(dir, DB_FILE_NAME), key, { create: true });
    const db = createKysely(sqlite);
    await migrate(sqlite, db);
    const old = new Date(Date.now() - 6 * 365 * 86_400_000).toISOString();
    const row = (at: string) => ({ at, user_id: null, session_id: null, action: 'read', channel: 'x', subject: 'x', family_id: null, detail: '{"a":1}', verified: 1 as const });
    await db.transaction().execute((trx) => appendAccessLog(trx, [row(old), row(old), row(new Date().toISOString()), row(new Date().toISOString())]));
    const result = await db.transaction().execute((trx) => applyAccessLogRetention(trx, { before: new Date(Date.now() - 5 * 365 * 86_400_000).toISOString() }));
    expect(result.deleted).toBe(2);
    expect(await verifyAccessLog(db)).toMatchObject({ ok: true, checked: 2, broken: null });
    // Outside the retention job, deleting is still refused.
    expect(() => sqlite.prepare('delete from access_log').run()).toThrow(/append-only/);
    sqlite.close();
  });
});
