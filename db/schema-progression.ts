import type { ColumnType, Generated } from 'kysely';

/** ISO 8601 UTC timestamp stored as TEXT. */
type Timestamp = string;

// Progression (migration 0006): instruments, measurements, udviklingsmål and status reports — part of the Database
// interface in schema.ts, kept here so each file stays readable.

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
