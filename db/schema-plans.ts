import type { Generated } from 'kysely';

/** ISO 8601 UTC timestamp stored as TEXT. */
type Timestamp = string;

// The family's network, the sikkerhedsplan and the udslusningsplan (migration 0007): part of the Database interface
// in schema.ts, kept here so each file stays readable.

/** Who takes part or is responsible, with the name and role as they were when recorded. */
export interface PartyColumns {
  party_kind: 'family' | 'network' | 'team' | 'other';
  person_id: number | null;
  network_person_id: number | null;
  team_member_id: number | null;
  party_name: string;
  party_role: string | null;
}

/** A person in the family's network; edited in place, never deleted (removed_at). */
export interface NetworkPersonsTable {
  id: Generated<number>;
  family_id: number;
  name: string;
  relation: string;
  related_person_id: number | null;
  relation_text: string | null;
  kind: 'private' | 'professional';
  closeness: number;
  support: 'supports' | 'strains' | 'both';
  /** JSON list of help-area codes (common/network.ts). */
  help_with: string;
  help_note: string | null;
  phone: string | null;
  email: string | null;
  contact_note: string | null;
  created_by: number;
  created_at: Timestamp;
  updated_by: number;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: number | null;
  removed_reason: string | null;
}

export interface NetworkMeetingsTable {
  id: Generated<number>;
  family_id: number;
  held_on: string;
  /** JSON list of topics. */
  topics: string;
  summary: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface NetworkMeetingParticipantsTable extends PartyColumns {
  id: Generated<number>;
  meeting_id: number;
  position: number;
}

export interface NetworkMeetingAmendmentsTable {
  id: Generated<number>;
  meeting_id: number;
  author_id: number;
  created_at: Timestamp;
  reason: string;
  text: string;
}

/** An agreement with the network: never changed; its status over time is in the follow-ups. */
export interface NetworkAgreementsTable extends PartyColumns {
  id: Generated<number>;
  family_id: number;
  meeting_id: number | null;
  what: string;
  when_text: string | null;
  due_date: string | null;
  created_by: number;
  created_at: Timestamp;
}

export interface NetworkAgreementFollowupsTable {
  id: Generated<number>;
  agreement_id: number;
  meeting_id: number | null;
  status: 'open' | 'kept' | 'not_kept';
  note: string | null;
  recorded_by: number;
  recorded_at: Timestamp;
}

/** One version of a family's sikkerhedsplan (append-only). */
export interface SafetyPlanVersionsTable {
  id: Generated<number>;
  family_id: number;
  version: number;
  agreed_on: string;
  reason: string;
  author_id: number;
  created_at: Timestamp;
}

export interface SafetyPlanPartiesTable extends PartyColumns {
  id: Generated<number>;
  version_id: number;
  position: number;
}

export interface SafetyPlanItemsTable {
  id: Generated<number>;
  version_id: number;
  item_key: number;
  section: 'worry' | 'action' | 'sign';
  position: number;
  text: string;
}

export interface SafetyPlanContactsTable extends PartyColumns {
  id: Generated<number>;
  version_id: number;
  item_key: number;
  position: number;
  when_text: string;
  phone: string | null;
}

/** One version of a family's udslusningsplan (append-only). */
export interface DischargePlanVersionsTable {
  id: Generated<number>;
  family_id: number;
  version: number;
  destination: 'own_home' | 'other_intervention' | 'child_placed';
  target_date: string;
  separation_plan: string | null;
  contact_notes: string | null;
  reason: string;
  author_id: number;
  created_at: Timestamp;
}

export interface DischargePlanPartiesTable extends PartyColumns {
  id: Generated<number>;
  version_id: number;
  position: number;
}

export interface DischargePlanStepsTable extends PartyColumns {
  id: Generated<number>;
  version_id: number;
  step_key: number;
  position: number;
  title: string;
  starts_on: string;
  ends_on: string | null;
  description: string | null;
  status: 'planned' | 'done' | 'postponed' | 'cancelled';
  evaluation: string | null;
}

export interface DischargePlanAgreementsTable extends PartyColumns {
  id: Generated<number>;
  version_id: number;
  agreement_key: number;
  position: number;
  network_agreement_id: number | null;
  what: string;
  when_text: string | null;
  due_date: string | null;
}

export interface DischargePlanSupportTable {
  id: Generated<number>;
  version_id: number;
  support_key: number;
  position: number;
  service: string;
  contact_name: string | null;
  contact: string | null;
  handover_meeting_on: string | null;
  handed_over: string | null;
}

