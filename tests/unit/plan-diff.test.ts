import { describe, expect, it } from 'vitest';
import type { DischargePlanVersion, Step } from '../../common/discharge';
import { isOverdue, isPlannedToday, stepHistoryOf, timelineOf } from '../../common/discharge-timeline';
import { describeDischargeDiff, diffDischargePlans, diffKeyed } from '../../common/plan-diff';
import { assignKeys } from '../../common/plan-keys';

const who = { kind: 'other' as const, personId: null, networkPersonId: null, teamMemberId: null, name: 'Mor', role: null };
const step = (key: number, title: string, patch: Partial<Step> = {}): Step => ({
  key,
  title,
  startsOn: '2026-12-01',
  endsOn: null,
  responsible: who,
  description: null,
  status: 'planned',
  evaluation: null,
  ...patch,
});
const plan = (version: number, steps: Step[], patch: Partial<DischargePlanVersion> = {}): DischargePlanVersion => ({
  familyId: 1,
  version,
  createdAt: `2026-12-0${version}T10:00:00.000Z`,
  author: { id: 1, name: 'Bente', initials: 'BE' },
  reason: `Udgave ${version}`,
  destination: 'own_home',
  targetDate: '2027-01-15',
  madeWith: [who],
  steps,
  agreements: [],
  support: [],
  separationPlan: null,
  contactNotes: null,
  ...patch,
});

describe('comparing two versions', () => {
  it('matches steps by key: added, removed, changed with the fields that changed, unchanged', () => {
    const a = plan(1, [step(1, 'Første dag hjemme'), step(2, 'Første weekend'), step(3, 'Flytning')]);
    const b = plan(2, [step(1, 'Første dag hjemme', { status: 'done', evaluation: 'Godt.' }), step(3, 'Flytning'), step(4, 'Anden weekend')], {
      destination: 'child_placed',
      targetDate: '2027-02-01',
      separationPlan: 'Nænsom adskillelse over to uger.',
    });
    const diff = diffDischargePlans(a, b);
    expect(diff.from).toEqual({ version: 1, createdAt: a.createdAt, author: 'Bente', reason: 'Udgave 1' });
    expect(diff.fields).toEqual([
      { field: 'destination', label: 'Udslusning til', before: 'Eget hjem', after: 'Anbringelse af barnet' },
      { field: 'targetDate', label: 'Måldato', before: '15.01.2027', after: '01.02.2027' },
      { field: 'separationPlan', label: 'Plan for adskillelsen', before: null, after: 'Nænsom adskillelse over to uger.' },
    ]);
    expect(diff.steps.map((s) => [s.key, s.change, s.before?.title ?? null, s.after?.title ?? null])).toEqual([
      [1, 'changed', 'Første dag hjemme', 'Første dag hjemme'],
      [2, 'removed', 'Første weekend', null],
      [3, 'unchanged', 'Flytning', 'Flytning'],
      [4, 'added', null, 'Anden weekend'],
    ]);
    expect(diff.steps[0]!.fields).toEqual([
      { field: 'status', label: 'Status', before: 'Planlagt', after: 'Gennemført' },
      { field: 'evaluation', label: 'Evaluering', before: null, after: 'Godt.' },
    ]);
    expect(describeDischargeDiff(diff)).toEqual([
      'Udslusning til: Eget hjem → Anbringelse af barnet',
      'Måldato: 15.01.2027 → 01.02.2027',
      'Plan for adskillelsen: – → Nænsom adskillelse over to uger.',
      "Trin 'Første dag hjemme': Status Planlagt → Gennemført, Evaluering – → Godt.",
      "Trin 'Første weekend' fjernet",
      "Trin 'Anden weekend' tilføjet",
    ]);
  });

  it('places removed items where they stood, before what was added in the same place', () => {
    const k = (...keys: number[]) => keys.map((key) => ({ key, text: `punkt ${key}` }));
    const spec = [{ field: 'text', label: 'Tekst', show: (i: { text: string }) => i.text }];
    expect(diffKeyed(k(1, 2, 3, 4), k(5, 1, 4, 6), spec).map((c) => `${c.change[0]}${c.key}`)).toEqual(['a5', 'u1', 'r2', 'r3', 'u4', 'a6']);
    expect(diffKeyed(k(1, 2), k(3, 4), spec).map((c) => `${c.change[0]}${c.key}`)).toEqual(['r1', 'r2', 'a3', 'a4']);
    expect(diffKeyed([], [], spec)).toEqual([]);
  });
});

describe('keys of a new version', () => {
  it('keeps carried-over keys, gives new items unused ones, refuses unknown and repeated keys', () => {
    expect(assignKeys([{ key: 2 }, {}, { key: 1 }, {}], new Set([1, 2]), 7, (i) => `steps.${i}.key`)).toEqual({ keys: [2, 7, 1, 8], issues: [], nextFree: 9 });
    expect(assignKeys([{ key: 5 }, { key: 1 }, { key: 1 }], new Set([1]), 6, (i) => `steps.${i}.key`).issues).toEqual([
      { path: 'steps.0.key', message: 'Punktet findes ikke i den udgave, du ændrede. Hent planen igen.' },
      { path: 'steps.2.key', message: 'Punktet står to gange.' },
    ]);
  });
});

describe('steps against today', () => {
  it('a step is overdue when its last day has passed while planlagt or udskudt; planned today while today is within it', () => {
    const today = '2026-12-03';
    expect(isOverdue(step(1, 'a', { startsOn: '2026-12-01', endsOn: '2026-12-02' }), today)).toBe(true);
    expect(isOverdue(step(1, 'a', { startsOn: '2026-12-01', endsOn: '2026-12-03' }), today)).toBe(false);
    expect(isOverdue(step(1, 'a', { startsOn: '2026-12-01', status: 'postponed' }), today)).toBe(true);
    expect(isOverdue(step(1, 'a', { startsOn: '2026-12-01', status: 'done' }), today)).toBe(false);
    expect(isOverdue(step(1, 'a', { startsOn: '2026-12-01', status: 'cancelled' }), today)).toBe(false);
    expect(isPlannedToday(step(1, 'a', { startsOn: '2026-12-01', endsOn: '2026-12-05' }), today)).toBe(true);
    expect(isPlannedToday(step(1, 'a', { startsOn: '2026-12-04' }), today)).toBe(false);
    expect(timelineOf([step(2, 'b', { startsOn: '2026-12-10' }), step(1, 'a', { startsOn: '2026-11-30' }), step(3, 'c', { startsOn: '2026-12-03' })], today).map((e) => [e.title, e.when, e.daysFromToday])).toEqual([
      ['a', 'past', -3],
      ['c', 'current', 0],
      ['b', 'future', 7],
    ]);
  });

  it('the status history lists a step\'s first status and each change', () => {
    const history = stepHistoryOf([plan(1, [step(1, 'a')]), plan(2, [step(1, 'a'), step(2, 'b')]), plan(3, [step(1, 'a', { status: 'done' }), step(2, 'b')])]);
    expect(history.map((h) => [h.key, h.changes.map((c) => `${c.version}:${c.status}`)])).toEqual([
      [1, ['1:planned', '3:done']],
      [2, ['2:planned']],
    ]);
  });
});
