import type { Kysely } from 'kysely';
import { todayIso } from '../../../common/dates';
import { statusReportContentSchema, statusReportSections, type Sections, type StatusReportContent } from '../../../common/status-reports';
import type { Database } from '../../../db/schema';
import { loadFamily } from '../families/queries';
import { loadGoals } from '../goals/queries';
import { loadObservations } from '../journal/queries';
import { inForce } from '../progression/facts';
import { loadMeasurements } from '../progression/measurement-queries';

export interface ReportDraft {
  familyId: number;
  periodFrom: string;
  periodTo: string;
  observationIds: number[];
  sections: Sections;
}

const within = (date: string, d: ReportDraft) => date >= d.periodFrom && date <= d.periodTo;
/** The local date of a timestamp (an observation's time), as staff read it. */
const localDate = (timestamp: string) => todayIso(new Date(timestamp));

/** The sections as stored (JSON), keeping only known keys with text. */
export function parseSections(json: string): Sections {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const sections: Sections = {};
  for (const key of statusReportSections) if (typeof raw[key] === 'string' && raw[key]) sections[key] = raw[key];
  return sections;
}

/**
 * Assembles what a status report shows from the family's records: the family and its team, goals begun by the end of
 * the period with the reviews inside it, measurements in force made in the period, serious concerns observed and
 * underretninger sent in it, and the observations staff marked, with the free-text sections. Never CPR numbers.
 */
export async function assembleContent(db: Kysely<Database>, draft: ReportDraft, now: Date): Promise<StatusReportContent> {
  const family = await loadFamily(db, draft.familyId);
  const goals = await loadGoals(db, { familyIds: [draft.familyId] }, todayIso(now), { observations: false });
  const measurements = inForce(await loadMeasurements(db, { familyIds: [draft.familyId] }))
    .filter((m) => within(m.measuredOn, draft))
    .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id);
  const observations = (await loadObservations(db, draft.observationIds)).sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  const coordinator = family.team.find((t) => t.isCoordinator);
  const content: StatusReportContent = {
    family: {
      id: family.id,
      displayName: family.displayName,
      municipality: family.municipality,
      caseworkerName: family.caseworkerName,
      legalBasis: family.legalBasis,
      startDate: family.startDate,
      plannedEndDate: family.plannedEndDate,
      endDate: family.endDate,
      outcome: family.outcome,
      phase: family.phase,
      phases: family.phases.map((p) => ({ phase: p.phase, fromDate: p.fromDate })),
    },
    persons: family.persons.map((p) => ({ id: p.id, kind: p.kind, name: p.name, birthDate: p.birthDate, dueDate: p.dueDate })),
    coordinator: coordinator ? { name: coordinator.name, internal: coordinator.internal } : null,
    team: family.team.filter((t) => !t.removedAt).map((t) => ({ name: t.name, role: t.role, roleOther: t.roleOther, organisation: t.organisation, internal: t.internal })),
    period: { from: draft.periodFrom, to: draft.periodTo },
    goals: goals
      .filter((g) => g.startDate <= draft.periodTo)
      .map((g) => ({
        id: g.id,
        text: g.text,
        area: g.area,
        areaOther: g.areaOther,
        status: g.status,
        startDate: g.startDate,
        targetDate: g.targetDate,
        scale: g.scale,
        reviews: g.reviews.filter((r) => within(r.reviewedOn, draft)),
      })),
    measurements: measurements.map((m) => ({
      id: m.id,
      instrumentName: m.instrument.name,
      instrumentVersion: m.instrument.version,
      personName: m.person.name,
      measuredOn: m.measuredOn,
      interval: m.interval,
      total: m.total,
      zone: m.zone,
      cutoff: m.cutoff,
      direction: m.instrument.direction,
      age: m.age,
      rater: m.rater.name,
      corrected: m.history.length > 1,
    })),
    concerns: family.concernHistory.filter((o) => within(localDate(o.observedAt), draft)).reverse(),
    underretninger: family.underretninger.filter((u) => within(u.sentOn, draft)).reverse(),
    observations,
    sections: { ...draft.sections },
    assembledAt: now.toISOString(),
  };
  return statusReportContentSchema.parse(content);
}
