import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';
import type { RiskGroup } from '../../core/schemas/assessment-template.ts';

/** Tables of issue 15 (migration 0022): organisations and their COVID-safety self-assessments. */

export interface AssessmentTemplatesTable {
  code: string;
  version: number;
  definition: Json;
  preset: Generated<boolean>;
  saved_by: string | null;
  saved_at: Timestamp;
}

export interface OrganisationsTable {
  id: Generated<string>;
  client_key: string;
  name: string;
  org_type: string;
  sector: string | null;
  tax_code: string | null;
  address_line: string;
  commune_code: string;
  locality_path: string;
  scope_province: ColumnType<string, never, never>;
  scope_code: ColumnType<string, never, never>;
  head_name: string;
  contact_name: string;
  contact_phone: string;
  contact_phone_verified_at: Date | null;
  headcount: number;
  shifts: number;
  runs_dormitory: boolean;
  runs_shuttle: boolean;
  status: Generated<'pending' | 'approved' | 'rejected' | 'suspended'>;
  owner_user_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  latest_assessment_id: string | null;
  latest_group: RiskGroup | null;
  /** Migration 0042: shown on the public list of safe organisations while low-risk and valid. */
  publish_safe: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrganisationAssessmentsTable {
  id: Generated<string>;
  client_key: string;
  organisation_id: string;
  locality_path: string;
  template_code: string;
  template_version: number;
  answers: Json;
  points: number;
  max_points: number;
  share_percent: number;
  risk_group: RiskGroup;
  blocked_by: Json;
  drivers: Json;
  may_operate: 'yes' | 'no';
  commune_inspects: boolean;
  corrective_plan_due_on: string | null;
  reassess_due_on: string;
  submitted_by: string | null;
  submitted_at: CreatedAt;
}

export type WorkRole = 'service_contact' | 'high_risk' | 'other';

/** Migration 0027: the workforce roster of an organisation. */
export interface RosterWorkersTable {
  id: Generated<string>;
  organisation_id: string;
  full_name: string;
  id_number: string;
  phone: string | null;
  department: Generated<string>;
  shift: Generated<string>;
  on_site: boolean;
  work_role: WorkRole;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrganisationSitesTable {
  venue_id: string;
  organisation_id: string;
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface WorkplaceGateEventsTable {
  id: Generated<string>;
  client_key: string;
  organisation_id: string;
  venue_id: string;
  roster_worker_id: string | null;
  person_id: string | null;
  day: string;
  at: Timestamp;
  mode: 'qr' | 'list' | 'cccd';
  allowed: boolean;
  valid_declaration: boolean;
  reasons: Json;
  recorded_by: string | null;
}

export interface WorkplaceFollowUpsTable {
  id: Generated<string>;
  organisation_id: string;
  assessment_id: string;
  locality_path: string;
  scope_province: ColumnType<string, never, never>;
  scope_code: ColumnType<string, never, never>;
  risk_group: 'high' | 'very_high';
  may_not_operate: boolean;
  due_on: string;
  opened_at: CreatedAt;
  closed_at: Date | null;
}

export interface WorkplaceScreeningCampaignsTable {
  organisation_id: string;
  campaign_id: string;
}

export interface WorkplaceScreeningSettingsTable {
  organisation_id: string;
  screens: boolean;
  interval_days: number;
  high_risk_share_percent: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface WorkplacesTables {
  assessment_templates: AssessmentTemplatesTable;
  organisations: OrganisationsTable;
  organisation_assessments: OrganisationAssessmentsTable;
  roster_workers: RosterWorkersTable;
  organisation_sites: OrganisationSitesTable;
  workplace_gate_events: WorkplaceGateEventsTable;
  workplace_follow_ups: WorkplaceFollowUpsTable;
  workplace_worker_days: WorkplaceWorkerDaysTable;
  workplace_compliance_days: WorkplaceComplianceDaysTable;
  workplace_screening_batches: WorkplaceScreeningBatchesTable;
  workplace_screening_orders: WorkplaceScreeningOrdersTable;
  workplace_symptom_reports: WorkplaceSymptomReportsTable;
  workplace_roster_counts: WorkplaceRosterCountsTable;
  workplace_screening_campaigns: WorkplaceScreeningCampaignsTable;
  workplace_screening_settings: WorkplaceScreeningSettingsTable;
}

/** Migration 0042: each roster worker's day at the gate, kept with each check. */
export interface WorkplaceWorkerDaysTable {
  organisation_id: string;
  day: string;
  roster_worker_id: string;
  /** Rostered on site when they first came that day. */
  on_site: boolean;
  allowed: boolean;
  valid: boolean;
}

/** Migration 0042: an organisation's gate counts of a day, kept with each check. */
export interface WorkplaceComplianceDaysTable {
  organisation_id: string;
  day: string;
  locality_path: string;
  scope_province: ColumnType<string, never, never>;
  scope_code: ColumnType<string, never, never>;
  arrived: number;
  arrived_on_site: number;
  arrived_valid: number;
  refused: number;
}

/** Migration 0047: one click on an organisation's screening-due list. */
export interface WorkplaceScreeningBatchesTable {
  client_key: string;
  organisation_id: string;
  day: string;
  ordered: number;
  not_on_file: number;
  created_by: string | null;
  created_at: CreatedAt;
}

/** Migration 0047: a test order asked for a roster worker (screening or symptoms). */
export interface WorkplaceScreeningOrdersTable {
  roster_worker_id: string;
  due_on: string;
  organisation_id: string;
  person_id: string;
  test_order_id: string;
  batch_key: string | null;
  reason: 'screening' | 'symptoms';
  created_at: CreatedAt;
}

/** Migration 0047: a worker with symptoms reported by the organisation. */
export interface WorkplaceSymptomReportsTable {
  id: Generated<string>;
  client_key: string;
  organisation_id: string;
  roster_worker_id: string;
  person_id: string | null;
  symptoms: Json;
  onset_on: string;
  test_order_id: string | null;
  locality_path: string;
  scope_province: ColumnType<string, never, never>;
  scope_code: ColumnType<string, never, never>;
  reported_by: string | null;
  reported_at: CreatedAt;
  handled_at: Date | null;
}

/** Migration 0047: an organisation's roster size and on-site count, kept by the roster import. */
export interface WorkplaceRosterCountsTable {
  organisation_id: string;
  workers: number;
  on_site: number;
}
