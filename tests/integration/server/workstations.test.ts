import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/channels';
import { PLAN_CHANGED_MESSAGE } from '../../../common/plan-keys';
import { daysFromToday, dischargeInput, personInput } from '../../plan-fixtures';
import { ADMIN, createUser, must, newServerWorkstation, secondWorkstation, serverSuperuser, noteInput as note } from '../../helpers';

const BENT = { loginName: 'bent', role: 'staff' as const, password: 'grøn cykel ved søen 42' };


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
