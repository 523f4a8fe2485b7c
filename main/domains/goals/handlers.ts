import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import type { Goal } from '../../../common/goals';
import type { Database } from '../../../db/schema';
import { handlers, type SessionContext } from '../../core/context';
import { requireOpenFamily } from '../families/queries';
import { journalHandlers } from '../journal/handlers';
import { refuse } from '../progression/refuse';
import { loadGoal, loadGoals } from './queries';
import { familyOfRecord } from '../../../db/access-control';

/** The goal's family, through the need-to-know gate (not_found for no such goal). */
function goalFamily(ctx: SessionContext, goalId: number): Promise<number> {
  return ctx.families.record('goals', goalId, 'Målet findes ikke.');
}

async function familyStart(db: Kysely<Database>, familyId: number): Promise<string> {
  return (await db.selectFrom('families').select('start_date').where('id', '=', familyId).executeTakeFirstOrThrow()).start_date;
}

async function reload(ctx: SessionContext, goalId: number): Promise<Goal> {
  const goal = await loadGoal(ctx.db, goalId, todayIso(ctx.now));
  if (!goal) throw new AppFailure('not_found', 'Målet findes ikke.');
  return goal;
}

/** Links a signed observation of the goal's family (refused for another family's, a draft, or one already linked). */
async function link(ctx: SessionContext, goalId: number, familyId: number, observationId: number, path: string): Promise<void> {
  const o = await ctx.db.selectFrom('observations').select(['family_id', 'status']).where('id', '=', observationId).executeTakeFirst();
  if (!o || o.status !== 'signed' || o.family_id !== familyId) refuse([{ path, message: 'Notatet hører ikke til målets familie.' }]);
  const existing = await ctx.db.selectFrom('goal_observations').select('goal_id').where('goal_id', '=', goalId).where('observation_id', '=', observationId).executeTakeFirst();
  if (existing) throw new AppFailure('conflict', 'Notatet er allerede knyttet til målet.');
  await ctx.db.insertInto('goal_observations').values({ goal_id: goalId, observation_id: observationId, linked_by: ctx.user.id, linked_at: ctx.now.toISOString() }).execute();
}

/** Udviklingsmål: goals, appended revisions and reviews, and observations linked to them. */
export const goalHandlers = handlers({
  'goals:list': {
    audit: { action: 'read', subject: 'udviklingsmål' },
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      return loadGoals(db, { familyIds: [input.familyId] }, todayIso(now));
    },
  },

  'goals:create': {
    audit: { action: 'create', subject: 'udviklingsmål oprettet', detail: (_i, out) => ({ goalId: out.id }) },
    write: true,
    async run(ctx, input) {
      const { db, user, now, families } = ctx;
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      if (input.startDate < (await familyStart(db, input.familyId))) refuse([{ path: 'startDate', message: 'Startdatoen ligger før forløbets start.' }]);
      const at = now.toISOString();
      const goal = await db
        .insertInto('goals')
        .values({
          family_id: input.familyId,
          scale_min: input.scaleMin,
          scale_max: input.scaleMax,
          scale_low_label: input.scaleLowLabel,
          scale_high_label: input.scaleHighLabel,
          review_every_days: input.reviewEveryDays,
          created_by: user.id,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('goal_revisions')
        .values({
          goal_id: goal.id,
          text: input.text,
          area: input.area,
          area_other: input.area === 'other' ? input.areaOther : null,
          start_date: input.startDate,
          target_date: input.targetDate,
          status: 'active',
          reason: null,
          created_by: user.id,
          created_at: at,
        })
        .execute();
      return reload(ctx, goal.id);
    },
  },

  'goals:revise': {
    audit: { action: 'change', subject: 'udviklingsmål revideret', detail: (input) => ({ goalId: input.goalId, status: input.status }) },
    write: true,
    async run(ctx, input) {
      const familyId = await goalFamily(ctx, input.goalId);
      await requireOpenFamily(ctx.db, familyId);
      if (input.startDate < (await familyStart(ctx.db, familyId))) refuse([{ path: 'startDate', message: 'Startdatoen ligger før forløbets start.' }]);
      const current = (await reload(ctx, input.goalId)) satisfies Goal;
      const areaOther = input.area === 'other' ? input.areaOther : null;
      if (current.text === input.text && current.area === input.area && current.areaOther === areaOther && current.startDate === input.startDate && current.targetDate === input.targetDate && current.status === input.status) {
        throw new AppFailure('conflict', 'Intet er ændret.');
      }
      await ctx.db
        .insertInto('goal_revisions')
        .values({
          goal_id: input.goalId,
          text: input.text,
          area: input.area,
          area_other: areaOther,
          start_date: input.startDate,
          target_date: input.targetDate,
          status: input.status,
          reason: input.reason,
          created_by: ctx.user.id,
          created_at: ctx.now.toISOString(),
        })
        .execute();
      return reload(ctx, input.goalId);
    },
  },

  'goals:review': {
    audit: { action: 'create', subject: 'opfølgning på udviklingsmål', detail: (input) => ({ goalId: input.goalId }) },
    write: true,
    async run(ctx, input) {
      const { db } = ctx;
      const familyId = await goalFamily(ctx, input.goalId);
      await requireOpenFamily(db, familyId);
      const goal = await reload(ctx, input.goalId);
      const issues: FieldIssue[] = [];
      if (input.reviewedOn < goal.startDate) issues.push({ path: 'reviewedOn', message: 'Opfølgningen ligger før målets start.' });
      const { min, max } = goal.scale;
      for (const key of ['staffScore', 'parentScore'] as const) {
        const score = input[key];
        if (score !== null && (score < min || score > max)) issues.push({ path: key, message: `Scoren skal være mellem ${min} og ${max}.` });
      }
      const personIds = [...new Set(input.participantPersonIds)];
      if (personIds.length) {
        const found = await db.selectFrom('persons').select('id').where('family_id', '=', familyId).where('id', 'in', personIds).execute();
        if (found.length !== personIds.length) issues.push({ path: 'participantPersonIds', message: 'En valgt person hører ikke til familien.' });
      }
      const userIds = [...new Set(input.participantUserIds)];
      if (userIds.length) {
        const found = await db.selectFrom('users').select('id').where('id', 'in', userIds).execute();
        if (found.length !== userIds.length) issues.push({ path: 'participantUserIds', message: 'En valgt medarbejder findes ikke.' });
      }
      if (issues.length) refuse(issues);
      const review = await db
        .insertInto('goal_reviews')
        .values({
          goal_id: input.goalId,
          reviewed_on: input.reviewedOn,
          staff_score: input.staffScore,
          parent_score: input.parentScore,
          parent_comment: input.parentComment,
          note: input.note,
          created_by: ctx.user.id,
          created_at: ctx.now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const participants = [
        ...personIds.map((person_id) => ({ review_id: review.id, person_id, user_id: null, name: null })),
        ...userIds.map((user_id) => ({ review_id: review.id, person_id: null, user_id, name: null })),
        ...input.otherParticipants.map((name) => ({ review_id: review.id, person_id: null, user_id: null, name })),
      ];
      if (participants.length) await db.insertInto('goal_review_participants').values(participants).execute();
      return reload(ctx, input.goalId);
    },
  },

  'goals:linkObservation': {
    audit: { action: 'change', subject: 'notat knyttet til udviklingsmål', detail: (input) => ({ goalId: input.goalId, observationId: input.observationId }) },
    write: true,
    async run(ctx, input) {
      const familyId = await goalFamily(ctx, input.goalId);
      await requireOpenFamily(ctx.db, familyId);
      await link(ctx, input.goalId, familyId, input.observationId, 'observationId');
      return reload(ctx, input.goalId);
    },
  },

  'goals:signObservation': {
    audit: { action: 'create', subject: 'notat underskrevet og knyttet til udviklingsmål', detail: (input, out) => ({ observationId: out.observation.id, goalIds: input.goalIds }) },
    write: true,
    async run(ctx, input) {
      const { goalIds, ...content } = input;
      if (content.familyId) await ctx.families.family(content.familyId);
      // The same signing as journal:sign (its checks, search index and read-back), in this transaction.
      const observation = await journalHandlers['journal:sign'].run(ctx, content);
      const ids = [...new Set(goalIds)];
      for (const [i, goalId] of ids.entries()) {
        if ((await familyOfRecord(ctx.db, 'goals', goalId)) !== observation.familyId) refuse([{ path: `goalIds.${i}`, message: 'Målet hører ikke til notatets familie.' }]);
        // Signing repeated after a lost answer (journal:sign then answers with the note already signed): its links stand.
        const linked = await ctx.db.selectFrom('goal_observations').select('goal_id').where('goal_id', '=', goalId).where('observation_id', '=', observation.id).executeTakeFirst();
        if (linked) continue;
        await link(ctx, goalId, observation.familyId, observation.id, `goalIds.${i}`);
      }
      return { observation, goalIds: ids };
    },
  },
});
