import type { Kysely } from 'kysely';
import type { DischargePlanVersion } from '../../../common/discharge';
import { describeDischargeDiff, diffDischargePlans } from '../../../common/plan-diff';
import type { VersionMeta } from '../../../common/safety-plan';
import type { Database } from '../../../db/schema';
import { partyColumns, partyOf } from '../network/parties';
import { loadAgreements } from '../network/queries';

/**
 * A family's udslusningsplan versions, whole: `all` (oldest first) or only the newest. A linked network agreement
 * carries its follow-up status as it is now (not versioned: it lives in the network module).
 */
export async function loadDischargePlans(db: Kysely<Database>, familyId: number, which: 'all' | 'newest' = 'all'): Promise<DischargePlanVersion[]> {
  let q = db
    .selectFrom('discharge_plan_versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.id', 'v.version', 'v.destination', 'v.target_date', 'v.separation_plan', 'v.contact_notes', 'v.reason', 'v.created_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .where('v.family_id', '=', familyId);
  q = which === 'newest' ? q.orderBy('v.version', 'desc').limit(1) : q.orderBy('v.version');
  const versions = await q.execute();
  if (!versions.length) return [];
  const ids = versions.map((v) => v.id);
  const parties = await db.selectFrom('discharge_plan_parties').select(['version_id', ...partyColumns]).where('version_id', 'in', ids).orderBy('position').execute();
  const steps = await db
    .selectFrom('discharge_plan_steps')
    .select(['version_id', 'step_key', 'title', 'starts_on', 'ends_on', 'description', 'status', 'evaluation', ...partyColumns])
    .where('version_id', 'in', ids)
    .orderBy('position')
    .execute();
  const agreements = await db
    .selectFrom('discharge_plan_agreements')
    .select(['version_id', 'agreement_key', 'network_agreement_id', 'what', 'when_text', 'due_date', ...partyColumns])
    .where('version_id', 'in', ids)
    .orderBy('position')
    .execute();
  const support = await db.selectFrom('discharge_plan_support').selectAll().where('version_id', 'in', ids).orderBy('position').execute();
  const linked = [...new Set(agreements.flatMap((a) => (a.network_agreement_id !== null ? [a.network_agreement_id] : [])))];
  const networkStatus = new Map(linked.length ? (await loadAgreements(db, { ids: linked })).map((a) => [a.id, a.status]) : []);
  return versions.map((v) => ({
    familyId,
    version: v.version,
    createdAt: v.created_at,
    author: { id: v.user_id, name: v.user_name, initials: v.user_initials },
    reason: v.reason,
    destination: v.destination,
    targetDate: v.target_date,
    madeWith: parties.filter((p) => p.version_id === v.id).map(partyOf),
    steps: steps
      .filter((s) => s.version_id === v.id)
      .map((s) => ({ key: s.step_key, title: s.title, startsOn: s.starts_on, endsOn: s.ends_on, responsible: partyOf(s), description: s.description, status: s.status, evaluation: s.evaluation })),
    agreements: agreements
      .filter((a) => a.version_id === v.id)
      .map((a) => ({
        key: a.agreement_key,
        responsible: partyOf(a),
        what: a.what,
        when: a.when_text,
        dueDate: a.due_date,
        networkAgreementId: a.network_agreement_id,
        networkStatus: a.network_agreement_id !== null ? (networkStatus.get(a.network_agreement_id) ?? null) : null,
      })),
    support: support
      .filter((s) => s.version_id === v.id)
      .map((s) => ({ key: s.support_key, service: s.service, contactName: s.contact_name, contact: s.contact, handoverMeetingOn: s.handover_meeting_on, handedOver: s.handed_over })),
    separationPlan: v.separation_plan,
    contactNotes: v.contact_notes,
  }));
}

/** The versions' list entries: date, author, reason and what changed from the version before. */
export function dischargeVersionList(versions: DischargePlanVersion[]): VersionMeta[] {
  return versions.map((v, i) => {
    const before = versions[i - 1];
    return { version: v.version, createdAt: v.createdAt, author: v.author, reason: v.reason, changes: before ? describeDischargeDiff(diffDischargePlans(before, v)) : [] };
  });
}

/** The highest keys ever used in the family's plan, per list (a removed item's key is never given again). */
export async function maxDischargeKeys(db: Kysely<Database>, familyId: number): Promise<{ steps: number; agreements: number; support: number }> {
  const versions = (eb: Kysely<Database>) => eb.selectFrom('discharge_plan_versions').select('id').where('family_id', '=', familyId);
  const steps = await db.selectFrom('discharge_plan_steps').select((eb) => eb.fn.max('step_key').as('m')).where('version_id', 'in', versions(db)).executeTakeFirst();
  const agreements = await db.selectFrom('discharge_plan_agreements').select((eb) => eb.fn.max('agreement_key').as('m')).where('version_id', 'in', versions(db)).executeTakeFirst();
  const support = await db.selectFrom('discharge_plan_support').select((eb) => eb.fn.max('support_key').as('m')).where('version_id', 'in', versions(db)).executeTakeFirst();
  return { steps: Number(steps?.m ?? 0), agreements: Number(agreements?.m ?? 0), support: Number(support?.m ?? 0) };
}

/** The day the stay began (the first day of the familieanbringelse phase), or the forløb's start before that. */
export async function stayStart(db: Kysely<Database>, familyId: number): Promise<{ stayStart: string; startDate: string }> {
  const f = await db.selectFrom('families').select('start_date').where('id', '=', familyId).executeTakeFirstOrThrow();
  const stay = await db.selectFrom('family_phases').select('from_date').where('family_id', '=', familyId).where('phase', '=', 'stay').orderBy('from_date').limit(1).executeTakeFirst();
  return { stayStart: stay?.from_date ?? f.start_date, startDate: f.start_date };
}
