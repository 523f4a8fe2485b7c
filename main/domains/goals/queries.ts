import type { Kysely } from 'kysely';
import { reviewDue, type Goal, type GoalArea } from '../../../common/goals';
import type { Database } from '../../../db/schema';
import { loadObservations } from '../journal/queries';

const ref = (id: number, name: string, initials: string) => ({ id, name, initials });

/**
 * Goals with every revision (the newest is in force), their reviews with who took part, and the observations linked
 * to them; `today` decides when a review is overdue. Newest goal last within a family (the order they were set).
 */
export async function loadGoals(db: Kysely<Database>, where: { familyIds: number[] } | { ids: number[] }, today: string, options: { observations?: boolean } = {}): Promise<Goal[]> {
  const list = 'familyIds' in where ? where.familyIds : where.ids;
  if (!list.length) return [];
  const goals = await db
    .selectFrom('goals as g')
    .innerJoin('users as u', 'u.id', 'g.created_by')
    .select(['g.id', 'g.family_id', 'g.scale_min', 'g.scale_max', 'g.scale_low_label', 'g.scale_high_label', 'g.review_every_days', 'g.created_at', 'u.id as by_id', 'u.name as by_name', 'u.initials as by_initials'])
    .where('familyIds' in where ? 'g.family_id' : 'g.id', 'in', list)
    .orderBy('g.id')
    .execute();
  const ids = goals.map((g) => g.id);
  if (!ids.length) return [];
  const revisions = await db
    .selectFrom('goal_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.goal_id', 'r.text', 'r.area', 'r.area_other', 'r.start_date', 'r.target_date', 'r.status', 'r.reason', 'r.created_at', 'u.id as by_id', 'u.name as by_name', 'u.initials as by_initials'])
    .where('r.goal_id', 'in', ids)
    .orderBy('r.id')
    .execute();
  const reviews = await db
    .selectFrom('goal_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.id', 'r.goal_id', 'r.reviewed_on', 'r.staff_score', 'r.parent_score', 'r.parent_comment', 'r.note', 'r.created_at', 'u.id as by_id', 'u.name as by_name', 'u.initials as by_initials'])
    .where('r.goal_id', 'in', ids)
    .orderBy('r.reviewed_on')
    .orderBy('r.id')
    .execute();
  const participants = reviews.length
    ? await db
        .selectFrom('goal_review_participants as p')
        .leftJoin('persons as pe', 'pe.id', 'p.person_id')
        .leftJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.review_id', 'p.person_id', 'p.user_id', 'p.name', 'pe.name as person_name', 'u.name as user_name'])
        .where(
          'p.review_id',
          'in',
          reviews.map((r) => r.id),
        )
        .orderBy('p.id')
        .execute()
    : [];
  const links = await db
    .selectFrom('goal_observations as l')
    .innerJoin('users as u', 'u.id', 'l.linked_by')
    .select(['l.goal_id', 'l.observation_id', 'l.linked_at', 'u.id as by_id', 'u.name as by_name', 'u.initials as by_initials'])
    .where('l.goal_id', 'in', ids)
    .execute();
  const observations = options.observations === false ? [] : await loadObservations(db, [...new Set(links.map((l) => l.observation_id))]);
  const observationById = new Map(observations.map((o) => [o.id, o]));

  return goals.flatMap((g): Goal[] => {
    const own = revisions.filter((r) => r.goal_id === g.id);
    const current = own[own.length - 1];
    if (!current) return [];
    const ownReviews = reviews.filter((r) => r.goal_id === g.id);
    const lastReview = ownReviews.reduce<string | null>((latest, r) => (latest === null || r.reviewed_on > latest ? r.reviewed_on : latest), null);
    return [
      {
        id: g.id,
        familyId: g.family_id,
        text: current.text,
        area: current.area as GoalArea,
        areaOther: current.area_other,
        startDate: current.start_date,
        targetDate: current.target_date,
        status: current.status,
        scale: { min: g.scale_min, max: g.scale_max, lowLabel: g.scale_low_label, highLabel: g.scale_high_label },
        reviewEveryDays: g.review_every_days,
        createdBy: ref(g.by_id, g.by_name, g.by_initials),
        createdAt: g.created_at,
        revisions: own.map((r) => ({
          id: r.id,
          text: r.text,
          area: r.area as GoalArea,
          areaOther: r.area_other,
          startDate: r.start_date,
          targetDate: r.target_date,
          status: r.status,
          reason: r.reason,
          by: ref(r.by_id, r.by_name, r.by_initials),
          at: r.created_at,
        })),
        reviews: ownReviews.map((r) => ({
          id: r.id,
          reviewedOn: r.reviewed_on,
          staffScore: r.staff_score,
          parentScore: r.parent_score,
          parentComment: r.parent_comment,
          note: r.note,
          participants: participants
            .filter((p) => p.review_id === r.id)
            .map((p) =>
              p.person_id !== null
                ? { kind: 'person' as const, id: p.person_id, name: p.person_name ?? '' }
                : p.user_id !== null
                  ? { kind: 'staff' as const, id: p.user_id, name: p.user_name ?? '' }
                  : { kind: 'other' as const, id: null, name: p.name ?? '' },
            ),
          by: ref(r.by_id, r.by_name, r.by_initials),
          at: r.created_at,
        })),
        reviewDue: reviewDue({ status: current.status, startDate: current.start_date, reviewEveryDays: g.review_every_days }, lastReview, today),
        targetPassed: current.status === 'active' && current.target_date !== null && today > current.target_date,
        observations: links
          .filter((l) => l.goal_id === g.id)
          .flatMap((l) => {
            const observation = observationById.get(l.observation_id);
            return observation ? [{ linkedAt: l.linked_at, linkedBy: ref(l.by_id, l.by_name, l.by_initials), observation }] : [];
          })
          .sort((a, b) => b.observation.observedAt.localeCompare(a.observation.observedAt)),
      },
    ];
  });
}

export async function loadGoal(db: Kysely<Database>, goalId: number, today: string): Promise<Goal | null> {
  const [goal] = await loadGoals(db, { ids: [goalId] }, today);
  return goal ?? null;
}

