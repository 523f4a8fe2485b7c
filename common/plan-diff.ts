import { z } from 'zod';
import { destinationLabels, planAgreementSchema, stepSchema, stepStatusLabels, supportSchema, type DischargePlanVersion } from './discharge';
import { partyLabel, type Party } from './parties';
import { safetyContactSchema, safetyTextItemSchema, type SafetyPlanVersion } from './safety-plan';
import { danishDate } from './text-input';

/**
 * Comparing two versions of a plan side by side: the plan's own fields that changed, and every list item (steps,
 * agreements, …) matched by its key as added, removed, changed (with the fields that changed) or unchanged, with the
 * item as it was and as it is. Values are given as the screen shows them (Danish labels, dd.mm.åååå).
 */
export const fieldChangeSchema = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;
export const itemChanges = ['added', 'removed', 'changed', 'unchanged'] as const;

const itemChangeSchema = <T extends z.ZodType>(item: T) =>
  z.object({ key: z.number().int(), change: z.enum(itemChanges), before: item.nullable(), after: item.nullable(), fields: z.array(fieldChangeSchema) });
export interface ItemChange<T> {
  key: number;
  change: (typeof itemChanges)[number];
  before: T | null;
  after: T | null;
  fields: FieldChange[];
}

interface FieldSpec<T> {
  field: string;
  label: string;
  show: (item: T) => string | null;
}

const date = (d: string | null) => (d ? danishDate(d) : null);
const party = (p: Party) => partyLabel(p);
const parties = (ps: Party[]) => (ps.length ? ps.map(partyLabel).join(', ') : null);

function changedFields<T>(before: T, after: T, specs: FieldSpec<T>[]): FieldChange[] {
  return specs.flatMap((s) => {
    const a = s.show(before);
    const b = s.show(after);
    return a === b ? [] : [{ field: s.field, label: s.label, before: a, after: b }];
  });
}

/** Items matched by key, in the newer version's order; a removed item stays where it stood in the older one. */
export function diffKeyed<T extends { key: number }>(before: T[], after: T[], specs: FieldSpec<T>[]): ItemChange<T>[] {
  const old = new Map(before.map((item, index) => [item.key, { item, index }]));
  const kept = new Set(after.map((i) => i.key));
  const removed = before.flatMap((item, index) => (kept.has(item.key) ? [] : [{ item, index }]));
  const result: ItemChange<T>[] = [];
  // Removed items go before the first item that stood after them in the older version.
  const emitRemovedBefore = (index: number) => {
    for (let next = removed[0]; next && next.index < index; next = removed[0]) {
      removed.shift();
      const gone = next.item;
      result.push({ key: gone.key, change: 'removed', before: gone, after: null, fields: [] });
    }
  };
  // In a gap between two kept items, what was removed comes before what was added.
  const nextKept = (i: number) => after.slice(i).map((a) => old.get(a.key)?.index).find((x) => x !== undefined) ?? Infinity;
  for (const [i, item] of after.entries()) {
    const was = old.get(item.key);
    emitRemovedBefore(nextKept(i));
    if (!was) {
      result.push({ key: item.key, change: 'added', before: null, after: item, fields: [] });
      continue;
    }
    const fields = changedFields(was.item, item, specs);
    result.push({ key: item.key, change: fields.length ? 'changed' : 'unchanged', before: was.item, after: item, fields });
  }
  emitRemovedBefore(Infinity);
  return result;
}

const stepFields: FieldSpec<DischargePlanVersion['steps'][number]>[] = [
  { field: 'title', label: 'Trin', show: (s) => s.title },
  { field: 'startsOn', label: 'Fra', show: (s) => date(s.startsOn) },
  { field: 'endsOn', label: 'Til', show: (s) => date(s.endsOn) },
  { field: 'responsible', label: 'Ansvarlig', show: (s) => party(s.responsible) },
  { field: 'description', label: 'Hvad der sker', show: (s) => s.description },
  { field: 'status', label: 'Status', show: (s) => stepStatusLabels[s.status] },
  { field: 'evaluation', label: 'Evaluering', show: (s) => s.evaluation },
];
const agreementFields: FieldSpec<DischargePlanVersion['agreements'][number]>[] = [
  { field: 'responsible', label: 'Hvem', show: (a) => party(a.responsible) },
  { field: 'what', label: 'Hvad', show: (a) => a.what },
  { field: 'when', label: 'Hvornår', show: (a) => a.when },
  { field: 'dueDate', label: 'Senest', show: (a) => date(a.dueDate) },
  { field: 'networkAgreementId', label: 'Netværksaftale', show: (a) => (a.networkAgreementId ? 'Ja' : 'Nej') },
];
const supportFields: FieldSpec<DischargePlanVersion['support'][number]>[] = [
  { field: 'service', label: 'Modtagende indsats', show: (s) => s.service },
  { field: 'contactName', label: 'Kontaktperson', show: (s) => s.contactName },
  { field: 'contact', label: 'Kontakt', show: (s) => s.contact },
  { field: 'handoverMeetingOn', label: 'Overleveringsmøde', show: (s) => date(s.handoverMeetingOn) },
  { field: 'handedOver', label: 'Hvad der overleveres', show: (s) => s.handedOver },
];
const dischargeFields: FieldSpec<DischargePlanVersion>[] = [
  { field: 'destination', label: 'Udslusning til', show: (p) => destinationLabels[p.destination] },
  { field: 'targetDate', label: 'Måldato', show: (p) => date(p.targetDate) },
  { field: 'madeWith', label: 'Lavet sammen med', show: (p) => parties(p.madeWith) },
  { field: 'separationPlan', label: 'Plan for adskillelsen', show: (p) => p.separationPlan },
  { field: 'contactNotes', label: 'Samvær og fortsat kontakt', show: (p) => p.contactNotes },
];

const versionRef = z.object({ version: z.number().int(), createdAt: z.string(), author: z.string(), reason: z.string() });

export const dischargeDiffSchema = z.object({
  familyId: z.number().int(),
  from: versionRef,
  to: versionRef,
  fields: z.array(fieldChangeSchema),
  steps: z.array(itemChangeSchema(stepSchema)),
  agreements: z.array(itemChangeSchema(planAgreementSchema)),
  support: z.array(itemChangeSchema(supportSchema)),
});
export type DischargeDiff = z.infer<typeof dischargeDiffSchema>;

const ref = (v: { version: number; createdAt: string; author: { name: string }; reason: string }) => ({ version: v.version, createdAt: v.createdAt, author: v.author.name, reason: v.reason });

export function diffDischargePlans(from: DischargePlanVersion, to: DischargePlanVersion): DischargeDiff {
  return {
    familyId: to.familyId,
    from: ref(from),
    to: ref(to),
    fields: changedFields(from, to, dischargeFields),
    steps: diffKeyed(from.steps, to.steps, stepFields),
    agreements: diffKeyed(from.agreements, to.agreements, agreementFields),
    support: diffKeyed(from.support, to.support, supportFields),
  };
}

const textFields: FieldSpec<{ key: number; text: string }>[] = [{ field: 'text', label: 'Tekst', show: (i) => i.text }];
const contactFields: FieldSpec<SafetyPlanVersion['contacts'][number]>[] = [
  { field: 'when', label: 'Hvornår', show: (c) => c.when },
  { field: 'who', label: 'Hvem', show: (c) => party(c.who) },
  { field: 'phone', label: 'Telefon', show: (c) => c.phone },
];
const safetyFields: FieldSpec<SafetyPlanVersion>[] = [
  { field: 'agreedOn', label: 'Aftalt', show: (p) => date(p.agreedOn) },
  { field: 'agreedBy', label: 'Aftalt af', show: (p) => parties(p.agreedBy) },
];

export const safetyPlanDiffSchema = z.object({
  familyId: z.number().int(),
  from: versionRef,
  to: versionRef,
  fields: z.array(fieldChangeSchema),
  worries: z.array(itemChangeSchema(safetyTextItemSchema)),
  actions: z.array(itemChangeSchema(safetyTextItemSchema)),
  contacts: z.array(itemChangeSchema(safetyContactSchema)),
  signs: z.array(itemChangeSchema(safetyTextItemSchema)),
});
export type SafetyPlanDiff = z.infer<typeof safetyPlanDiffSchema>;

export function diffSafetyPlans(from: SafetyPlanVersion, to: SafetyPlanVersion): SafetyPlanDiff {
  return {
    familyId: to.familyId,
    from: ref(from),
    to: ref(to),
    fields: changedFields(from, to, safetyFields),
    worries: diffKeyed(from.worries, to.worries, textFields),
    actions: diffKeyed(from.actions, to.actions, textFields),
    contacts: diffKeyed(from.contacts, to.contacts, contactFields),
    signs: diffKeyed(from.signs, to.signs, textFields),
  };
}

/** Short values side by side ("Status Planlagt → Gennemført"); a longer text only as changed. */
function describeField(f: FieldChange, separator = ' '): string {
  const short = (v: string | null) => v === null || v.length <= 40;
  return short(f.before) && short(f.after) ? `${f.label}${separator}${f.before ?? '–'} → ${f.after ?? '–'}` : `${f.label} ændret`;
}

function sectionLines<T>(noun: string, items: ItemChange<T>[], name: (item: T) => string): string[] {
  return items.flatMap((c) => {
    const item = c.after ?? c.before;
    const label = `${noun} '${item ? cut(name(item)) : ''}'`;
    if (c.change === 'added') return [`${label} tilføjet`];
    if (c.change === 'removed') return [`${label} fjernet`];
    if (c.change === 'changed') return [`${label}: ${c.fields.map((f) => describeField(f)).join(', ')}`];
    return [];
  });
}

/** What changed, in short Danish lines for the version list: "Trin 'Første weekend': Status Planlagt → Gennemført". */
export function describeDischargeDiff(d: DischargeDiff): string[] {
  return [
    ...d.fields.map((f) => describeField(f, ': ')),
    ...sectionLines('Trin', d.steps, (s) => s.title),
    ...sectionLines('Aftale', d.agreements, (a) => a.what),
    ...sectionLines('Indsats', d.support, (s) => s.service),
  ];
}

export function describeSafetyDiff(d: SafetyPlanDiff): string[] {
  return [
    ...d.fields.map((f) => describeField(f, ': ')),
    ...sectionLines('Bekymring', d.worries, (i) => i.text),
    ...sectionLines('Handling', d.actions, (i) => i.text),
    ...sectionLines('Kontakt', d.contacts, (c) => c.when),
    ...sectionLines('Tegn', d.signs, (i) => i.text),
  ];
}

function cut(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

