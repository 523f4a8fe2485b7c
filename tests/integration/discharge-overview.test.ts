import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishDate } from '../../common/text-input';
import type { BackendCore } from '../../main/core/backend';
import { ADMIN, attempt, createUser, loginAs, must, setUp } from '../helpers';
import { daysFromToday, dischargeInput, networkAndPlans } from '../plan-fixtures';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };

let backend: BackendCore;
let familyId: number;
let networkPersonId: number;

beforeAll(async () => {
  ({ backend } = await setUp());
  await createUser(backend, BENT);
  const f = await must(backend, 'families:create', {
    displayName: 'Familien Ærø',
    startDate: daysFromToday(-60),
    persons: [{ kind: 'mother', name: 'Mor Ærø', cpr: '010190-0003' }, { kind: 'child', name: 'Liva', birthDate: daysFromToday(-70) }],
  });
  familyId = f.id;
  ({ networkPersonId } = await networkAndPlans(backend, familyId));
  // Version 2: the plan's steps against today — one overdue, one today, one ahead, one done, one cancelled today.
  await must(
    backend,
    'discharge:save',
    dischargeInput(familyId, 1, networkPersonId, [
      { key: 1, title: 'Første dag hjemme', startsOn: daysFromToday(-10), responsible: { kind: 'other', name: 'Familiebehandler Bente' } },
      { key: 2, title: 'Første weekend', startsOn: daysFromToday(-1), endsOn: daysFromToday(1), responsible: { kind: 'network', networkPersonId } },
      { key: 3, title: 'Flytning', startsOn: daysFromToday(30), responsible: { kind: 'other', name: 'Far' } },
      { title: 'Besøg i hjemmet', startsOn: daysFromToday(-20), responsible: { kind: 'other', name: 'Sundhedsplejerske Sofie' }, status: 'done', evaluation: 'Fint besøg.' },
      { title: 'Aflyst besøg', startsOn: daysFromToday(0), responsible: { kind: 'other', name: 'Far' }, status: 'cancelled' },
    ]),
  );
  // A closed family's overdue step is nobody's task any more.
  const closed = await must(backend, 'families:create', { displayName: 'Familien Afsluttet', startDate: daysFromToday(-90), persons: [{ kind: 'mother', name: 'Mor' }] });
  await networkAndPlans(backend, closed.id);
  await must(backend, 'families:close', { familyId: closed.id, endDate: daysFromToday(0), outcome: 'own_home' });
});
afterAll(() => backend.close());

describe('the udslusningsplan where others need it', () => {
  it('the shift handover lists today\'s plan steps and the overdue ones', async () => {
    const handover = await must(backend, 'handover:get', {});
    expect(handover.families.map((f) => f.displayName)).toEqual(['Familien Ærø']);
    expect(handover.families[0]!.plannedToday).toEqual([
      {
        kind: 'plan_step',
        label: `Udslusning: Første dag hjemme — skulle være afsluttet ${danishDate(daysFromToday(-10))} (ansvarlig: Familiebehandler Bente)`,
        date: daysFromToday(-10),
        overdue: true,
      },
      {
        kind: 'plan_step',
        label: `Udslusning: Første weekend (${danishDate(daysFromToday(-1))}–${danishDate(daysFromToday(1))}) (ansvarlig: Mormor Grethe (mormor))`,
        date: daysFromToday(-1),
        overdue: false,
      },
    ]);
    // Plan steps are listed once, under the plan (measurements and goal reviews due are in `due`).
    expect(handover.families[0]!.due.filter((d) => d.kind === 'plan_step')).toEqual([]);
  });

  it('the family overview has the plan\'s destination as the outcome to offer, its unfinished and overdue steps', async () => {
    const family = await must(backend, 'families:get', { familyId });
    expect(family.dischargePlan).toMatchObject({ version: 2, destination: 'own_home', suggestedOutcome: 'own_home', targetDate: daysFromToday(40) });
    expect(family.dischargePlan?.unfinishedSteps.map((s) => [s.title, s.status, s.overdue])).toEqual([
      ['Første dag hjemme', 'planned', true],
      ['Første weekend', 'planned', false],
      ['Flytning', 'planned', false],
    ]);
    expect(family.dischargePlan?.overdueSteps.map((s) => s.title)).toEqual(['Første dag hjemme']);
    expect(family.dischargePlan?.nextStep?.title).toBe('Første weekend');
    const none = await must(backend, 'families:create', { displayName: 'Familien Uden Plan', startDate: daysFromToday(-5), persons: [{ kind: 'mother', name: 'Mor' }] });
    expect(none.dischargePlan).toBeNull();
  });

  it('leaders see every overdue step in open families; staff may not ask', async () => {
    const overdue = await must(backend, 'discharge:overdue', {});
    expect(overdue.map((s) => [s.familyName, s.title, s.daysOverdue, s.planVersion, s.responsible])).toEqual([['Familien Ærø', 'Første dag hjemme', 10, 2, 'Familiebehandler Bente']]);
    await loginAs(backend, BENT.loginName, BENT.password);
    expect((await attempt(backend, 'discharge:overdue', {})).ok).toBe(false);
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
  });

  it('the overleveringspakke holds the plan, goals, network agreements and safety plan, without CPR, and is logged as an export', async () => {
    const goal = await must(backend, 'goals:create', { familyId, text: 'Vi vil have faste sovetider', area: 'care_structure', startDate: daysFromToday(-20), targetDate: daysFromToday(30) });
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: daysFromToday(-2), staffScore: 4, parentScore: 6, note: 'Liva sover kl. 19 de fleste aftener.' });
    const pkg = await must(backend, 'handoverPackage:get', { familyId });
    expect(pkg.family).toMatchObject({ displayName: 'Familien Ærø', persons: [{ name: 'Mor Ærø', kindLabel: 'Mor' }, { name: 'Liva', kindLabel: 'Barn' }] });
    expect(pkg.family.team[0]).toMatchObject({ name: ADMIN.name, roleLabel: 'Familiebehandler', isCoordinator: true });
    expect(pkg.dischargePlan?.version).toBe(2);
    expect(pkg.dischargePlan?.support[0]).toMatchObject({ service: 'Ambulant familiebehandling, Greve Kommune', handoverMeetingOn: daysFromToday(25) });
    expect(pkg.timeline.map((t) => t.title)).toEqual(['Besøg i hjemmet', 'Første dag hjemme', 'Første weekend', 'Aflyst besøg', 'Flytning']);
    expect(pkg.goals).toEqual([
      {
        goalId: goal.id,
        title: 'Vi vil have faste sovetider',
        area: 'Omsorg og struktur i hverdagen',
        status: 'I gang',
        startDate: daysFromToday(-20),
        targetDate: daysFromToday(30),
        latestReview: { date: daysFromToday(-2), score: 4, note: 'Liva sover kl. 19 de fleste aftener.' },
      },
    ]);
    expect(pkg.network.agreements.map((a) => [a.what, a.responsible.name])).toEqual([['Passer Liva tirsdag eftermiddag', 'Mormor Grethe']]);
    expect(pkg.network.lastMeetingOn).toBe(daysFromToday(-5));
    expect(pkg.safetyPlan).toMatchObject({ version: 1, contacts: [{ who: { name: 'Mormor Grethe' }, phone: '20 30 40 50' }] });
    expect(JSON.stringify(pkg)).not.toMatch(/010190-?0003/);

    await must(backend, 'handoverPackage:get', { familyId });
    await must(backend, 'print:record', { document: 'handover_package', familyIds: [familyId] });
    const rows = (await must(backend, 'accessLog:list', { familyId })).entries;
    const exports = rows.filter((r) => r.channel === 'handoverPackage:get');
    // An export is never folded: each one is in the log.
    expect(exports.map((r) => [r.action, r.subject])).toEqual([
      ['export', 'overleveringspakke'],
      ['export', 'overleveringspakke'],
    ]);
    expect(rows.some((r) => r.action === 'print' && r.subject === 'udskrift: overleveringspakke')).toBe(true);
  });
});
