import { sql, type Kysely } from 'kysely';
import { AppFailure } from '../../common/errors';
import { maskCpr, type FamilyDetail, type FamilySummary, type Phase } from '../../common/families';
import type { Database } from '../../db/schema';
import { handlers } from '../registry';
import { loadObservations, pendingConcernIds } from './entries';

const DAY = 86_400_000;

export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Start + 6 months, same day of month (or the month's last day). */
export function sixMonthsAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + 6, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export async function familySummaries(db: Kysely<Database>, options: { includeClosed?: boolean; familyId?: number } = {}): Promise<FamilySummary[]> {
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
        .as('last_entry_at'),
      eb
        .selectFrom('observations as o')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('o.family_id', '=', 'f.id')
        .where('o.status', '=', 'signed')
        .where('o.concern', '=', 'serious')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('concern_acknowledgements as a').select(sql`1`.as('x')).whereRef('a.observation_id', '=', 'o.id'))))
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
      lastObservationAt: (r.last_entry_at as string | null) ?? null,
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
    openConcerns: await loadObservations(db, await pendingConcernIds(db, familyId)),
    latestObservations: await loadObservations(db, latestIds),
  };
}

export async function requireOpenFamily(db: Kysely<Database>, familyId: number): Promise<void> {
  const f = await db.selectFrom('families').select(['id', 'end_date']).where('id', '=', familyId).executeTakeFirst();
  if (!f) throw new AppFailure('not_found', 'Familien findes ikke.');
  if (f.end_date) throw new AppFailure('conflict', 'Forløbet er afsluttet. Det kan læses, men ikke ændres.');
}

async function familyOfPerson(db: Kysely<Database>, personId: number): Promise<number> {
  const p = await db.selectFrom('persons').select('family_id').where('id', '=', personId).executeTakeFirst();
  if (!p) throw new AppFailure('not_found', 'Personen findes ikke.');
  return p.family_id;
}

function planned(startDate: string, plannedEndDate: string | null): string {
  const end = plannedEndDate ?? sixMonthsAfter(startDate);
  if (end < startDate) {
    const message = 'Planlagt slutdato skal ligge efter startdatoen.';
    throw new AppFailure('invalid_input', message, [{ path: 'plannedEndDate', message }]);
  }
  return end;
}

export const familyHandlers = handlers({
  'families:list': {
    audit: { action: 'read', detail: (input) => ({ what: 'familieliste', includeClosed: input.includeClosed }) },
    async run({ db }, input) {
      return familySummaries(db!, { includeClosed: input.includeClosed });
    },
  },

  'families:get': {
    audit: { action: 'read', familyId: (input) => input.familyId, detail: () => ({ what: 'familie' }) },
    async run({ db }, input) {
      return loadFamily(db!, input.familyId);
    },
  },

  'families:create': {
    audit: { action: 'create', familyId: (_i, out) => out.id, detail: () => ({ what: 'familie' }) },
    write: true,
    async run({ db, user, now }, input) {
      const at = now.toISOString();
      const family = await db!
        .insertInto('families')
        .values({
          display_name: input.displayName,
          municipality: input.municipality ?? null,
          caseworker_name: input.caseworkerName ?? null,
          caseworker_contact: input.caseworkerContact ?? null,
          legal_basis: input.legalBasis,
          phase: input.phase,
          start_date: input.startDate,
          planned_end_date: planned(input.startDate, input.plannedEndDate ?? null),
          created_by: user!.id,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db!.insertInto('family_phases').values({ family_id: family.id, phase: input.phase, from_date: input.startDate, recorded_by: user!.id, recorded_at: at }).execute();
      await db!
        .insertInto('persons')
        .values(
          input.persons.map((p) => ({
            family_id: family.id,
            kind: p.kind,
            name: p.name,
            cpr: p.cpr,
            birth_date: p.birthDate,
            due_date: p.dueDate,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      // The one who creates the family starts as its tovholder; it can be changed on the Team tab.
      const member = await db!
        .insertInto('team_members')
        .values({ family_id: family.id, user_id: user!.id, role: 'family_therapist', added_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db!.insertInto('coordinator_periods').values({ family_id: family.id, team_member_id: member.id, from_at: at, set_by: user!.id }).execute();
      return loadFamily(db!, family.id);
    },
  },

  'families:update': {
    audit: { action: 'change', familyId: (input) => input.familyId, detail: () => ({ what: 'familieoplysninger' }) },
    write: true,
    async run({ db, now }, input) {
      await requireOpenFamily(db!, input.familyId);
      await db!
        .updateTable('families')
        .set({
          display_name: input.displayName,
          municipality: input.municipality ?? null,
          caseworker_name: input.caseworkerName ?? null,
          caseworker_contact: input.caseworkerContact ?? null,
          legal_basis: input.legalBasis,
          start_date: input.startDate,
          planned_end_date: planned(input.startDate, input.plannedEndDate ?? null),
          updated_at: now.toISOString(),
        })
        .where('id', '=', input.familyId)
        .execute();
      return loadFamily(db!, input.familyId);
    },
  },

  'families:changePhase': {
    audit: { action: 'change', familyId: (input) => input.familyId, detail: (input) => ({ what: 'fase', phase: input.phase, fromDate: input.fromDate }) },
    write: true,
    async run({ db, user, now }, input) {
      await requireOpenFamily(db!, input.familyId);
      const current = await db!.selectFrom('families').select(['phase']).where('id', '=', input.familyId).executeTakeFirstOrThrow();
      if (current.phase === input.phase) throw new AppFailure('conflict', 'Familien er allerede i den fase.');
      const last = await db!.selectFrom('family_phases').select('from_date').where('family_id', '=', input.familyId).orderBy('from_date', 'desc').limit(1).executeTakeFirst();
      if (last && input.fromDate < last.from_date) {
        const message = 'Datoen ligger før den nuværende fases start.';
        throw new AppFailure('invalid_input', message, [{ path: 'fromDate', message }]);
      }
      const at = now.toISOString();
      await db!.insertInto('family_phases').values({ family_id: input.familyId, phase: input.phase as Phase, from_date: input.fromDate, recorded_by: user!.id, recorded_at: at }).execute();
      await db!.updateTable('families').set({ phase: input.phase, updated_at: at }).where('id', '=', input.familyId).execute();
      return loadFamily(db!, input.familyId);
    },
  },

  'families:close': {
    audit: { action: 'change', familyId: (input) => input.familyId, detail: (input) => ({ what: 'forløb afsluttet', outcome: input.outcome }) },
    write: true,
    async run({ db, now }, input) {
      await requireOpenFamily(db!, input.familyId);
      const f = await db!.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
      if (input.endDate < f.start_date) {
        const message = 'Slutdatoen ligger før startdatoen.';
        throw new AppFailure('invalid_input', message, [{ path: 'endDate', message }]);
      }
      await db!
        .updateTable('families')
        .set({ end_date: input.endDate, outcome: input.outcome, outcome_note: input.outcomeNote, updated_at: now.toISOString() })
        .where('id', '=', input.familyId)
        .execute();
      return loadFamily(db!, input.familyId);
    },
  },

  'persons:add': {
    audit: { action: 'create', familyId: (input) => input.familyId, detail: () => ({ what: 'person' }) },
    write: true,
    async run({ db, now }, input) {
      await requireOpenFamily(db!, input.familyId);
      const at = now.toISOString();
      await db!
        .insertInto('persons')
        .values({ family_id: input.familyId, kind: input.kind, name: input.name, cpr: input.cpr, birth_date: input.birthDate, due_date: input.dueDate, created_at: at, updated_at: at })
        .execute();
      return loadFamily(db!, input.familyId);
    },
  },

  'persons:update': {
    audit: { action: 'change', familyId: (_input, out) => out.id, detail: (input) => ({ what: 'person', personId: input.personId }) },
    write: true,
    async run({ db, now }, input) {
      const familyId = await familyOfPerson(db!, input.personId);
      await requireOpenFamily(db!, familyId);
      await db!
        .updateTable('persons')
        .set({
          kind: input.kind,
          name: input.name,
          ...(input.keepCpr && !input.cpr ? {} : { cpr: input.cpr }),
          birth_date: input.birthDate,
          due_date: input.dueDate,
          updated_at: now.toISOString(),
        })
        .where('id', '=', input.personId)
        .execute();
      return loadFamily(db!, familyId);
    },
  },

  'persons:markBorn': {
    audit: { action: 'change', familyId: (_input, out) => out.id, detail: (input) => ({ what: 'barn født', personId: input.personId }) },
    write: true,
    async run({ db, now }, input) {
      const familyId = await familyOfPerson(db!, input.personId);
      await requireOpenFamily(db!, familyId);
      const p = await db!.selectFrom('persons').select(['kind', 'birth_date']).where('id', '=', input.personId).executeTakeFirstOrThrow();
      if (p.kind !== 'child' || p.birth_date) throw new AppFailure('conflict', 'Kun et ufødt barn kan markeres som født.');
      await db!
        .updateTable('persons')
        .set({ birth_date: input.birthDate, due_date: null, name: input.name, updated_at: now.toISOString() })
        .where('id', '=', input.personId)
        .execute();
      return loadFamily(db!, familyId);
    },
  },

  'persons:revealCpr': {
    // Reading a full CPR number is its own access-log row (which person, never the number).
    audit: { action: 'read', familyId: (_input, out) => out.familyId, detail: (input) => ({ what: 'CPR-nummer vist', personId: input.personId }) },
    async run({ db }, input) {
      const p = await db!.selectFrom('persons').select(['cpr', 'family_id']).where('id', '=', input.personId).executeTakeFirst();
      if (!p) throw new AppFailure('not_found', 'Personen findes ikke.');
      return { cpr: p.cpr, familyId: p.family_id };
    },
  },
});
