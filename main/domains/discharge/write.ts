import type { Kysely } from 'kysely';
import { itemAt } from '../../../common/arrays';
import { addMonths, todayIso } from '../../../common/dates';
import type { DischargePlanContent, DischargePlanVersion, Destination, StepStatus } from '../../../common/discharge';
import type { FieldIssue } from '../../../common/errors';
import type { Party } from '../../../common/parties';
import { assignKeys } from '../../../common/plan-keys';
import { danishDate } from '../../../common/text-input';
import type { Database } from '../../../db/schema';
import type { PartyColumns } from '../../../db/schema-plans';
import { PartyResolver } from '../network/parties';
import { maxDischargeKeys, stayStart } from './queries';

/** A version ready to write: every party resolved, every item keyed. */
export interface ResolvedPlan {
  destination: Destination;
  targetDate: string;
  separationPlan: string | null;
  contactNotes: string | null;
  reason: string;
  madeWith: PartyColumns[];
  steps: Array<{ key: number; title: string; startsOn: string; endsOn: string | null; responsible: PartyColumns; description: string | null; status: StepStatus; evaluation: string | null }>;
  agreements: Array<{ key: number; responsible: PartyColumns; what: string; when: string | null; dueDate: string | null; networkAgreementId: number | null }>;
  support: DischargePlanVersion['support'];
}

/** A stored party back as columns (a version carried over keeps its names as they were). */
export function columnsOf(p: Party): PartyColumns {
  return { party_kind: p.kind, person_id: p.personId, network_person_id: p.networkPersonId, team_member_id: p.teamMemberId, party_name: p.name, party_role: p.role };
}

/** The dates that depend on the family: the target date not before the stay began, steps not before the forløb. */
export async function dateIssues(
  db: Kysely<Database>,
  familyId: number,
  now: Date,
  plan: { targetDate?: string; steps: Array<{ startsOn: string; path: string }> },
): Promise<FieldIssue[]> {
  const { stayStart: stay, startDate } = await stayStart(db, familyId);
  const latest = addMonths(todayIso(now), 24);
  const issues: FieldIssue[] = [];
  if (plan.targetDate !== undefined) {
    if (plan.targetDate < stay) issues.push({ path: 'targetDate', message: `Måldatoen ligger før opholdet begyndte (${danishDate(stay)}).` });
    if (plan.targetDate > latest) issues.push({ path: 'targetDate', message: 'Måldatoen må højst ligge to år frem.' });
  }
  for (const s of plan.steps) {
    if (s.startsOn < startDate) issues.push({ path: s.path, message: `Trinnet begynder før forløbets start (${danishDate(startDate)}).` });
    if (s.startsOn > latest) issues.push({ path: s.path, message: 'Trinnet må højst ligge to år frem.' });
  }
  return issues;
}

/**
 * The plan as entered, checked and resolved: dates against the family, keys against the version it was edited from,
 * parties and linked network agreements against the family (another family's person or agreement is refused).
 * Throws invalid_input with every problem at once; nothing has been written.
 */
export async function resolvePlan(db: Kysely<Database>, now: Date, input: DischargePlanContent, previous: DischargePlanVersion | undefined): Promise<ResolvedPlan> {
  const issues = await dateIssues(db, input.familyId, now, { targetDate: input.targetDate, steps: input.steps.map((s, i) => ({ startsOn: s.startsOn, path: `steps.${i}.startsOn` })) });
  const max = await maxDischargeKeys(db, input.familyId);
  const keysOf = (items: Array<{ key: number }> | undefined) => new Set((items ?? []).map((i) => i.key));
  const stepKeys = assignKeys(input.steps, keysOf(previous?.steps), max.steps + 1, (i) => `steps.${i}.key`);
  const agreementKeys = assignKeys(input.agreements, keysOf(previous?.agreements), max.agreements + 1, (i) => `agreements.${i}.key`);
  const supportKeys = assignKeys(input.support, keysOf(previous?.support), max.support + 1, (i) => `support.${i}.key`);
  issues.push(...stepKeys.issues, ...agreementKeys.issues, ...supportKeys.issues);

  const resolver = new PartyResolver(db, input.familyId);
  const madeWith: PartyColumns[] = [];
  for (const [i, p] of input.madeWith.entries()) madeWith.push(await resolver.resolve(p, `madeWith.${i}`));
  const steps: ResolvedPlan['steps'] = [];
  for (const [i, s] of input.steps.entries()) {
    const { key: _key, responsible, ...rest } = s;
    steps.push({ ...rest, key: itemAt(stepKeys.keys, i, 'step key'), responsible: await resolver.resolve(responsible, `steps.${i}.responsible`) });
  }
  const agreements: ResolvedPlan['agreements'] = [];
  for (const [i, a] of input.agreements.entries()) {
    const key = itemAt(agreementKeys.keys, i, 'agreement key');
    if (a.kind === 'own') {
      agreements.push({ key, responsible: await resolver.resolve(a.responsible, `agreements.${i}.responsible`), what: a.what, when: a.when, dueDate: a.dueDate, networkAgreementId: null });
      continue;
    }
    const n = await db.selectFrom('network_agreements').selectAll().where('id', '=', a.networkAgreementId).where('family_id', '=', input.familyId).executeTakeFirst();
    if (!n) {
      issues.push({ path: `agreements.${i}.networkAgreementId`, message: 'Aftalen hører ikke til familiens netværk.' });
      continue;
    }
    const { party_kind, person_id, network_person_id, team_member_id, party_name, party_role } = n;
    agreements.push({ key, responsible: { party_kind, person_id, network_person_id, team_member_id, party_name, party_role }, what: n.what, when: n.when_text, dueDate: n.due_date, networkAgreementId: n.id });
  }
  resolver.check(issues);
  return {
    destination: input.destination,
    targetDate: input.targetDate,
    separationPlan: input.separationPlan,
    contactNotes: input.contactNotes,
    reason: input.reason,
    madeWith,
    steps,
    agreements,
    support: input.support.map(({ key: _key, ...s }, i) => ({ ...s, key: itemAt(supportKeys.keys, i, 'support key') })),
  };
}

/** Appends the next version with all its items. */
export async function writeVersion(db: Kysely<Database>, familyId: number, version: number, plan: ResolvedPlan, authorId: number, at: string): Promise<void> {
  const v = await db
    .insertInto('discharge_plan_versions')
    .values({
      family_id: familyId,
      version,
      destination: plan.destination,
      target_date: plan.targetDate,
      separation_plan: plan.separationPlan,
      contact_notes: plan.contactNotes,
      reason: plan.reason,
      author_id: authorId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version_id = v.id;
  if (plan.madeWith.length) await db.insertInto('discharge_plan_parties').values(plan.madeWith.map((p, position) => ({ version_id, position, ...p }))).execute();
  if (plan.steps.length) {
    await db
      .insertInto('discharge_plan_steps')
      .values(
        plan.steps.map((s, position) => ({
          version_id,
          step_key: s.key,
          position,
          title: s.title,
          starts_on: s.startsOn,
          ends_on: s.endsOn,
          description: s.description,
          status: s.status,
          evaluation: s.evaluation,
          ...s.responsible,
        })),
      )
      .execute();
  }
  if (plan.agreements.length) {
    await db
      .insertInto('discharge_plan_agreements')
      .values(
        plan.agreements.map((a, position) => ({
          version_id,
          agreement_key: a.key,
          position,
          network_agreement_id: a.networkAgreementId,
          what: a.what,
          when_text: a.when,
          due_date: a.dueDate,
          ...a.responsible,
        })),
      )
      .execute();
  }
  if (plan.support.length) {
    await db
      .insertInto('discharge_plan_support')
      .values(
        plan.support.map((s, position) => ({
          version_id,
          support_key: s.key,
          position,
          service: s.service,
          contact_name: s.contactName,
          contact: s.contact,
          handover_meeting_on: s.handoverMeetingOn,
          handed_over: s.handedOver,
        })),
      )
      .execute();
  }
}

/** A version carried over whole, for a change to one part of it (a step's status). */
export function carriedOver(v: DischargePlanVersion, reason: string): ResolvedPlan {
  return {
    destination: v.destination,
    targetDate: v.targetDate,
    separationPlan: v.separationPlan,
    contactNotes: v.contactNotes,
    reason,
    madeWith: v.madeWith.map(columnsOf),
    steps: v.steps.map((s) => ({ ...s, responsible: columnsOf(s.responsible) })),
    agreements: v.agreements.map((a) => ({ key: a.key, responsible: columnsOf(a.responsible), what: a.what, when: a.when, dueDate: a.dueDate, networkAgreementId: a.networkAgreementId })),
    support: v.support,
  };
}
