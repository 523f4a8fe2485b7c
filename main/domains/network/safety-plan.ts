import type { Kysely } from 'kysely';
import { itemAt } from '../../../common/arrays';
import { todayIso } from '../../../common/dates';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import { diffSafetyPlans } from '../../../common/plan-diff';
import { assignKeys, PLAN_CHANGED_MESSAGE } from '../../../common/plan-keys';
import type { SafetyPlanContent, SafetyPlanVersion } from '../../../common/safety-plan';
import { danishDate } from '../../../common/text-input';
import type { Database } from '../../../db/schema';
import type { PartyColumns } from '../../../db/schema-plans';
import { handlers } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { PartyResolver } from './parties';
import { loadSafetyPlans, maxSafetyKey, safetyVersionList } from './safety-plan-queries';

function versionOf(versions: SafetyPlanVersion[], version: number, path: string): SafetyPlanVersion {
  const v = versions.find((x) => x.version === version);
  if (!v) {
    const message = `Udgave ${version} findes ikke.`;
    throw new AppFailure('invalid_input', message, [{ path, message }]);
  }
  return v;
}

/** A contact's phone: as typed, or the network person's or team member's number when none is typed. */
async function phoneOf(db: Kysely<Database>, party: PartyColumns, typed: string | null): Promise<string | null> {
  if (typed) return typed;
  if (party.network_person_id !== null) return (await db.selectFrom('network_persons').select('phone').where('id', '=', party.network_person_id).executeTakeFirst())?.phone ?? null;
  if (party.team_member_id !== null) return (await db.selectFrom('team_members').select('phone').where('id', '=', party.team_member_id).executeTakeFirst())?.phone ?? null;
  return null;
}

/** Writes the next version: everything is checked first, so a refused save writes nothing. */
async function saveVersion(db: Kysely<Database>, userId: number, now: Date, input: SafetyPlanContent, previous: SafetyPlanVersion | undefined): Promise<number> {
  const family = await db.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
  const issues: FieldIssue[] = [];
  if (input.agreedOn > todayIso(now)) issues.push({ path: 'agreedOn', message: 'Datoen ligger i fremtiden.' });
  if (input.agreedOn < family.start_date) issues.push({ path: 'agreedOn', message: `Datoen ligger før forløbets start (${danishDate(family.start_date)}).` });

  let nextFree = (await maxSafetyKey(db, input.familyId)) + 1;
  const keysOf = (items: Array<{ key: number }> | undefined) => new Set((items ?? []).map((i) => i.key));
  const sections = {
    worries: keysOf(previous?.worries),
    actions: keysOf(previous?.actions),
    contacts: keysOf(previous?.contacts),
    signs: keysOf(previous?.signs),
  };
  const keys = {} as Record<keyof typeof sections, number[]>;
  for (const section of Object.keys(sections) as Array<keyof typeof sections>) {
    const assigned = assignKeys(input[section], sections[section], nextFree, (i) => `${section}.${i}.key`);
    keys[section] = assigned.keys;
    issues.push(...assigned.issues);
    nextFree = assigned.nextFree;
  }

  const resolver = new PartyResolver(db, input.familyId);
  const agreedBy: PartyColumns[] = [];
  for (const [i, p] of input.agreedBy.entries()) agreedBy.push(await resolver.resolve(p, `agreedBy.${i}`));
  const contacts: PartyColumns[] = [];
  for (const [i, c] of input.contacts.entries()) contacts.push(await resolver.resolve(c.who, `contacts.${i}.who`));
  resolver.check(issues);

  const v = await db
    .insertInto('safety_plan_versions')
    .values({ family_id: input.familyId, version: (previous?.version ?? 0) + 1, agreed_on: input.agreedOn, reason: input.reason, author_id: userId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('safety_plan_parties').values(agreedBy.map((p, position) => ({ version_id: v.id, position, ...p }))).execute();
  const items = (['worries', 'actions', 'signs'] as const).flatMap((section) =>
    input[section].map((item, i) => ({ version_id: v.id, item_key: itemAt(keys[section], i, `${section} key`), section: ({ worries: 'worry', actions: 'action', signs: 'sign' } as const)[section], position: i, text: item.text })),
  );
  if (items.length) await db.insertInto('safety_plan_items').values(items).execute();
  for (const [i, c] of input.contacts.entries()) {
    const party = itemAt(contacts, i, 'contact party');
    await db
      .insertInto('safety_plan_contacts')
      .values({ version_id: v.id, item_key: itemAt(keys.contacts, i, 'contacts key'), position: i, when_text: c.when, phone: await phoneOf(db, party, c.phone), ...party })
      .execute();
  }
  return v.id;
}

/** The sikkerhedsplan: every version kept as it was agreed; two versions compared. */
export const safetyPlanHandlers = handlers({
  'safetyPlan:get': {
    audit: { action: 'read', subject: 'sikkerhedsplan', detail: (input) => (input.version ? { version: input.version } : undefined) },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      const versions = await loadSafetyPlans(db, input.familyId);
      const current = versions.at(-1) ?? null;
      return {
        familyId: input.familyId,
        plan: input.version ? versionOf(versions, input.version, 'version') : current,
        currentVersion: current?.version ?? null,
        versions: safetyVersionList(versions),
      };
    },
  },

  'safetyPlan:save': {
    audit: { action: 'change', subject: 'sikkerhedsplan: ny udgave', detail: (input) => ({ baseVersion: input.baseVersion }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const versions = await loadSafetyPlans(db, input.familyId);
      const previous = versions.at(-1);
      if ((previous?.version ?? null) !== input.baseVersion) throw new AppFailure('conflict', PLAN_CHANGED_MESSAGE);
      await saveVersion(db, user.id, now, input, previous);
      const saved = (await loadSafetyPlans(db, input.familyId)).at(-1);
      if (!saved) throw new AppFailure('not_found', 'Sikkerhedsplanen findes ikke.');
      return saved;
    },
  },

  'safetyPlan:diff': {
    audit: { action: 'read', subject: 'sikkerhedsplan: sammenligning', detail: (input) => ({ fromVersion: input.fromVersion, toVersion: input.toVersion }) },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      const versions = await loadSafetyPlans(db, input.familyId);
      return diffSafetyPlans(versionOf(versions, input.fromVersion, 'fromVersion'), versionOf(versions, input.toVersion, 'toVersion'));
    },
  },
});
