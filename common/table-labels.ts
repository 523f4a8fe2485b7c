/**
 * The database's tables in Danish, for the screens that count rows per table (Flyt til server). Every table the
 * copier moves has a label here (tests/unit/table-labels.test.ts); an unknown name is shown as it is.
 */
const tableLabels: Record<string, string> = {
  users: 'Brugere',
  access_log: 'Adgangslog',
  access_log_chain: 'Adgangsloggens kædestart',
  observation_categories: 'Notatkategorier',
  families: 'Familier',
  observations: 'Notater og kladder',
  concern_acknowledgements: 'Kvitteringer for bekymringer',
  team_members: 'Indsatsteam',
  coordinator_periods: 'Tovholderperioder',
  deleted_families: 'Slettede forløb',
  persons: 'Personer i familien',
  network_persons: 'Netværkspersoner',
  network_meetings: 'Netværksmøder',
  network_agreements: 'Netværksaftaler',
  discharge_plan_versions: 'Udslusningsplaner (udgaver)',
  discharge_plan_agreements: 'Udslusningsplanernes aftaler',
  discharge_plan_parties: 'Udslusningsplanernes parter',
  discharge_plan_steps: 'Udslusningsplanernes trin',
  discharge_plan_support: 'Støtte efter opholdet',
  family_phases: 'Faser',
  goals: 'Udviklingsmål',
  goal_observations: 'Notater knyttet til mål',
  goal_reviews: 'Målopfølgninger',
  goal_review_participants: 'Deltagere i målopfølgninger',
  goal_revisions: 'Målenes ændringer',
  instruments: 'Måleredskaber',
  instrument_versions: 'Måleredskabernes versioner',
  measurements: 'Målinger',
  measurement_revisions: 'Målingernes rettelser',
  network_agreement_followups: 'Opfølgning på netværksaftaler',
  network_meeting_amendments: 'Tilføjelser til netværksmøder',
  network_meeting_participants: 'Deltagere i netværksmøder',
  observation_amendments: 'Rettelser til notater',
  observation_persons: 'Personer nævnt i notater',
  safety_plan_versions: 'Sikkerhedsplaner (udgaver)',
  safety_plan_contacts: 'Sikkerhedsplanernes kontakter',
  safety_plan_items: 'Sikkerhedsplanernes punkter',
  safety_plan_parties: 'Sikkerhedsplanernes parter',
  settings: 'Indstillinger',
  status_reports: 'Statusrapporter',
  status_report_observations: 'Notater i statusrapporter',
  underretninger: 'Underretninger',
  underretning_amendments: 'Tilføjelser til underretninger',
};

export function tableLabel(table: string): string {
  return tableLabels[table] ?? table;
}

export function hasTableLabel(table: string): boolean {
  return Object.prototype.hasOwnProperty.call(tableLabels, table);
}
