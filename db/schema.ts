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

/** An instrument (måleredskab); its definitions are versions. Only `active` ever changes. */
export interface InstrumentsTable {
  id: Generated<number>;
  /** Stable code of a built-in instrument ("adbb"); null for the institution's own. */
  key: string | null;
  builtin: ColumnType<number, number | undefined, never>;
  active: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface InstrumentVersionsTable {
  id: Generated<number>;
  instrument_id: number;
  version: number;
  /** JSON: the definition (common/instruments.ts). */
  definition: string;
  note: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface MeasurementsTable {
  id: Generated<number>;
  family_id: number;
  person_id: number;
  instrument_version_id: number;
  created_by: number;
  created_at: Timestamp;
}

/** The original measurement (reason null) and its appended corrections; the newest is in force. */
export interface MeasurementRevisionsTable {
  id: Generated<number>;
  measurement_id: number;
  /** YYYY-MM-DD */
  measured_on: string;
  interval_months: number | null;
  rater_user_id: number | null;
  rater_name: string | null;
  staff_user_id: number | null;
  /** JSON: the items as entered and scored. */
  items: string;
  total: number | null;
  zone: 'ok' | 'monitor' | 'flagged' | null;
  note: string | null;
  withdrawn: ColumnType<number, number | undefined, never>;
  reason: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface GoalsTable {
  id: Generated<number>;
  family_id: number;
  scale_min: number;
  scale_max: number;
  scale_low_label: string | null;
  scale_high_label: string | null;
  review_every_days: number;
  created_by: number;
  created_at: Timestamp;
}

export type GoalStatus = 'active' | 'paused' | 'achieved' | 'partly_achieved' | 'not_achieved';

export interface GoalRevisionsTable {
  id: Generated<number>;
  goal_id: number;
  text: string;
  area: string;
  area_other: string | null;
  start_date: string;
  target_date: string | null;
  status: GoalStatus;
  reason: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface GoalReviewsTable {
  id: Generated<number>;
  goal_id: number;
  reviewed_on: string;
  staff_score: number | null;
  parent_score: number | null;
  parent_comment: string | null;
  note: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface GoalReviewParticipantsTable {
  id: Generated<number>;
  review_id: number;
  person_id: number | null;
  user_id: number | null;
  name: string | null;
}

export interface GoalObservationsTable {
  goal_id: number;
  observation_id: number;
  linked_by: number;
  linked_at: Timestamp;
}

export interface StatusReportsTable {
  id: Generated<number>;
  family_id: number;
  period_from: string;
  period_to: string;
  status: 'draft' | 'signed';
  /** JSON: the free-text sections. */
  sections: string;
  /** JSON: the content frozen at signing; null while a draft. */
  content: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_by: number | null;
  signed_at: Timestamp | null;
  signed_as: 'coordinator' | 'leader' | null;
}

export interface StatusReportObservationsTable {
  report_id: number;
  observation_id: number;
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
