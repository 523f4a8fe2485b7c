import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, type ChannelInput, type ChannelName } from '../../common/channels';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, attempt, createUser, exceptAccessLog, loginAs, must, setUp, tableChecksums, TEST_ENGINE, noteInput as note } from '../helpers';
import { daysFromToday, dischargeInput, networkAndPlans, personFields, personInput, safetyInput } from '../plan-fixtures';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LIS = { loginName: 'lis', role: 'leader' as const, password: 'rød båd i havnen 55' };

type StaffChannel = { [C in ChannelName]: (typeof channels)[C]['access'] extends 'session' ? C : never }[ChannelName];

interface Fixture {
  a: number;
  b: number;
  personB: number;
  observationB: number;
  memberB: number;
  underretningB: number;
  categoryId: number;
  networkPersonB: number;
  agreementB: number;
  meetingB: number;
  stepKeyB: number;
  pss: number;
  measurementB: number;
  goalB: number;
  reportB: number;
}

/** PSS: 18 items, each 1–5. */
const pssItems = Array.from({ length: 18 }, () => ({ value: 3 }));


/**
 * Every channel any logged-in user may call: how it reaches family B (not on Bent's team), or why it does not touch
 * one family. A Record over all of them, so a new channel must be placed here before this compiles.
 */
const reachB: Record<StaffChannel, ((fx: Fixture) => unknown) | { notOneFamily: string }> = {
  'session:lock': { notOneFamily: 'session' },
  'session:ping': { notOneFamily: 'session' },
  'session:changePassword': { notOneFamily: 'own password' },
  'settings:get': { notOneFamily: 'settings' },
  'users:directory': { notOneFamily: 'staff names' },
  'journal:categories': { notOneFamily: 'categories' },
  'journal:drafts': { notOneFamily: 'own drafts' },
  'journal:discardDraft': { notOneFamily: 'own drafts' },
  'families:list': { notOneFamily: 'a list limited to the user\'s families (tested below)' },
  'overview:front': { notOneFamily: 'a list limited to the user\'s families (tested below)' },
  'handover:get': { notOneFamily: 'a list limited to the user\'s families (tested below)' },
  'print:record': (fx) => ({ document: 'handover', familyIds: [fx.b] }),
  'print:savePdf': (fx) => ({ document: 'progression_report', familyIds: [fx.b], fileName: 'Udviklingsrapport.pdf' }),
  'access:directory': { notOneFamily: 'names only, to choose a family to break the glass for' },
  'access:breakGlass': { notOneFamily: 'the way in (tested below)' },
  'families:create': { notOneFamily: 'a new family, with its creator on the team' },
  'families:get': (fx) => ({ familyId: fx.b }),
  'families:update': (fx) => ({ familyId: fx.b, displayName: 'Ændret', startDate: '2026-10-05' }),
  'families:changePhase': (fx) => ({ familyId: fx.b, phase: 'stay', fromDate: '2026-11-02' }),
  'persons:add': (fx) => ({ familyId: fx.b, kind: 'father', name: 'Far' }),
  'persons:update': (fx) => ({ personId: fx.personB, kind: 'mother', name: 'Mor', keepCpr: true }),
  'persons:markBorn': (fx) => ({ personId: fx.personB, birthDate: '2026-11-01', name: 'Baby' }),
  'persons:revealCpr': (fx) => ({ personId: fx.personB }),
  'team:add': (fx) => ({ familyId: fx.b, name: 'Ekstern', role: 'psychologist' }),
  'team:remove': (fx) => ({ memberId: fx.memberB }),
  'team:setCoordinator': (fx) => ({ familyId: fx.b, memberId: fx.memberB }),
  'journal:saveDraft': (fx) => note(fx.b, fx.categoryId, 'Kladde'),
  'journal:sign': (fx) => note(fx.b, fx.categoryId, 'Notat'),
  'journal:amend': (fx) => ({ observationId: fx.observationB, reason: 'Rettelse', text: 'Tekst' }),
  'journal:timeline': (fx) => ({ familyId: fx.b }),
  'journal:search': (fx) => ({ query: 'søvn', familyId: fx.b }),
  'underretninger:create': (fx) => ({ familyId: fx.b, sentOn: '2026-11-20', municipality: 'Greve Kommune', reason: 'Bekymring' }),
  'underretninger:amend': (fx) => ({ underretningId: fx.underretningB, reason: 'Præcisering', text: 'Tekst' }),
  'network:get': (fx) => ({ familyId: fx.b }),
  'network:addPerson': (fx) => personInput(fx.b, 'Veninde Sara'),
  'network:updatePerson': (fx) => ({ ...personFields(), networkPersonId: fx.networkPersonB }),
  'network:removePerson': (fx) => ({ networkPersonId: fx.networkPersonB }),
  'network:addAgreement': (fx) => ({ familyId: fx.b, responsible: { kind: 'other', name: 'Nabo' }, what: 'Handler ind' }),
  'network:followUp': (fx) => ({ agreementId: fx.agreementB, status: 'kept' }),
  'networkMeetings:create': (fx) => ({ familyId: fx.b, heldOn: daysFromToday(-1), participants: [{ kind: 'other', name: 'Mor' }], topics: [] }),
  'networkMeetings:get': (fx) => ({ meetingId: fx.meetingB }),
  'networkMeetings:amend': (fx) => ({ meetingId: fx.meetingB, reason: 'Rettelse', text: 'Tekst' }),
  'safetyPlan:get': (fx) => ({ familyId: fx.b }),
  'safetyPlan:save': (fx) => safetyInput(fx.b, 1, fx.networkPersonB),
  'safetyPlan:diff': (fx) => ({ familyId: fx.b, fromVersion: 1, toVersion: 1 }),
  'discharge:get': (fx) => ({ familyId: fx.b }),
  'discharge:save': (fx) => dischargeInput(fx.b, 1, fx.networkPersonB),
  'discharge:setStepStatus': (fx) => ({ familyId: fx.b, baseVersion: 1, stepKey: fx.stepKeyB, status: 'done' }),
  'discharge:diff': (fx) => ({ familyId: fx.b, fromVersion: 1, toVersion: 1 }),
  'handoverPackage:get': (fx) => ({ familyId: fx.b }),
  'instruments:list': { notOneFamily: 'the institution\'s instrument definitions' },
  'measurements:create': (fx) => ({ familyId: fx.b, personId: fx.personB, instrumentId: fx.pss, measuredOn: '2026-11-10', items: pssItems }),
  'measurements:correct': (fx) => ({ measurementId: fx.measurementB, reason: 'Rettelse', measuredOn: '2026-11-10', items: pssItems }),
  'measurements:withdraw': (fx) => ({ measurementId: fx.measurementB, reason: 'Fejl' }),
  'progression:family': (fx) => ({ familyId: fx.b }),
  'progression:chart': (fx) => ({ familyId: fx.b }),
  'goals:list': (fx) => ({ familyId: fx.b }),
  'goals:create': (fx) => ({ familyId: fx.b, text: 'Mål', area: 'interaction', startDate: '2026-11-01' }),
  'goals:revise': (fx) => ({ goalId: fx.goalB, text: 'Mål', area: 'network', startDate: '2026-11-01', status: 'active', reason: 'Ny ordlyd' }),
  'goals:review': (fx) => ({ goalId: fx.goalB, reviewedOn: '2026-11-20', staffScore: 5 }),
  'goals:linkObservation': (fx) => ({ goalId: fx.goalB, observationId: fx.observationB }),
  'goals:signObservation': (fx) => ({ ...note(fx.b, fx.categoryId, 'Notat'), goalIds: [fx.goalB] }),
  'statusReports:list': (fx) => ({ familyId: fx.b }),
  'statusReports:get': (fx) => ({ reportId: fx.reportB }),
  'statusReports:create': (fx) => ({ familyId: fx.b, periodFrom: '2026-10-05', periodTo: '2026-11-30' }),
  'statusReports:update': (fx) => ({ reportId: fx.reportB, sections: { summary: 'Tekst' } }),
  'statusReports:sign': (fx) => ({ reportId: fx.reportB }),
};

let backend: BackendCore;
let fx: Fixture;

beforeAll(async () => {
  ({ backend } = await setUp());
  await createUser(backend, BENT);
  await createUser(backend, LIS);
  const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
  const directory = await must(backend, 'users:directory', {});
  const bentId = directory.find((u) => u.name === BENT.loginName)!.id;
  const a = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
  await must(backend, 'team:add', { familyId: a.id, userId: bentId, role: 'family_therapist' });
  await must(backend, 'journal:sign', note(a.id, categoryId, 'Søvn i familien Ærø'));
  const b = await must(backend, 'families:create', { displayName: 'Familien Åberg', startDate: '2026-10-05', persons: [{ kind: 'child', name: 'Baby Åberg', dueDate: '2027-01-01' }] });
  const observationB = await must(backend, 'journal:sign', note(b.id, categoryId, 'Søvn i familien Åberg'));
  const withMember = await must(backend, 'team:add', { familyId: b.id, name: 'Psykolog Per', role: 'psychologist' });
  const underretningB = (await must(backend, 'underretninger:create', { familyId: b.id, sentOn: '2026-11-15', municipality: 'Greve Kommune', reason: 'Bekymring' })).id;
  const plansB = await networkAndPlans(backend, b.id);
  const motherB = (await must(backend, 'persons:add', { familyId: b.id, kind: 'mother', name: 'Mor Åberg' })).persons.find((p) => p.kind === 'mother')!.id;
  const pss = (await must(backend, 'instruments:list', {})).find((i) => i.key === 'pss')!.id;
  const measurementB = (await must(backend, 'measurements:create', { familyId: b.id, personId: motherB, instrumentId: pss, measuredOn: '2026-11-02', items: pssItems })).id;
  const goalB = (await must(backend, 'goals:create', { familyId: b.id, text: 'Faste sovetider', area: 'care_structure', startDate: '2026-10-15' })).id;
  const reportB = (await must(backend, 'statusReports:create', { familyId: b.id, periodFrom: '2026-10-05', periodTo: '2026-11-30' })).id;
  fx = {
    a: a.id,
    b: b.id,
    personB: b.persons[0]!.id,
    observationB: observationB.id,
    memberB: withMember.team.find((m) => m.name === 'Psykolog Per')!.id,
    categoryId,
    underretningB,
    networkPersonB: plansB.networkPersonId,
    agreementB: plansB.agreementId,
    meetingB: plansB.meetingId,
    stepKeyB: plansB.firstStepKey,
    pss,
    measurementB,
    goalB,
    reportB,
  };
});

afterAll(() => backend.close());

describe('need-to-know', () => {
  it('is off by default: every staff member reads every family (night shifts cover all)', async () => {
    expect((await must(backend, 'settings:get', {})).needToKnow).toBe(false);
    await loginAs(backend, BENT.loginName, BENT.password);
    expect((await must(backend, 'families:list', {})).map((f) => f.id).sort()).toEqual([fx.a, fx.b].sort());
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
  });

  describe('switched on', () => {
    beforeAll(async () => {
      const current = await must(backend, 'settings:get', {});
      await must(backend, 'settings:update', { institutionName: current.institutionName, idleLockMinutes: current.idleLockMinutes, needToKnow: true });
      await loginAs(backend, BENT.loginName, BENT.password);
    });

    for (const [name, reach] of Object.entries(reachB) as Array<[StaffChannel, (typeof reachB)[StaffChannel]]>) {
      if (typeof reach !== 'function') continue;
      it(`${name}: a staff member not on the family's team gets forbidden, nothing changes, and the refusal is logged`, async () => {
        const before = await tableChecksums(backend);
        const result = await attempt(backend, name, reach(fx) as ChannelInput<typeof name>);
        expect(result.ok ? null : result.error.code).toBe('forbidden');
        expect(result.ok ? '' : result.error.message).toMatch(/^Du er ikke i familiens indsatsteam/);
        const after = await tableChecksums(backend);
        // Only the access log gained the refusal.
        expect(exceptAccessLog(after)).toEqual(exceptAccessLog(before));
        const denied = await backend.store()!.db.selectFrom('access_log').selectAll().where('action', '=', 'denied').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
        expect([denied.channel, denied.family_id]).toEqual([name, fx.b]);
      });
    }

    it('lists, the front page and search show only the families on the staff member\'s team', async () => {
      expect((await must(backend, 'families:list', {})).map((f) => f.id)).toEqual([fx.a]);
      expect((await must(backend, 'overview:front', {})).families.map((f) => f.id)).toEqual([fx.a]);
      expect((await must(backend, 'handover:get', {})).families.map((f) => f.familyId)).toEqual([fx.a]);
      const hits = await must(backend, 'journal:search', { query: 'søvn' });
      expect(hits.hits.map((h) => h.familyId)).toEqual([fx.a]);
      expect((await must(backend, 'families:get', { familyId: fx.a })).id).toBe(fx.a);
    });

    it('breaking the glass opens one family for the session, with its reason in the access log', async () => {
      const directory = await must(backend, 'access:directory', {});
      expect(directory.map((d) => [d.id, d.onMyTeam])).toEqual(expect.arrayContaining([[fx.a, true], [fx.b, false]]));
      const tooShort = await attempt(backend, 'access:breakGlass', { familyId: fx.b, reason: 'akut' });
      expect(tooShort.ok ? null : tooShort.error.issues?.[0]?.message).toBe('Skriv en begrundelse på mindst 10 tegn.');
      await must(backend, 'access:breakGlass', { familyId: fx.b, reason: 'Mor ringede akut om natten' });
      expect((await must(backend, 'families:get', { familyId: fx.b })).id).toBe(fx.b);
      expect((await must(backend, 'journal:search', { query: 'søvn' })).hits.map((h) => h.familyId).sort()).toEqual([fx.a, fx.b].sort());
      // For this session only.
      await loginAs(backend, BENT.loginName, BENT.password);
      expect((await attempt(backend, 'families:get', { familyId: fx.b })).ok).toBe(false);
      await loginAs(backend, LIS.loginName, LIS.password);
      const rows = (await must(backend, 'accessLog:list', { action: 'break_glass' })).entries;
      // On the server the database writes a row of its own as well (it cannot be skipped from psql either).
      const serverRow = TEST_ENGINE === 'postgres' ? [['glasset brudt (registreret af serveren)', fx.b, BENT.loginName]] : [];
      expect(rows.map((r) => [r.subject, r.familyId, r.userName]).sort()).toEqual([['bryd glasset: Mor ringede akut om natten', fx.b, BENT.loginName], ...serverRow].sort());
    });

    it('leaders and administrators see every family', async () => {
      await loginAs(backend, LIS.loginName, LIS.password);
      expect((await must(backend, 'families:list', {})).map((f) => f.id).sort()).toEqual([fx.a, fx.b].sort());
      await loginAs(backend, ADMIN.loginName, ADMIN.password);
      expect((await must(backend, 'families:get', { familyId: fx.b })).id).toBe(fx.b);
    });
  });
});
