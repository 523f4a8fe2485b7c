import { addMonths, todayIso } from '../../../common/dates';
import { AppFailure } from '../../../common/errors';
import { handlers } from '../../core/context';
import { familySummaries, loadFamily, personName, plannedEnd, requireOpenFamily } from './queries';

/** Families (forløb): the list, one family's overview, creating, editing, phases and closing. */
export const familyHandlers = handlers({
  'families:list': {
    audit: { action: 'read', subject: 'familieliste' },
    async run({ db, families }, input) {
      const rows = await familySummaries(db, { includeClosed: input.includeClosed, familyIds: await families.scope() });
      families.shown(rows.map((f) => f.id));
      return rows;
    },
  },

  'families:get': {
    audit: { action: 'read', subject: 'familie' },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      return loadFamily(db, input.familyId);
    },
  },

  'families:create': {
    audit: { action: 'create', subject: 'familie' },
    write: true,
    async run({ db, user, now, families }, input) {
      const at = now.toISOString();
      const family = await db
        .insertInto('families')
        .values({
          display_name: input.displayName,
          municipality: input.municipality ?? null,
          caseworker_name: input.caseworkerName ?? null,
          caseworker_contact: input.caseworkerContact ?? null,
          legal_basis: input.legalBasis,
          phase: input.phase,
          start_date: input.startDate,
          planned_end_date: plannedEnd(input.startDate, input.plannedEndDate ?? null),
          created_by: user.id,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('family_phases').values({ family_id: family.id, phase: input.phase, from_date: input.startDate, recorded_by: user.id, recorded_at: at }).execute();
      await db
        .insertInto('persons')
        .values(input.persons.map((p) => ({ family_id: family.id, kind: p.kind, name: personName(p), cpr: p.cpr, birth_date: p.birthDate, due_date: p.dueDate, created_at: at, updated_at: at })))
        .execute();
      // The one who creates the family starts as its tovholder; it can be changed on the Team tab.
      const member = await db.insertInto('team_members').values({ family_id: family.id, user_id: user.id, role: 'family_therapist', added_at: at }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('coordinator_periods').values({ family_id: family.id, team_member_id: member.id, from_at: at, set_by: user.id }).execute();
      await families.family(family.id);
      return loadFamily(db, family.id);
    },
  },

  'families:update': {
    audit: { action: 'change', subject: 'familieoplysninger' },
    write: true,
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      await db
        .updateTable('families')
        .set({
          display_name: input.displayName,
          municipality: input.municipality ?? null,
          caseworker_name: input.caseworkerName ?? null,
          caseworker_contact: input.caseworkerContact ?? null,
          legal_basis: input.legalBasis,
          start_date: input.startDate,
          planned_end_date: plannedEnd(input.startDate, input.plannedEndDate ?? null),
          updated_at: now.toISOString(),
        })
        .where('id', '=', input.familyId)
        .execute();
      return loadFamily(db, input.familyId);
    },
  },

  'families:changePhase': {
    audit: { action: 'change', subject: 'fase', detail: (input) => ({ phase: input.phase, fromDate: input.fromDate }) },
    write: true,
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const current = await db.selectFrom('families').select(['phase']).where('id', '=', input.familyId).executeTakeFirstOrThrow();
      if (current.phase === input.phase) throw new AppFailure('conflict', 'Familien er allerede i den fase.');
      const last = await db.selectFrom('family_phases').select('from_date').where('family_id', '=', input.familyId).orderBy('from_date', 'desc').limit(1).executeTakeFirst();
      const invalid = (message: string) => new AppFailure('invalid_input', message, [{ path: 'fromDate', message }]);
      if (last && input.fromDate < last.from_date) throw invalid('Datoen ligger før den nuværende fases start.');
      if (input.fromDate > addMonths(todayIso(now), 12)) throw invalid('Datoen må højst ligge et år frem.');
      const at = now.toISOString();
      await db.insertInto('family_phases').values({ family_id: input.familyId, phase: input.phase, from_date: input.fromDate, recorded_by: user.id, recorded_at: at }).execute();
      await db.updateTable('families').set({ phase: input.phase, updated_at: at }).where('id', '=', input.familyId).execute();
      return loadFamily(db, input.familyId);
    },
  },

  'families:close': {
    audit: { action: 'change', subject: 'forløb afsluttet', detail: (input) => ({ outcome: input.outcome }) },
    write: true,
    async run({ db, now, families }, input) {
      await families.family(input.familyId);
      await requireOpenFamily(db, input.familyId);
      const f = await db.selectFrom('families').select('start_date').where('id', '=', input.familyId).executeTakeFirstOrThrow();
      const invalid = (message: string) => new AppFailure('invalid_input', message, [{ path: 'endDate', message }]);
      if (input.endDate < f.start_date) throw invalid('Slutdatoen ligger før startdatoen.');
      if (input.endDate > todayIso(now)) throw invalid('Slutdatoen ligger i fremtiden. Afslut forløbet på dagen, det slutter.');
      await db
        .updateTable('families')
        .set({ end_date: input.endDate, outcome: input.outcome, outcome_note: input.outcomeNote, updated_at: now.toISOString() })
        .where('id', '=', input.familyId)
        .execute();
      return loadFamily(db, input.familyId);
    },
  },
});
