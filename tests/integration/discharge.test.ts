import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../common/channels';
import { danishDate } from '../../common/text-input';
import type { BackendCore } from '../../main/core/backend';
import { attempt, must, setUp, tableChecksums, behindTheAppsBack } from '../helpers';
import { daysFromToday, dischargeInput, personInput } from '../plan-fixtures';
import { PLAN_CHANGED_MESSAGE as PLAN_CHANGED } from '../../common/plan-keys';

let backend: BackendCore;
let familyId: number;
let mormor: number;
let otherFamily: number;
const stayFrom = daysFromToday(-50);

beforeAll(async () => {
  ({ backend } = await setUp());
  const f = await must(backend, 'families:create', { displayName: 'Familien Ærø', startDate: daysFromToday(-60), persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
  familyId = f.id;
  await must(backend, 'families:changePhase', { familyId, phase: 'stay', fromDate: stayFrom });
  mormor = (await must(backend, 'network:addPerson', personInput(familyId))).persons[0]!.id;
  otherFamily = (await must(backend, 'families:create', { displayName: 'Familien Åberg', startDate: daysFromToday(-30), persons: [{ kind: 'mother', name: 'Mor Åberg' }] })).id;
});
afterAll(() => backend.close());

/** Calls a channel that must be refused, and checks that not one row anywhere changed. */
async function refusedUnchanged(channel: Parameters<typeof attempt>[1], input: unknown) {
  const before = await tableChecksums(backend);
  const result = await attempt(backend, channel, input);
  expect(await tableChecksums(backend)).toEqual(before);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

describe('the udslusningsplan', () => {
  it('refuses invalid dates with a Danish message and writes nothing', async () => {
    const input = dischargeInput(familyId, null, mormor);
    const backwards = await refusedUnchanged('discharge:save', { ...input, steps: [{ ...input.steps[1]!, startsOn: daysFromToday(5), endsOn: daysFromToday(3) }] });
    expect(backwards.issues).toEqual([{ path: 'steps.0.endsOn', message: 'Trinnet slutter, før det begynder.' }]);
    const early = await refusedUnchanged('discharge:save', { ...input, targetDate: daysFromToday(-55) });
    expect(early.issues).toEqual([{ path: 'targetDate', message: `Måldatoen ligger før opholdet begyndte (${danishDate(stayFrom)}).` }]);
    const beforeStart = await refusedUnchanged('discharge:save', { ...input, steps: [{ ...input.steps[0]!, startsOn: daysFromToday(-90) }] });
    expect(beforeStart.issues?.[0]?.message).toBe(`Trinnet begynder før forløbets start (${danishDate(daysFromToday(-60))}).`);
    const noSuchDay = await refusedUnchanged('discharge:save', { ...input, targetDate: '2027-02-30' });
    expect(noSuchDay.issues).toEqual([{ path: 'targetDate', message: 'Datoen findes ikke.' }]);
    expect(await must(backend, 'discharge:get', { familyId })).toMatchObject({ plan: null, currentVersion: null, versions: [] });
  });

  it('every change is a new version; a step\'s status change is recorded; an earlier version cannot be changed', async () => {
    const v1 = await must(backend, 'discharge:save', dischargeInput(familyId, null, mormor));
    expect(v1).toMatchObject({ version: 1, destination: 'own_home', madeWith: [{ name: 'Mor' }, { name: 'Mormor Grethe', role: 'mormor' }] });
    expect(v1.steps.map((s) => [s.key, s.title, s.status])).toEqual([
      [1, 'Første dag hjemme', 'planned'],
      [2, 'Første weekend', 'planned'],
      [3, 'Flytning', 'planned'],
    ]);

    const overdueInput = { familyId, baseVersion: 1, stepKey: 1, status: 'done', evaluation: 'Mor var rolig hele dagen.' } as const;
    const v2 = await must(backend, 'discharge:setStepStatus', overdueInput);
    expect(v2.version).toBe(2);
    expect(v2.reason).toBe("Status for trinnet 'Første dag hjemme' ændret fra planlagt til gennemført.");
    expect(v2.steps[0]).toMatchObject({ key: 1, status: 'done', evaluation: 'Mor var rolig hele dagen.' });
    // Postponed with new dates, and a reason.
    const v3 = await must(backend, 'discharge:setStepStatus', { familyId, baseVersion: 2, stepKey: 2, status: 'postponed', startsOn: daysFromToday(7), endsOn: daysFromToday(9), reason: 'Liva var syg.' });
    expect(v3.steps[1]).toMatchObject({ status: 'postponed', startsOn: daysFromToday(7), endsOn: daysFromToday(9) });

    const view = await must(backend, 'discharge:get', { familyId });
    expect(view.currentVersion).toBe(3);
    expect(view.versions.map((v) => [v.version, v.reason, v.changes])).toEqual([
      [1, 'Planen lagt sammen med forældrene og sundhedsplejersken', []],
      [2, "Status for trinnet 'Første dag hjemme' ændret fra planlagt til gennemført.", ["Trin 'Første dag hjemme': Status Planlagt → Gennemført, Evaluering – → Mor var rolig hele dagen."]],
      [
        3,
        'Liva var syg.',
        [`Trin 'Første weekend': Fra ${danishDate(daysFromToday(0))} → ${danishDate(daysFromToday(7))}, Til ${danishDate(daysFromToday(2))} → ${danishDate(daysFromToday(9))}, Status Planlagt → Udskudt`],
      ],
    ]);
    expect(view.stepHistory.find((h) => h.key === 1)?.changes.map((c) => [c.version, c.status])).toEqual([
      [1, 'planned'],
      [2, 'done'],
    ]);
    // Version 1 reads as it was.
    expect((await must(backend, 'discharge:get', { familyId, version: 1 })).plan).toEqual({ ...v1, agreements: [] });

    // Through the channels: a save or status change from an earlier version is refused, nothing written.
    const stale = await refusedUnchanged('discharge:save', { ...dischargeInput(familyId, 1, mormor), reason: 'Ændrer version 1' });
    expect(stale).toMatchObject({ code: 'conflict', message: 'Planen er ændret af en anden, siden du åbnede den. Hent den nyeste udgave, og prøv igen.' });
    expect((await refusedUnchanged('discharge:setStepStatus', { ...overdueInput, stepKey: 3 })).code).toBe('conflict');
    expect((await refusedUnchanged('discharge:setStepStatus', { ...overdueInput, baseVersion: 3, stepKey: 99 })).issues?.[0]?.message).toBe('Trinnet findes ikke i planen.');
    const unknownKey = await refusedUnchanged('discharge:save', dischargeInput(familyId, 3, mormor, [{ key: 42, title: 'Ukendt', startsOn: daysFromToday(1), responsible: { kind: 'other', name: 'Mor' } }]));
    expect(unknownKey.issues).toEqual([{ path: 'steps.0.key', message: 'Punktet findes ikke i den udgave, du ændrede. Hent planen igen.' }]);

    // In SQL: no UPDATE or DELETE, no item added to an earlier version, no version out of order.
    for (const table of ['discharge_plan_versions', 'discharge_plan_steps', 'discharge_plan_parties', 'discharge_plan_support']) {
      await expect(behindTheAppsBack(backend, `update ${table} set id = id`), table).rejects.toThrow(/append-only/);
      await expect(behindTheAppsBack(backend, `delete from ${table}`), table).rejects.toThrow(/append-only/);
    }
    await expect(behindTheAppsBack(backend, "update discharge_plan_steps set status = 'planned' where step_key = 1")).rejects.toThrow(/append-only/);
    const [v1Id] = await behindTheAppsBack(backend, 'select id from discharge_plan_versions where family_id = ? and version = 1', [familyId]);
    await expect(
      behindTheAppsBack(backend, "insert into discharge_plan_steps (version_id, step_key, position, title, starts_on, status, party_kind, party_name) values (?, 9, 9, 'Sneget ind', '2026-12-01', 'planned', 'other', 'X')", [v1Id]),
    ).rejects.toThrow(/earlier version/);
    await expect(
      behindTheAppsBack(backend, "insert into discharge_plan_versions (family_id, version, destination, target_date, reason, author_id, created_at) values (?, 2, 'own_home', '2027-01-01', 'x', 1, 'x')", [familyId]),
    ).rejects.toThrow(/follow the newest/);
  });

  it('two changes from the same version at once (two steps\' status, a step\'s status and a whole plan): one is saved, the other is the Danish conflict, never an internal error', async () => {
    const family = (await must(backend, 'families:create', { displayName: 'Familien Samtidig', startDate: daysFromToday(-60), persons: [{ kind: 'mother', name: 'Mor Samtidig' }] })).id;
    await must(backend, 'families:changePhase', { familyId: family, phase: 'stay', fromDate: stayFrom });
    const person = (await must(backend, 'network:addPerson', personInput(family))).persons[0]!.id;
    const first = await must(backend, 'discharge:save', dischargeInput(family, null, person));
    const [a, b, c] = first.steps.map((s) => s.key);
    const status = (stepKey: number | undefined, baseVersion: number) =>
      backend.dispatch('discharge:setStepStatus', { familyId: family, baseVersion, stepKey: stepKey ?? 0, status: 'cancelled', evaluation: null, reason: null });
    const both = await Promise.all([status(a, first.version), status(b, first.version)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.flatMap((r) => (r.ok ? [] : [r.error]))).toEqual([{ code: 'conflict', message: PLAN_CHANGED }]);
    const mixed = await Promise.all([backend.dispatch('discharge:save', { ...dischargeInput(family, 2, person), reason: 'Hele planen igen' }), status(c, 2)]);
    expect(mixed.filter((r) => r.ok)).toHaveLength(1);
    expect(mixed.flatMap((r) => (r.ok ? [] : [r.error]))).toEqual([{ code: 'conflict', message: PLAN_CHANGED }]);
    expect((await must(backend, 'discharge:get', { familyId: family })).versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('a new version keeps the keys of carried-over steps, so two versions compare as added, removed and changed', async () => {
    const current = (await must(backend, 'discharge:get', { familyId })).plan!;
    const [first, weekend] = current.steps;
    const v4 = await must(backend, 'discharge:save', {
      ...dischargeInput(familyId, 3, mormor, [
        { key: first!.key, title: first!.title, startsOn: first!.startsOn, responsible: { kind: 'other', name: 'Familiebehandler Bente' }, status: 'done', evaluation: first!.evaluation ?? undefined },
        {
          key: weekend!.key,
          title: 'Første weekend hjemme',
          startsOn: weekend!.startsOn,
          endsOn: weekend!.endsOn,
          responsible: { kind: 'network', networkPersonId: mormor },
          description: weekend!.description ?? undefined,
          status: 'postponed',
        },
        { title: 'Anden weekend', startsOn: daysFromToday(14), endsOn: daysFromToday(16), responsible: { kind: 'other', name: 'Mor og far' } },
      ]),
      reason: 'Flytningen udskudt; anden weekend tilføjet',
      destination: 'other_intervention',
    });
    expect(v4.steps.map((s) => s.key)).toEqual([1, 2, 4]);

    const diff = await must(backend, 'discharge:diff', { familyId, fromVersion: 3, toVersion: 4 });
    expect(diff.fields).toEqual([{ field: 'destination', label: 'Udslusning til', before: 'Eget hjem', after: 'Anden indsats' }]);
    expect(diff.steps.map((s) => [s.key, s.change, s.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      [1, 'unchanged', []],
      [2, 'changed', [['title', 'Første weekend', 'Første weekend hjemme']]],
      [3, 'removed', []],
      [4, 'added', []],
    ]);
    expect(diff.steps[2]).toMatchObject({ before: { title: 'Flytning' }, after: null });
    expect(diff.steps[3]).toMatchObject({ before: null, after: { title: 'Anden weekend' } });
    // Side by side across several versions, and the other way round.
    const back = await must(backend, 'discharge:diff', { familyId, fromVersion: 4, toVersion: 1 });
    expect(back.steps.map((s) => [s.key, s.change])).toEqual([
      [1, 'changed'],
      [2, 'changed'],
      [4, 'removed'],
      [3, 'added'],
    ]);
    expect(back.steps[0]!.fields.map((f) => f.label)).toEqual(['Status', 'Evaluering']);
    const missing = await attempt(backend, 'discharge:diff', { familyId, fromVersion: 1, toVersion: 9 });
    expect(missing.ok ? null : missing.error.issues).toEqual([{ path: 'toVersion', message: 'Udgave 9 findes ikke.' }]);
  });

  it('agreements link to the network; a link to another family\'s person or agreement is refused', async () => {
    const own = await must(backend, 'network:addAgreement', { familyId, responsible: { kind: 'network', networkPersonId: mormor }, what: 'Ringer hver aften første uge' });
    const networkAgreement = own.agreements[0]!;
    const strangerNet = await must(backend, 'network:addPerson', personInput(otherFamily, 'Åbergs moster'));
    const foreignAgreement = (await must(backend, 'network:addAgreement', { familyId: otherFamily, responsible: { kind: 'other', name: 'Nabo' }, what: 'Handler ind' })).agreements[0]!;
    const base = (await must(backend, 'discharge:get', { familyId })).currentVersion;
    const plan = (agreements: ChannelInput<'discharge:save'>['agreements']) => ({ ...dischargeInput(familyId, base, mormor), agreements });

    const foreignPerson = await refusedUnchanged('discharge:save', plan([{ kind: 'own', responsible: { kind: 'network', networkPersonId: strangerNet.persons[0]!.id }, what: 'Passer' }]));
    expect(foreignPerson.issues).toEqual([{ path: 'agreements.0.responsible', message: 'Personen hører ikke til familiens netværk.' }]);
    const foreignLink = await refusedUnchanged('discharge:save', plan([{ kind: 'network', networkAgreementId: foreignAgreement.id }]));
    expect(foreignLink.issues).toEqual([{ path: 'agreements.0.networkAgreementId', message: 'Aftalen hører ikke til familiens netværk.' }]);

    const saved = await must(
      backend,
      'discharge:save',
      plan([
        { kind: 'network', networkAgreementId: networkAgreement.id },
        { kind: 'own', responsible: { kind: 'other', name: 'Sundhedsplejerske Sofie' }, what: 'Hjemmebesøg første uge', dueDate: daysFromToday(20) },
      ]),
    );
    expect(saved.agreements.map((a) => [a.what, a.networkAgreementId, a.networkStatus, a.responsible.networkPersonId])).toEqual([
      ['Ringer hver aften første uge', networkAgreement.id, 'open', mormor],
      ['Hjemmebesøg første uge', null, null, null],
    ]);
    await expect(behindTheAppsBack(backend, "update discharge_plan_agreements set what = 'x'")).rejects.toThrow(/append-only/);
    await expect(behindTheAppsBack(backend, 'delete from discharge_plan_agreements')).rejects.toThrow(/append-only/);
    // The link shows the network agreement's follow-up as it is now.
    await must(backend, 'network:followUp', { agreementId: networkAgreement.id, status: 'kept' });
    expect((await must(backend, 'discharge:get', { familyId })).plan!.agreements[0]!.networkStatus).toBe('kept');
  });
});

describe('the sikkerhedsplan', () => {
  it('is kept version by version; earlier versions never change; versions compare; another family\'s person is refused', async () => {
    const input = {
      familyId,
      baseVersion: null,
      agreedOn: daysFromToday(-1),
      agreedBy: [{ kind: 'network' as const, networkPersonId: mormor }],
      reason: 'Aftalt på netværksmødet',
      worries: [{ text: 'Mor bliver bange, når Liva græder længe.' }],
      actions: [{ text: 'Mor ringer, før hun bliver vred.' }],
      contacts: [{ when: 'Om natten', who: { kind: 'network' as const, networkPersonId: mormor } }],
      signs: [],
    };
    const strangerId = (await must(backend, 'network:get', { familyId: otherFamily })).persons[0]!.id;
    const foreign = await refusedUnchanged('safetyPlan:save', { ...input, contacts: [{ when: 'Om natten', who: { kind: 'network', networkPersonId: strangerId } }] });
    expect(foreign.issues).toEqual([{ path: 'contacts.0.who', message: 'Personen hører ikke til familiens netværk.' }]);
    const future = await refusedUnchanged('safetyPlan:save', { ...input, agreedOn: daysFromToday(2), worries: [] });
    expect(future.issues?.map((i) => i.message)).toEqual(['Skriv mindst én bekymring.']);

    const v1 = await must(backend, 'safetyPlan:save', input);
    // The phone is the network person's when none is typed.
    expect(v1.contacts[0]).toMatchObject({ key: 3, when: 'Om natten', phone: '20 30 40 50', who: { name: 'Mormor Grethe' } });
    const v2 = await must(backend, 'safetyPlan:save', {
      ...input,
      baseVersion: 1,
      reason: 'Nyt tegn aftalt',
      worries: [{ key: v1.worries[0]!.key, text: 'Mor bliver bange og vred, når Liva græder længe.' }],
      actions: [],
      contacts: [{ key: v1.contacts[0]!.key, when: 'Om natten', who: { kind: 'network', networkPersonId: mormor }, phone: '20 30 40 50' }],
      signs: [{ text: 'Mor sender "gul" til mormor.' }],
    });
    expect(v2.version).toBe(2);
    expect((await refusedUnchanged('safetyPlan:save', { ...input, baseVersion: 1 })).code).toBe('conflict');

    const view = await must(backend, 'safetyPlan:get', { familyId, version: 1 });
    expect(view.plan).toEqual(v1);
    expect(view.versions.map((v) => [v.version, v.changes])).toEqual([
      [1, []],
      [2, ["Bekymring 'Mor bliver bange og vred, når Liva græder længe.': Tekst ændret", "Handling 'Mor ringer, før hun bliver vred.' fjernet", "Tegn 'Mor sender \"gul\" til mormor.' tilføjet"]],
    ]);
    const diff = await must(backend, 'safetyPlan:diff', { familyId, fromVersion: 1, toVersion: 2 });
    expect([diff.worries[0]!.change, diff.actions[0]!.change, diff.contacts[0]!.change, diff.signs[0]!.change]).toEqual(['changed', 'removed', 'unchanged', 'added']);
    expect(diff.worries[0]!.fields).toEqual([{ field: 'text', label: 'Tekst', before: 'Mor bliver bange, når Liva græder længe.', after: 'Mor bliver bange og vred, når Liva græder længe.' }]);

    for (const table of ['safety_plan_versions', 'safety_plan_items', 'safety_plan_contacts', 'safety_plan_parties']) {
      await expect(behindTheAppsBack(backend, `update ${table} set id = id`), table).rejects.toThrow(/append-only/);
      await expect(behindTheAppsBack(backend, `delete from ${table}`), table).rejects.toThrow(/append-only/);
    }
    const [v1Id] = await behindTheAppsBack(backend, 'select id from safety_plan_versions where family_id = ? and version = 1', [familyId]);
    await expect(behindTheAppsBack(backend, "insert into safety_plan_items (version_id, item_key, section, position, text) values (?, 99, 'sign', 5, 'Sneget ind')", [v1Id])).rejects.toThrow(/earlier version/);
  });
});

describe('a family that does not exist', () => {
  it('its udslusningsplan is refused as not found, in Danish (not an internal error)', async () => {
    const { backend } = await setUp();
    const missing = await attempt(backend, 'discharge:get', { familyId: 999 });
    expect(missing.ok ? 'ok' : [missing.error.code, missing.error.message]).toEqual(['not_found', 'Familien findes ikke.']);
  });
});
