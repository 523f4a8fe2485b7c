import type { Kysely } from 'kysely';
import { addMonths, daysBetween, todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import { maskCpr, UNBORN_CHILD_NAME, type FamilyDetail, type FamilySummary } from '../../../common/families';
import type { Database } from '../../../db/schema';
import { loadUnderretninger } from '../concerns/queries';
import { dischargeStatus } from '../discharge/status';
import { loadObservations, pendingConcernIds, seriousConcernIds, whereNotAcknowledged } from '../journal/queries';

/**
 * The families' list rows. `familyIds` limits them to the families a user may see (need-to-know); null: all.
 */
export async function familySummaries(db: Kysely<Database>, options: { includeClosed?: boolean; familyId?: number; familyIds?: number[] | null } = {}): Promise<FamilySummary[]> {
  if (options.familyIds?.length === 0) return [];
  let q = db
    .selectFrom('families as f')
    .select((eb) => [
      'f.id',
      'f.display_name',
      'f.phase',
      'f.start_date',
      'f.planned_end_date',
      'f.end_date',
      eb
        .selectFrom('family_phases as p')
        .select('p.from_date')
        .whereRef('p.family_id', '=', 'f.id')
        .where('p.phase', '=', 'stay')
        .orderBy('p.from_date')
        .limit(1)
        .as('stay_from'),
      eb
        .selectFrom('observations as o')
        .select((e) => e.fn.max('o.observed_at').as('m'))
        .whereRef('o.family_id', '=', 'f.id')
        .where('o.status', '=', 'signed')
        .as('last_observation_at'),
      eb
        .selectFrom('observations as o')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('o.family_id', '=', 'f.id')
        .where('o.status', '=', 'signed')
        .where('o.concern', '=', 'serious')
        .where(whereNotAcknowledged)
        .as('open_serious'),
      eb
        .selectFrom('coordinator_periods as cp')
        .innerJoin('team_members as tm', 'tm.id', 'cp.team_member_id')
        .leftJoin('users as u', 'u.id', 'tm.user_id')
        .select((e) => e.fn.coalesce('u.name', 'tm.name').as('n'))
        .whereRef('cp.family_id', '=', 'f.id')
        .where('cp.to_at', 'is', null)
        .limit(1)
        .as('coordinator_name'),
    ]);
  if (options.familyIds) q = q.where('f.id', 'in', options.familyIds);
  if (options.familyId) q = q.where('f.id', '=', options.familyId);
  else if (!options.includeClosed) q = q.where('f.end_date', 'is', null);
  const rows = await q.execute();
  const today = todayIso();
  const collator = new Intl.Collator('da');
  return rows
    .map((r) => ({
      id: r.id,
      displayName: r.display_name,
      phase: r.phase,
      startDate: r.start_date,
      plannedEndDate: r.planned_end_date,
      endDate: r.end_date,
      daysInPlacement: r.stay_from ? Math.max(0, daysBetween(r.stay_from, r.end_date ?? today)) : null,
      lastObservationAt: (r.last_observation_at as string | null) ?? null,
      openSeriousConcerns: Number(r.open_serious ?? 0),
      coordinatorName: (r.coordinator_name as string | null) ?? null,
    }))
    .sort((a, b) => Number(a.endDate !== null) - Number(b.endDate !== null) || collator.compare(a.displayName, b.displayName));
}

export async function loadFamily(db: Kysely<Database>, familyId: number): Promise<FamilyDetail> {
  const [summary] = await familySummaries(db, { familyId });
  const f = await db.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst();
  if (!summary || !f) throw new AppFailure('not_found', 'Familien findes ikke.');
  const persons = await db.selectFrom('persons').selectAll().where('family_id', '=', familyId).orderBy('id').execute();
  const phases = await db
    .selectFrom('family_phases as p')
    .innerJoin('users as u', 'u.id', 'p.recorded_by')
    .select(['p.phase', 'p.from_date', 'p.recorded_at', 'u.name'])
    .where('p.family_id', '=', familyId)
    .orderBy('p.from_date')
    .orderBy('p.id')
    .execute();
  const team = await db
    .selectFrom('team_members as t')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('coordinator_periods as cp', (j) => j.onRef('cp.team_member_id', '=', 't.id').on('cp.to_at', 'is', null))
    .select(['t.id', 't.user_id', 't.name', 'u.name as user_name', 't.role', 't.role_other', 't.organisation', 't.phone', 't.email', 't.added_at', 't.removed_at', 'cp.id as coordinator_period'])
    .where('t.family_id', '=', familyId)
    .orderBy('t.id')
    .execute();
  const history = await db
    .selectFrom('coordinator_periods as cp')
    .innerJoin('team_members as t', 't.id', 'cp.team_member_id')
    .leftJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('users as s', 's.id', 'cp.set_by')
    .select(['cp.team_member_id', 'cp.from_at', 'cp.to_at', 't.name', 'u.name as user_name', 's.name as set_by'])
    .where('cp.family_id', '=', familyId)
    .orderBy('cp.from_at', 'desc')
    .orderBy('cp.id', 'desc')
    .execute();
  const latestIds = (
    await db
      .selectFrom('observations')
      .select('id')
      .where('family_id', '=', familyId)
      .where('status', '=', 'signed')
      .orderBy('observed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(5)
      .execute()
  ).map((r) => r.id);
  return {
    ...summary,
    municipality: f.municipality,
    caseworkerName: f.caseworker_name,
    caseworkerContact: f.caseworker_contact,
    legalBasis: f.legal_basis,
    outcome: f.outcome,
    outcomeNote: f.outcome_note,
    persons: persons.map((p) => ({ id: p.id, kind: p.kind, name: p.name, cprMasked: maskCpr(p.cpr), birthDate: p.birth_date, dueDate: p.due_date })),
    phases: phases.map((p) => ({ phase: p.phase, fromDate: p.from_date, recordedBy: p.name, recordedAt: p.recorded_at })),
    team: team.map((t) => ({
      id: t.id,
      userId: t.user_id,
      name: t.user_name ?? t.name ?? '',
      internal: t.user_id !== null,
      role: t.role as FamilyDetail['team'][number]['role'],
      roleOther: t.role_other,
      organisation: t.organisation,
      phone: t.phone,
      email: t.email,
      addedAt: t.added_at,
      removedAt: t.removed_at,
      isCoordinator: t.coordinator_period !== null,
    })),
    coordinatorHistory: history.map((h) => ({ memberId: h.team_member_id, name: h.user_name ?? h.name ?? '', fromAt: h.from_at, toAt: h.to_at, setBy: h.set_by })),
    openConcerns: await loadObservations(db, await pendingConcernIds(db, [familyId])),
    concernHistory: await loadObservations(db, await seriousConcernIds(db, familyId)),
    underretninger: await loadUnderretninger(db, { familyId }),
    latestObservations: await loadObservations(db, latestIds),
    dischargePlan: await dischargeStatus(db, familyId, todayIso()),
  };
}

/** The name stored for a person: an unborn child may be added without one. */
export function personName(p: { name: string; kind: string; birthDate: string | null }): string {
  return p.name || (p.kind === 'child' && !p.birthDate ? UNBORN_CHILD_NAME : p.name);
}

export async function requireOpenFamily(db: Kysely<Database>, familyId: number): Promise<void> {
  const f = await db.selectFrom('families').select(['id', 'end_date']).where('id', '=', familyId).executeTakeFirst();
  if (!f) throw new AppFailure('not_found', 'Familien findes ikke.');
  if (f.end_date) throw new AppFailure('conflict', 'Forløbet er afsluttet. Det kan læses, men ikke ændres.');
}


export function plannedEnd(startDate: string, plannedEndDate: string | null): string {
  const end = plannedEndDate ?? addMonths(startDate, 6);
  if (end < startDate) {
    const message = 'Planlagt slutdato skal ligge efter startdatoen.';
    throw new AppFailure('invalid_input', message, [{ path: 'plannedEndDate', message }]);
  }
  return end;
}

