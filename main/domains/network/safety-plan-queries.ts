import type { Kysely } from 'kysely';
import { describeSafetyDiff, diffSafetyPlans } from '../../../common/plan-diff';
import type { SafetyPlanVersion, VersionMeta } from '../../../common/safety-plan';
import type { Database } from '../../../db/schema';
import { partyColumns, partyOf } from './parties';

/** Every version of a family's sikkerhedsplan, oldest first, each whole. */
export async function loadSafetyPlans(db: Kysely<Database>, familyId: number): Promise<SafetyPlanVersion[]> {
  const versions = await db
    .selectFrom('safety_plan_versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.id', 'v.version', 'v.agreed_on', 'v.reason', 'v.created_at', 'u.id as user_id', 'u.name as user_name', 'u.initials as user_initials'])
    .where('v.family_id', '=', familyId)
    .orderBy('v.version')
    .execute();
  if (!versions.length) return [];
  const ids = versions.map((v) => v.id);
  const parties = await db.selectFrom('safety_plan_parties').select(['version_id', ...partyColumns]).where('version_id', 'in', ids).orderBy('position').execute();
  const items = await db.selectFrom('safety_plan_items').select(['version_id', 'item_key', 'section', 'text']).where('version_id', 'in', ids).orderBy('position').execute();
  const contacts = await db.selectFrom('safety_plan_contacts').select(['version_id', 'item_key', 'when_text', 'phone', ...partyColumns]).where('version_id', 'in', ids).orderBy('position').execute();
  return versions.map((v) => {
    const section = (s: 'worry' | 'action' | 'sign') => items.filter((i) => i.version_id === v.id && i.section === s).map((i) => ({ key: i.item_key, text: i.text }));
    return {
      familyId,
      version: v.version,
      agreedOn: v.agreed_on,
      agreedBy: parties.filter((p) => p.version_id === v.id).map(partyOf),
      reason: v.reason,
      author: { id: v.user_id, name: v.user_name, initials: v.user_initials },
      createdAt: v.created_at,
      worries: section('worry'),
      actions: section('action'),
      contacts: contacts.filter((c) => c.version_id === v.id).map((c) => ({ key: c.item_key, when: c.when_text, who: partyOf(c), phone: c.phone })),
      signs: section('sign'),
    };
  });
}

/** The versions' list entries: date, author, reason and what changed from the version before. */
export function safetyVersionList(versions: SafetyPlanVersion[]): VersionMeta[] {
  return versions.map((v, i) => {
    const before = versions[i - 1];
    return {
      version: v.version,
      createdAt: v.createdAt,
      author: v.author,
      reason: v.reason,
      changes: before ? describeSafetyDiff(diffSafetyPlans(before, v)) : [],
    };
  });
}

/** The highest item key ever used in the family's sikkerhedsplan. */
export async function maxSafetyKey(db: Kysely<Database>, familyId: number): Promise<number> {
  const items = await db
    .selectFrom('safety_plan_items as i')
    .innerJoin('safety_plan_versions as v', 'v.id', 'i.version_id')
    .select((eb) => eb.fn.max('i.item_key').as('m'))
    .where('v.family_id', '=', familyId)
    .executeTakeFirst();
  const contacts = await db
    .selectFrom('safety_plan_contacts as c')
    .innerJoin('safety_plan_versions as v', 'v.id', 'c.version_id')
    .select((eb) => eb.fn.max('c.item_key').as('m'))
    .where('v.family_id', '=', familyId)
    .executeTakeFirst();
  return Math.max(Number(items?.m ?? 0), Number(contacts?.m ?? 0));
}
