import type { Kysely } from 'kysely';
import { AppFailure, type FieldIssue } from '../../../common/errors';
import { statusReportContentSchema, type Sections, type StatusReport, type StatusReportSummary } from '../../../common/status-reports';
import type { Database } from '../../../db/schema';
import { handlers, type SessionContext } from '../../core/context';
import { refuse } from '../progression/refuse';
import { assembleContent, parseSections } from './assemble';

const SIGNED = 'Statusrapporten er underskrevet og kan ikke ændres.';

const summaryQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('status_reports as r')
    .innerJoin('users as c', 'c.id', 'r.created_by')
    .leftJoin('users as s', 's.id', 'r.signed_by')
    .select([
      'r.id',
      'r.family_id',
      'r.status',
      'r.period_from',
      'r.period_to',
      'r.sections',
      'r.content',
      'r.created_at',
      'r.updated_at',
      'r.signed_at',
      'r.signed_as',
      'c.id as created_by_id',
      'c.name as created_by_name',
      'c.initials as created_by_initials',
      's.id as signed_by_id',
      's.name as signed_by_name',
      's.initials as signed_by_initials',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function summaryOf(r: Row): StatusReportSummary {
  return {
    id: r.id,
    familyId: r.family_id,
    status: r.status,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    createdBy: { id: r.created_by_id, name: r.created_by_name, initials: r.created_by_initials },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    signed:
      r.status === 'signed' && r.signed_by_id !== null && r.signed_at && r.signed_as
        ? { by: { id: r.signed_by_id, name: r.signed_by_name ?? '', initials: r.signed_by_initials ?? '' }, at: r.signed_at, as: r.signed_as }
        : null,
  };
}

/** The report through the need-to-know gate: a signed report as it was signed, a draft assembled now. */
async function loadReport(ctx: SessionContext, reportId: number): Promise<StatusReport> {
  await ctx.families.record('status_reports', reportId, 'Statusrapporten findes ikke.');
  const r = await summaryQuery(ctx.db).where('r.id', '=', reportId).executeTakeFirstOrThrow();
  const links = await ctx.db.selectFrom('status_report_observations').select('observation_id').where('report_id', '=', reportId).orderBy('observation_id').execute();
  const observationIds = links.map((l) => l.observation_id);
  const sections = parseSections(r.sections);
  const content =
    r.status === 'signed' && r.content
      ? statusReportContentSchema.parse(JSON.parse(r.content))
      : await assembleContent(ctx.db, { familyId: r.family_id, periodFrom: r.period_from, periodTo: r.period_to, observationIds, sections }, ctx.now);
  return { ...summaryOf(r), observationIds, sections, content };
}

/** Period and marked observations: within the forløb, signed notes of the same family. */
async function checkDraft(db: Kysely<Database>, familyId: number, periodFrom: string, observationIds: number[]): Promise<void> {
  const issues: FieldIssue[] = [];
  const family = await db.selectFrom('families').select('start_date').where('id', '=', familyId).executeTakeFirstOrThrow();
  if (periodFrom < family.start_date) issues.push({ path: 'periodFrom', message: 'Perioden begynder før forløbets start.' });
  const ids = [...new Set(observationIds)];
  if (ids.length) {
    const found = await db.selectFrom('observations').select('id').where('id', 'in', ids).where('family_id', '=', familyId).where('status', '=', 'signed').execute();
    if (found.length !== ids.length) issues.push({ path: 'observationIds', message: 'Et valgt notat hører ikke til familien.' });
  }
  if (issues.length) refuse(issues);
}

async function setObservations(db: Kysely<Database>, reportId: number, observationIds: number[]): Promise<void> {
  await db.deleteFrom('status_report_observations').where('report_id', '=', reportId).execute();
  const ids = [...new Set(observationIds)];
  if (ids.length) await db.insertInto('status_report_observations').values(ids.map((observation_id) => ({ report_id: reportId, observation_id }))).execute();
}

/**
 * Who signs: the family's tovholder when it is a staff member with an active login; a leader (or administrator) when
 * the tovholder is an external team member without a login (or the tovholder's login is deactivated).
 */
async function signerRole(ctx: SessionContext, familyId: number): Promise<'coordinator' | 'leader'> {
  const coordinator = await ctx.db
    .selectFrom('coordinator_periods as cp')
    .innerJoin('team_members as tm', 'tm.id', 'cp.team_member_id')
    .leftJoin('users as u', 'u.id', 'tm.user_id')
    .select(['tm.user_id', 'tm.name', 'u.name as user_name', 'u.active'])
    .where('cp.family_id', '=', familyId)
    .where('cp.to_at', 'is', null)
    .executeTakeFirst();
  if (coordinator?.user_id != null && coordinator.active === 1) {
    if (coordinator.user_id === ctx.user.id) return 'coordinator';
    throw new AppFailure('forbidden', `Kun familiens tovholder, ${coordinator.user_name ?? ''}, kan underskrive statusrapporten.`);
  }
  if (ctx.user.role === 'leader' || ctx.user.role === 'admin') return 'leader';
  throw new AppFailure('forbidden', 'Familiens tovholder er ekstern og har intet login, så en leder underskriver statusrapporten.');
}

/**
 * Status reports: drafts assembled from the period and edited, signed by the tovholder and frozen (the database
 * refuses any change to a signed report as well). Closed families can get a final report: it documents the stay.
 */
export const statusReportHandlers = handlers({
  'statusReports:list': {
    audit: { action: 'read', subject: 'statusrapporter' },
    async run({ db, families }, input) {
      await families.family(input.familyId);
      const rows = await summaryQuery(db).where('r.family_id', '=', input.familyId).orderBy('r.period_to', 'desc').orderBy('r.id', 'desc').execute();
      return rows.map(summaryOf);
    },
  },

  'statusReports:get': {
    audit: { action: 'read', subject: 'statusrapport', detail: (input) => ({ reportId: input.reportId }) },
    async run(ctx, input) {
      return loadReport(ctx, input.reportId);
    },
  },

  'statusReports:create': {
    audit: { action: 'create', subject: 'statusrapport påbegyndt', detail: (_i, out) => ({ reportId: out.id }) },
    write: true,
    async run(ctx, input) {
      const { db, user, now, families } = ctx;
      await families.family(input.familyId);
      await checkDraft(db, input.familyId, input.periodFrom, input.observationIds);
      const at = now.toISOString();
      const row = await db
        .insertInto('status_reports')
        .values({ family_id: input.familyId, period_from: input.periodFrom, period_to: input.periodTo, status: 'draft', sections: '{}', content: null, created_by: user.id, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await setObservations(db, row.id, input.observationIds);
      return loadReport(ctx, row.id);
    },
  },

  'statusReports:update': {
    audit: { action: 'change', subject: 'statusrapport redigeret', detail: (input) => ({ reportId: input.reportId }) },
    write: true,
    async run(ctx, input) {
      const current = await loadReport(ctx, input.reportId);
      if (current.status === 'signed') throw new AppFailure('conflict', SIGNED);
      const periodFrom = input.periodFrom ?? current.periodFrom;
      const periodTo = input.periodTo ?? current.periodTo;
      if (periodTo < periodFrom) refuse([{ path: 'periodTo', message: 'Perioden slutter før den begynder.' }]);
      const observationIds = input.observationIds ?? current.observationIds;
      await checkDraft(ctx.db, current.familyId, periodFrom, observationIds);
      const sections: Sections = { ...current.sections };
      for (const [key, text] of Object.entries(input.sections ?? {}) as Array<[keyof Sections, string | undefined]>) {
        if (text === undefined) continue;
        if (text) sections[key] = text;
        else delete sections[key];
      }
      await ctx.db
        .updateTable('status_reports')
        .set({ period_from: periodFrom, period_to: periodTo, sections: JSON.stringify(sections), updated_at: ctx.now.toISOString() })
        .where('id', '=', input.reportId)
        .where('status', '=', 'draft')
        .execute();
      if (input.observationIds) await setObservations(ctx.db, input.reportId, observationIds);
      return loadReport(ctx, input.reportId);
    },
  },

  'statusReports:sign': {
    audit: { action: 'change', subject: 'statusrapport underskrevet', detail: (input) => ({ reportId: input.reportId }) },
    write: true,
    async run(ctx, input) {
      const draft = await loadReport(ctx, input.reportId);
      if (draft.status === 'signed') throw new AppFailure('conflict', SIGNED);
      const signedAs = await signerRole(ctx, draft.familyId);
      const at = ctx.now.toISOString();
      await ctx.db
        .updateTable('status_reports')
        .set({ status: 'signed', content: JSON.stringify(draft.content), signed_by: ctx.user.id, signed_at: at, signed_as: signedAs, updated_at: at })
        .where('id', '=', input.reportId)
        .where('status', '=', 'draft')
        .execute();
      return loadReport(ctx, input.reportId);
    },
  },
});
