import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  DischargePlanAgreementsTable,
  DischargePlanPartiesTable,
  DischargePlanStepsTable,
  DischargePlanSupportTable,
  DischargePlanVersionsTable,
  NetworkAgreementFollowupsTable,
  NetworkAgreementsTable,
  NetworkMeetingAmendmentsTable,
  NetworkMeetingParticipantsTable,
  NetworkMeetingsTable,
  NetworkPersonsTable,
  SafetyPlanContactsTable,
  SafetyPlanItemsTable,
  SafetyPlanPartiesTable,
  SafetyPlanVersionsTable,
} from './schema-plans';
import type {
  InstrumentsTable,
  InstrumentVersionsTable,
  MeasurementsTable,
  MeasurementRevisionsTable,
  GoalsTable,
  GoalRevisionsTable,
  GoalReviewsTable,
  GoalReviewParticipantsTable,
  GoalObservationsTable,
  StatusReportsTable,
  StatusReportObservationsTable,
} from './schema-progression';
export type { GoalStatus } from './schema-progression';

/** ISO 8601 UTC timestamp stored as TEXT. */
type Timestamp = string;

export interface UsersTable {
  id: Generated<number>;
  login_name: string;
  name: string;
  initials: string;
  role: 'staff' | 'leader' | 'admin';
  active: ColumnType<number, number | undefined, number>;
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  deactivated_at: Timestamp | null;
  /** On the institution's server: the user's own database role (null on a single workstation). */
  server_role: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface SecretsTable {
  name: string;
  value: string;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  /** Random id of the login session. */
  session_id: string | null;
  /** What was done: read, search, create, change, export, print, login, login_failed, logout, lock, recovery, denied, … */
  action: string;
  channel: string;
  /** The kind of access in plain Danish: what was read or changed, or why (break the glass). */
  subject: string | null;
  family_id: number | null;
  /** JSON with context such as search terms (CPR-like digits masked); never note text. Erasable by retention. */
  detail: string | null;
  /** SHA-256 of `detail`, kept in the chain when the detail is erased. */
  detail_hash: string | null;
  /** 0 for events from the sealed events file, which anyone with file access could have appended. */
  verified: ColumnType<number, number | undefined, number>;
  prev_hash: string | null;
  hash: string | null;
}

export interface AccessLogChainTable {
  id: number;
  first_id: number;
  first_prev_hash: string;
}

/** A record of a family deleted after the retention period: no personal data. */
export interface DeletedFamiliesTable {
  id: Generated<number>;
  family_id: number;
  closed_on: string;
  deleted_at: Timestamp;
  deleted_by: number;
  retention_years: number;
}

export interface RetentionModeTable {
  purpose: string;
}

/** The key slots that may open the database; the key file is checked against this list. */
export interface KeySlotsTable {
  slot_id: string;
  kind: 'user' | 'recovery';
  user_id: number | null;
  public_key: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
}

export type Phase = 'intake' | 'stay' | 'closing';
export type Outcome = 'own_home' | 'other_intervention' | 'child_placed' | 'other';
export type PersonKind = 'mother' | 'father' | 'co_mother' | 'step_parent' | 'child' | 'sibling';
export type Shift = 'day' | 'evening' | 'night';
export type Concern = 'none' | 'mild' | 'serious';

export interface FamiliesTable {
  id: Generated<number>;
  display_name: string;
  municipality: string | null;
  caseworker_name: string | null;
  caseworker_contact: string | null;
  legal_basis: string;
  phase: Phase;
  /** Dates as YYYY-MM-DD. */
  start_date: string;
  planned_end_date: string;
  end_date: string | null;
  outcome: Outcome | null;
  outcome_note: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FamilyPhasesTable {
  id: Generated<number>;
  family_id: number;
  phase: Phase;
  from_date: string;
  recorded_by: number;
  recorded_at: Timestamp;
}

export interface PersonsTable {
  id: Generated<number>;
  family_id: number;
  kind: PersonKind;
  name: string;
  cpr: string | null;
  birth_date: string | null;
  due_date: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  id: Generated<number>;
  family_id: number;
  user_id: number | null;
  name: string | null;
  role: string;
  role_other: string | null;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  added_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface CoordinatorPeriodsTable {
  id: Generated<number>;
  family_id: number;
  team_member_id: number;
  from_at: Timestamp;
  to_at: Timestamp | null;
  set_by: number;
}

export interface ObservationCategoriesTable {
  id: Generated<number>;
  label: string;
  sort_order: number;
  active: ColumnType<number, number | undefined, number>;
}

export interface ObservationsTable {
  id: Generated<number>;
  family_id: number | null;
  author_id: number;
  status: 'draft' | 'signed';
  observed_at: Timestamp;
  shift: Shift;
  category_id: number | null;
  text: string;
  concern: Concern;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_at: Timestamp | null;
}

export interface ObservationPersonsTable {
  observation_id: number;
  person_id: number;
}

export interface ObservationAmendmentsTable {
  id: Generated<number>;
  observation_id: number;
  author_id: number;
  created_at: Timestamp;
  reason: string;
  text: string;
}

export interface ConcernAcknowledgementsTable {
  observation_id: number;
  acknowledged_by: number;
  acknowledged_at: Timestamp;
  note: string | null;
  /** JSON list of what was done (action codes, common/concerns.ts). */
  actions: string | null;
}

/** A report of concern to the municipality (underretning), never changed afterwards. */
export interface UnderretningerTable {
  id: Generated<number>;
  family_id: number;
  observation_id: number | null;
  /** YYYY-MM-DD */
  sent_on: string;
  municipality: string;
  recipient: string | null;
  reason: string;
  sent_by: number;
  created_at: Timestamp;
}

export interface UnderretningAmendmentsTable {
  id: Generated<number>;
  underretning_id: number;
  author_id: number;
  created_at: Timestamp;
  reason: string;
  text: string;
}


export interface ObservationSearchTable {
  rowid: number;
  body: string;
  family: string;
}

/** On the institution's server only: the access log's newest id and hash, written by the logging function. */
export interface AccessLogAnchorTable {
  id: number;
  last_id: number;
  hash: string;
  at: string;
}

/** On the institution's server only: "bryd glasset" as a row, so row-level security knows it. */
export interface BreakGlassTable {
  id: Generated<number>;
  user_id: number;
  family_id: number;
  session_id: string;
  expires_at: Date;
}

export interface Database {
  users: UsersTable;
  access_log_anchor: AccessLogAnchorTable;
  break_glass: BreakGlassTable;
  settings: SettingsTable;
  secrets: SecretsTable;
  access_log: AccessLogTable;
  access_log_chain: AccessLogChainTable;
  retention_mode: RetentionModeTable;
  deleted_families: DeletedFamiliesTable;
  key_slots: KeySlotsTable;
  families: FamiliesTable;
  family_phases: FamilyPhasesTable;
  persons: PersonsTable;
  team_members: TeamMembersTable;
  coordinator_periods: CoordinatorPeriodsTable;
  observation_categories: ObservationCategoriesTable;
  observations: ObservationsTable;
  observation_persons: ObservationPersonsTable;
  observation_amendments: ObservationAmendmentsTable;
  concern_acknowledgements: ConcernAcknowledgementsTable;
  underretninger: UnderretningerTable;
  underretning_amendments: UnderretningAmendmentsTable;
  observation_search: ObservationSearchTable;
  network_persons: NetworkPersonsTable;
  network_meetings: NetworkMeetingsTable;
  network_meeting_participants: NetworkMeetingParticipantsTable;
  network_meeting_amendments: NetworkMeetingAmendmentsTable;
  network_agreements: NetworkAgreementsTable;
  network_agreement_followups: NetworkAgreementFollowupsTable;
  safety_plan_versions: SafetyPlanVersionsTable;
  safety_plan_parties: SafetyPlanPartiesTable;
  safety_plan_items: SafetyPlanItemsTable;
  safety_plan_contacts: SafetyPlanContactsTable;
  discharge_plan_versions: DischargePlanVersionsTable;
  discharge_plan_parties: DischargePlanPartiesTable;
  discharge_plan_steps: DischargePlanStepsTable;
  discharge_plan_agreements: DischargePlanAgreementsTable;
  discharge_plan_support: DischargePlanSupportTable;
  instruments: InstrumentsTable;
  instrument_versions: InstrumentVersionsTable;
  measurements: MeasurementsTable;
  measurement_revisions: MeasurementRevisionsTable;
  goals: GoalsTable;
  goal_revisions: GoalRevisionsTable;
  goal_reviews: GoalReviewsTable;
  goal_review_participants: GoalReviewParticipantsTable;
  goal_observations: GoalObservationsTable;
  status_reports: StatusReportsTable;
  status_report_observations: StatusReportObservationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AccessLogRow = Selectable<AccessLogTable>;
export type KeySlotRow = Selectable<KeySlotsTable>;
