import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/channels';
import { PLAN_CHANGED_MESSAGE } from '../../../common/plan-keys';
import { INSTRUMENT_CHANGED_MESSAGE } from '../../../common/instruments';
import { daysFromToday, dischargeInput, personInput, safetyInput } from '../../plan-fixtures';
import { ADMIN, createUser, must, newServerWorkstation, secondWorkstation, serverSuperuser, noteInput as note } from '../../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };
const LENE = { loginName: 'lene', role: 'leader' as const, password: 'rød båd i havnen 7' };


function waitFor<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error('timed out'));
      setTimeout(tick, 25);
    };
    tick();
  });
}

describe('several workstations on one server', () => {
  it('two workstations write at once; every note and log row lands, the chain stays linear, and each hears the other', async () => {
    const first = await newServerWorkstation();
    await must(first, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await createUser(first, BENT);
    const categoryId = (await must(first, 'journal:categories', {}))[0]?.id ?? 0;
    const family = await must(first, 'families:create', { displayName: 'Familien Ærø', startDate: '2026-10-01', persons: [{ kind: 'mother', name: 'Mor Ærø' }] });

    const second = secondWorkstation(first);
    await must(second, 'session:login', { loginName: BENT.loginName, password: BENT.password });
    const heard: { event: EventName; payload: unknown }[] = [];
    second.subscribe((event, payload) => heard.push({ event, payload }));

    const writes = 20;
    await Promise.all([
      ...Array.from({ length: writes }, (_, i) => must(first, 'journal:sign', note(family.id, categoryId, `Astrids notat ${i}`))),
      ...Array.from({ length: writes }, (_, i) => must(second, 'journal:sign', note(family.id, categoryId, `Bents notat ${i}`))),
    ]);

    const timeline = await must(second, 'journal:timeline', { familyId: family.id, limit: 200 });
    const texts = timeline.observations.map((o) => o.text);
    expect(texts.filter((t) => t.startsWith('Astrids')).length).toBe(writes);
    expect(texts.filter((t) => t.startsWith('Bents')).length).toBe(writes);

    // Bent's workstation heard Astrid's notes (ids only: no text crosses the channel).
    const announced = await waitFor(() => heard.find((h) => h.event === 'data:changed'));
    expect(announced.payload).toEqual({ kind: 'observation', familyId: family.id });
    expect(JSON.stringify(heard)).not.toContain('Astrids');

    // The log: gapless ids, each row chained to the one before, across both writers.
    const su = await serverSuperuser(first);
    try {
      const ids = (await su.query('select id from access_log order by id')).rows.map((r) => r.id as number);
      const firstId = ids[0] ?? 0;
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => firstId + i));
      const users = (await su.query("select distinct user_id from access_log where channel = 'journal:sign'")).rows.length;
      expect(users).toBe(2);
    } finally {
      await su.end();
    }
    expect(await must(first, 'accessLog:verify', {})).toMatchObject({ ok: true });
  });
});

describe('two people change the same plan', () => {
  it('saved at the same moment from two workstations: one new version, the other is told in Danish, nothing is half written', async () => {
    const first = await newServerWorkstation();
    await must(first, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await createUser(first, BENT);
    const family = await must(first, 'families:create', { displayName: 'Familien Ærø', startDate: daysFromToday(-60), persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
    await must(first, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: daysFromToday(-50) });
    const mormor = (await must(first, 'network:addPerson', personInput(family.id))).persons[0]?.id ?? 0;
    const second = secondWorkstation(first);
    await must(second, 'session:login', { loginName: BENT.loginName, password: BENT.password });

    for (let round = 0; round < 5; round++) {
      const base = (await must(first, 'discharge:get', { familyId: family.id })).currentVersion;
      const results = await Promise.all([
        first.dispatch('discharge:save', { ...dischargeInput(family.id, base, mormor), reason: `Astrid ${round}` }),
        second.dispatch('discharge:save', { ...dischargeInput(family.id, base, mormor), reason: `Bent ${round}` }),
      ]);
      const refused = results.filter((r) => !r.ok);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(refused.map((r) => (r.ok ? null : r.error))).toEqual([{ code: 'conflict', message: PLAN_CHANGED_MESSAGE }]);
      const after = await must(second, 'discharge:get', { familyId: family.id });
      expect(after.currentVersion).toBe((base ?? 0) + 1);
    }
    const su = await serverSuperuser(first);
    try {
      const versions = (await su.query('select version from discharge_plan_versions where family_id = $1 order by version', [family.id])).rows.map((r) => r.version as number);
      expect(versions).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await su.end();
    }
  });
});

describe('every other write that adds a version from an older base', () => {
  it('at the same moment from two workstations: a step\'s status, a step\'s status against a whole new plan, the sikkerhedsplan, an instrument — never an internal error, nothing half written, no version twice', async () => {
    const first = await newServerWorkstation();
    await must(first, 'session:login', { loginName: ADMIN.loginName, password: ADMIN.password });
    await createUser(first, LENE);
    const family = await must(first, 'families:create', { displayName: 'Familien Ærø', startDate: daysFromToday(-60), persons: [{ kind: 'mother', name: 'Mor Ærø' }] });
    await must(first, 'families:changePhase', { familyId: family.id, phase: 'stay', fromDate: daysFromToday(-50) });
    const mormor = (await must(first, 'network:addPerson', personInput(family.id))).persons[0]?.id ?? 0;
    const steps = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ title: `Trin ${i + 1}`, startsOn: daysFromToday(i - 5), responsible: { kind: 'other' as const, name: 'Mor' } }));
    await must(first, 'discharge:save', dischargeInput(family.id, null, mormor, steps));
    await must(first, 'safetyPlan:save', safetyInput(family.id, null, mormor));
    const second = secondWorkstation(first);
    await must(second, 'session:login', { loginName: LENE.loginName, password: LENE.password });

    /** Two calls at once: one is saved, or both one after the other; a refusal is the Danish conflict, never 'internal'. */
    async function race(calls: Array<() => ReturnType<typeof first.dispatch>>, message: string) {
      const results = await Promise.all(calls.map((c) => c()));
      for (const r of results) if (!r.ok) expect(r.error).toEqual({ code: 'conflict', message });
      return results.filter((r) => r.ok).length;
    }
    const plan = () => must(first, 'discharge:get', { familyId: family.id });
    let expected = 1;
    for (let round = 0; round < 3; round++) {
      // Two steps' status on the same version, one from each workstation.
      const { currentVersion: base, plan: p } = await plan();
      const key = (i: number) => p?.steps[i]?.key ?? 0;
      const status = (ws: typeof first, baseVersion: number, stepKey: number) => () =>
        ws.dispatch('discharge:setStepStatus', { familyId: family.id, baseVersion, stepKey, status: 'done', evaluation: 'Gik godt.', reason: null });
      expect(await race([status(first, base ?? 0, key(round * 3)), status(second, base ?? 0, key(round * 3 + 1))], PLAN_CHANGED_MESSAGE)).toBe(1);
      expected += 1;
      // A whole new plan (the steps as they stand, keys kept) and a step's status on the same version.
      const now = await plan();
      const next = now.currentVersion ?? 0;
      const keyed = now.plan?.steps.map((s) => ({ key: s.key, title: s.title, startsOn: s.startsOn, responsible: { kind: 'other' as const, name: 'Mor' }, status: s.status })) ?? [];
      const whole = () => first.dispatch('discharge:save', { ...dischargeInput(family.id, next, mormor, keyed), reason: `Ny plan ${round}` });
      expect(await race([whole, status(second, next, key(round * 3 + 2))], PLAN_CHANGED_MESSAGE)).toBe(1);
      expected += 1;
      expect((await plan()).currentVersion).toBe(expected);
    }

    let safety = 1;
    for (let round = 0; round < 3; round++) {
      const base = (await must(first, 'safetyPlan:get', { familyId: family.id })).currentVersion;
      const save = (ws: typeof first, who: string) => () => ws.dispatch('safetyPlan:save', { ...safetyInput(family.id, base, mormor), reason: `${who} ${round}` });
      expect(await race([save(first, 'Astrid'), save(second, 'Lene')], PLAN_CHANGED_MESSAGE)).toBe(1);
      safety += 1;
      expect((await must(second, 'safetyPlan:get', { familyId: family.id })).currentVersion).toBe(safety);
    }

    // An instrument's new version (no base version in its input): both may be saved one after the other, never twice the same number.
    const instrument = (await must(first, 'instruments:list', {})).find((i) => i.key === 'asq_se_2');
    if (!instrument) throw new Error('no ASQ:SE-2');
    for (let round = 0; round < 3; round++) {
      const current = (await must(first, 'instruments:list', {})).find((i) => i.id === instrument.id) ?? instrument;
      // A leader enters the manual's cut-off (a built-in instrument takes new limits only): each their own figure.
      const update = (ws: typeof first, cutoff: number) => () =>
        ws.dispatch('instruments:update', {
          instrumentId: instrument.id,
          definition: { ...current.definition, intervals: current.definition.intervals?.map((i) => (i.months === 6 ? { ...i, itemCount: 6, cutoff, monitoringFrom: 20 } : i)) },
          note: `Cut-off ${cutoff}`,
        });
      await race([update(first, 30 + round * 2), update(second, 31 + round * 2)], INSTRUMENT_CHANGED_MESSAGE);
    }

    const su = await serverSuperuser(first);
    try {
      const numbers = async (sql: string, id: number) => (await su.query(sql, [id])).rows.map((r) => r.version as number);
      const contiguous = (v: number[]) => v.every((n, i) => n === i + 1);
      expect(contiguous(await numbers('select version from discharge_plan_versions where family_id = $1 order by version', family.id))).toBe(true);
      expect(await numbers('select version from safety_plan_versions where family_id = $1 order by version', family.id)).toEqual([1, 2, 3, 4]);
      expect(contiguous(await numbers('select version from instrument_versions where instrument_id = $1 order by version', instrument.id))).toBe(true);
    } finally {
      await su.end();
    }
    expect(await must(first, 'accessLog:verify', {})).toMatchObject({ ok: true });
  });
});
