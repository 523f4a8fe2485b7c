import { todayIso } from '../../../common/dates';
import { timelineOf } from '../../../common/discharge-timeline';
import { AppFailure } from '../../../common/errors';
import { personKindLabels, type PersonKind } from '../../../common/families';
import { handoverGoalOf } from '../../../common/handover-package';
import { teamRoleLabels, type TeamRole } from '../../../common/team';
import { handlers } from '../../core/context';
import { loadGoals } from '../goals/queries';
import { loadNetwork } from '../network/queries';
import { loadSafetyPlans } from '../network/safety-plan-queries';
import { loadDischargePlans } from './queries';

/**
 * The overleveringspakke for the receiving service and the municipality: the family and its team, the newest
 * udslusningsplan with its timeline, the udviklingsmål, the network (current persons and every agreement with its
 * follow-up) and the newest sikkerhedsplan. Complete enough to print; logged as an export.
 */
export const handoverPackageHandlers = handlers({
  'handoverPackage:get': {
    audit: {
      action: 'export',
      subject: 'overleveringspakke',
      detail: (_input, output) => ({ dischargePlanVersion: output.dischargePlan?.version ?? null, safetyPlanVersion: output.safetyPlan?.version ?? null }),
    },
    async run({ db, user, now, families }, input) {
      await families.family(input.familyId);
      const f = await db.selectFrom('families').selectAll().where('id', '=', input.familyId).executeTakeFirst();
      if (!f) throw new AppFailure('not_found', 'Familien findes ikke.');
      const persons = await db.selectFrom('persons').select(['name', 'kind', 'birth_date', 'due_date']).where('family_id', '=', input.familyId).orderBy('id').execute();
      const team = await db
        .selectFrom('team_members as t')
        .leftJoin('users as u', 'u.id', 't.user_id')
        .leftJoin('coordinator_periods as cp', (j) => j.onRef('cp.team_member_id', '=', 't.id').on('cp.to_at', 'is', null))
        .select(['t.name', 'u.name as user_name', 't.role', 't.role_other', 't.organisation', 't.phone', 't.email', 'cp.id as coordinator_period'])
        .where('t.family_id', '=', input.familyId)
        .where('t.removed_at', 'is', null)
        .orderBy('t.id')
        .execute();
      const [plan] = await loadDischargePlans(db, input.familyId, 'newest');
      const network = await loadNetwork(db, input.familyId);
      const safetyPlan = (await loadSafetyPlans(db, input.familyId)).at(-1) ?? null;
      const goals = (await loadGoals(db, { familyIds: [input.familyId] }, todayIso(now))).map(handoverGoalOf);
      return {
        familyId: input.familyId,
        generatedAt: now.toISOString(),
        generatedBy: { id: user.id, name: user.name, initials: user.initials },
        family: {
          displayName: f.display_name,
          phase: f.phase,
          startDate: f.start_date,
          plannedEndDate: f.planned_end_date,
          endDate: f.end_date,
          municipality: f.municipality,
          caseworkerName: f.caseworker_name,
          caseworkerContact: f.caseworker_contact,
          legalBasis: f.legal_basis,
          persons: persons.map((p) => ({ name: p.name, kind: p.kind, kindLabel: personKindLabels[p.kind as PersonKind], birthDate: p.birth_date, dueDate: p.due_date })),
          team: team.map((t) => ({
            name: t.user_name ?? t.name ?? '',
            role: t.role as TeamRole,
            roleLabel: t.role === 'other' && t.role_other ? t.role_other : teamRoleLabels[t.role as TeamRole],
            organisation: t.organisation,
            phone: t.phone,
            email: t.email,
            isCoordinator: t.coordinator_period !== null,
          })),
        },
        dischargePlan: plan ?? null,
        timeline: timelineOf(plan?.steps ?? [], todayIso(now)),
        goals,
        network: {
          persons: network.persons.filter((p) => p.removedAt === null),
          agreements: network.agreements,
          lastMeetingOn: network.meetings[0]?.heldOn ?? null,
        },
        safetyPlan,
      };
    },
  },
});
