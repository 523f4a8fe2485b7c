import { must, setUp } from '../helpers';
import { daysFromToday, dischargeInput, personInput } from '../plan-fixtures';
import { measure, type Row } from './run';

/**
 * Issue 9's size: a family with 40 network persons and an udslusningsplan of 30 steps in 10 versions. What the
 * Netværk and Udslusningsplan tabs ask for when they open (the map and the plan with its history and timeline).
 */
export async function plansBenchmark(): Promise<Row[]> {
  const { backend } = await setUp();
  const family = await must(backend, 'families:create', { displayName: 'Familien Stor', startDate: '2026-06-01', persons: [{ kind: 'mother', name: 'Mor Stor' }] });
  let personId = 0;
  for (let i = 0; i < 40; i++) {
    const network = await must(backend, 'network:addPerson', { ...personInput(family.id, `Netværksperson ${i + 1}`), closeness: ((i % 3) + 1) as 1 | 2 | 3 });
    personId = network.persons[network.persons.length - 1]?.id ?? personId;
  }
  const steps = Array.from({ length: 30 }, (_, i) => ({
    title: `Trin ${i + 1}`,
    startsOn: daysFromToday(i * 2 - 20),
    responsible: { kind: 'network' as const, networkPersonId: personId },
    description: 'Mor og barn overnatter hjemme; mormor kommer om morgenen.',
  }));
  let base: number | null = null;
  for (let v = 0; v < 10; v++) {
    const saved: { version: number } = await must(backend, 'discharge:save', { ...dischargeInput(family.id, base, personId, steps.map((s, i) => ({ ...s, title: i === v ? `${s.title} (ændret)` : s.title }))), reason: `Udgave ${v + 1}` });
    base = saved.version;
  }
  const rows = [
    await measure('Netværk tab: network:get (40 persons)', 300, () => must(backend, 'network:get', { familyId: family.id })),
    await measure('Udslusningsplan tab: discharge:get (30 steps, 10 versions)', 300, () => must(backend, 'discharge:get', { familyId: family.id })),
    await measure('compare two versions: discharge:diff', 300, () => must(backend, 'discharge:diff', { familyId: family.id, fromVersion: 1, toVersion: 10 })),
  ];
  await backend.close();
  return rows;
}
