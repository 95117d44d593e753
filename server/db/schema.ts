import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp, CreatedAt, Json } from './schema-columns.ts';
import type { LocalityLevel, Role } from '../../core/roles.ts';
import type { SignerCapacity } from '../../core/schemas/risk-decision-act.ts';
import type { CareTables } from './schema-care.ts';
import type { CaseTables } from './schema-cases.ts';
import type { RiskTables } from './schema-risk.ts';
import type { WorkplacesTables } from './schema-workplaces.ts';
import type { IdentityTables, SessionSecurityColumns, UserSecurityColumns } from './schema-identity.ts';
import type { AuditTables } from './schema-audit.ts';
import type {
  CitizenTables,
  DeclarationCitizenColumns,
  PeopleCitizenColumns,
  QrTokenCitizenColumns,
} from './schema-citizen.ts';
import type { AccessTables } from './schema-access.ts';
import type { NotificationTables } from './schema-notifications.ts';
import type { ReportsTables } from './schema-reports.ts';
import type { DirectivesTables } from './schema-directives.ts';
import type { EscalationTables } from './schema-escalations.ts';
import type { InspectionsTables } from './schema-inspections.ts';
import type { FederationTables } from './schema-federation.ts';
import type { PlansTables } from './schema-plans.ts';
import type { ResourcesTables } from './schema-resources.ts';
import type { BorderTables } from './schema-border.ts';
import type { ExposureTables } from './schema-exposure.ts';

export type {
  FacilityKind,
  CapacityKind,
  BedKind,
  TestKind,
  TestResult,
  FacilitiesTable,
  FacilityCapacityTable,
  QuarantineAdmissionsTable,
  AdmissionEventsTable,
  MonitoringReportsTable,
  TestCampaignsTable,
  TestPoolsTable,
  TestOrdersTable,
  SamplesTable,
  CaseProposalsTable,
  TreatmentStaysTable,
} from './schema-care.ts';
export type {
  ClustersTable,
  CaseClassification,
  CaseStatus,
  CareSetting,
  CaseStatusTransitionsTable,
  CasesTable,
  CaseLinksTable,
  ContactStatus,
  ContactsTable,
  FollowUpTasksTable,
  LinelistImportsTable,
} from './schema-cases.ts';

export interface LocalitiesTable {
  code: string;
  level: LocalityLevel;
  parent_code: string | null;
  province_code: string | null;
  /** Materialised path of codes, e.g. `VN/12/03388` (`VN/12/105/03388` with a district). */
  path: string;
  name: string;
  full_name: string;
  name_en: string;
  type: string;
  area_km2: number | null;
  population: number | null;
  population_year: number | null;
  population_is_demo: Generated<boolean>;
  status: Generated<'active' | 'merged'>;
  merged_into_code: string | null;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LocalityBoundariesTable {
  code: string;
  geometry: Json;
}

export interface LocalityEventsTable {
  id: Generated<string>;
  locality_code: string;
  kind: 'created' | 'renamed' | 'merged_into' | 'absorbed' | 'population_set';
  other_code: string | null;
  effective_date: string;
  details: Json;
  reason: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface UsersTable extends UserSecurityColumns {
  id: Generated<string>;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  locality_code: string;
  disabled_at: Date | null;
  must_change_password: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable extends SessionSecurityColumns {
  /** SHA-256 of the cookie token: a leaked table does not give usable sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  locality_code: string | null;
  /** Path of `locality_code`, kept so audit reads can be scoped without a join. */
  locality_path: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  request_id: string | null;
  /** The acting account's role and locality when it acted ('citizen' and null for the public). */
  actor_role: string | null;
  actor_locality_code: string | null;
}

/** The people an audit event touched (a record read, a list page, a chunk of an export). */
export interface AuditEventSubjectsTable {
  id: Generated<string>;
  event_id: string;
  person_ids: string[];
}

export interface AppSettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface PeopleTable extends PeopleCitizenColumns {
  id: Generated<string>;
  /** 'none': someone without any papers (an illegal entrant), who then has no number (0038). */
  id_type: 'cccd' | 'cmnd' | 'passport' | 'none';
  id_number: string | null;
  full_name: string;
  birth_year: number;
  gender: 'male' | 'female' | 'other';
  nationality: Generated<string>;
  phone: string | null;
  phone_verified_at: Date | null;
  email: string | null;
  commune_code: string | null;
  locality_path: string | null;
  address_line: string | null;
  /** 0 = F0 (case), 1 = F1, 2 = F2…; set by tracing. */
  f_level: number | null;
  under_quarantine: Generated<boolean>;
  under_monitoring: Generated<boolean>;
  /**
   * Migration 0047: monitoring that no quarantine stay explains is kept until this Viet Nam day (a
   * worker whose organisation reported symptoms), so the home-monitoring end job leaves it.
   */
  monitoring_hold_until: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  erased_at: Date | null;
  /** Normalised commune + address: people living together share it (tracing's household rule). */
  household_key: string | null;
  /** Full name without case or diacritics (duplicate detection). */
  name_key: string | null;
  /** Set when this record was merged into another person; the row stays as history. */
  merged_into: string | null;
}

export interface ConsentsTable {
  id: Generated<string>;
  person_id: string;
  purpose: string;
  notice_version: string;
  given_at: CreatedAt;
  ip: string | null;
  locale: 'vi' | 'en' | null;
  /** A withdrawal (migration 0043): the latest row of a purpose decides. */
  withdrawn: Generated<boolean>;
}

export interface OtpChallengesTable {
  id: Generated<string>;
  phone: string;
  code_hash: string;
  purpose: string;
  attempts: Generated<number>;
  created_at: CreatedAt;
  expires_at: Date;
  consumed_at: Date | null;
}

export interface PersonalQrTokensTable extends QrTokenCitizenColumns {
  id: string;
  person_id: string;
  issued_at: CreatedAt;
  revoked_at: Date | null;
}

export interface HealthDeclarationsTable extends DeclarationCitizenColumns {
  id: Generated<string>;
  person_id: string;
  kind: 'population' | 'movement' | 'entry';
  symptoms: Json;
  exposures: Json;
  conditions: Json;
  has_symptoms: boolean;
  has_exposure: boolean;
  commune_code: string;
  locality_path: string;
  submitted_at: CreatedAt;
  valid_until: Date;
  client_key: string;
}

export interface ArrivalsTable {
  id: Generated<string>;
  person_id: string;
  origin_kind: 'commune' | 'province' | 'country';
  origin_code: string | null;
  origin_country: string | null;
  route: string | null;
  vehicle_type: string;
  vehicle_number: string | null;
  seat: string | null;
  departed_on: string;
  arrived_on: string;
  destination_commune_code: string;
  locality_path: string;
  flagged: Generated<boolean>;
  flag_reasons: Json;
  follow_up_status: Generated<'none' | 'pending' | 'contacted' | 'closed'>;
  declared_by_host: string | null;
  submitted_at: CreatedAt;
  client_key: string;
}

export interface LocalityRiskStatusTable {
  code: string;
  /** Null: no level decided (a commune flagged only for being in an epidemic zone). */
  level: number | null;
  in_epidemic_zone: Generated<boolean>;
  updated_at: Timestamp;
}

export interface VenuesTable {
  id: Generated<string>;
  public_code: string;
  organisation_name: string;
  name: string;
  venue_type: string;
  address_line: string;
  commune_code: string;
  locality_path: string;
  capacity: number | null;
  contact_phone: string;
  contact_phone_verified_at: Date | null;
  gate_policy: Generated<'open' | 'require_declaration'>;
  status: Generated<'pending' | 'approved' | 'rejected' | 'suspended'>;
  owner_user_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** The poster's secret for exposure identifiers (0036). */
  exposure_key: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CheckinsTable {
  id: Generated<string>;
  venue_id: string;
  person_id: string;
  checked_in_at: Date;
  checked_out_at: Date | null;
  mode: 'visitor_scan' | 'gate_scan';
  commune_code: string;
}

export interface DiseaseProfilesTable {
  code: string;
  profile: Json;
  version: number;
  updated_at: Timestamp;
}

export interface PersonMergesTable {
  id: Generated<string>;
  kept_id: string;
  merged_id: string;
  snapshot: Json;
  actor_id: string | null;
  at: CreatedAt;
}

export interface RiskLevelDecisionsTable {
  id: Generated<string>;
  locality_code: string;
  locality_path: string;
  rule_set_code: string;
  rule_set_version: number;
  computed_level: string;
  level_key: string;
  level_number: number;
  kind: 'approve' | 'override';
  reason: string | null;
  indicators: Json;
  effective_from: Date;
  decided_by: string | null;
  decided_at: CreatedAt;
  /** The form's submission key (migration 0008): a resend returns the first decision. */
  client_key: string | null;
  /** The act (migration 0015): number and symbol in its authority's register of the year, signing, bases. */
  issuer_code: string;
  issuer_name: string;
  document_year: number;
  document_serial: number;
  document_symbol: string;
  signed_on: string;
  signer_name: string;
  signer_capacity: SignerCapacity;
  legal_bases: Json;
  local_basis: string | null;
}

export interface Database
  extends
    RiskTables,
    WorkplacesTables,
    CareTables,
    CaseTables,
    IdentityTables,
    AuditTables,
    CitizenTables,
    AccessTables,
    NotificationTables,
    ReportsTables,
    DirectivesTables,
    EscalationTables,
    FederationTables,
    PlansTables,
    ResourcesTables,
    BorderTables,
    InspectionsTables,
    ExposureTables {
  localities: LocalitiesTable;
  locality_boundaries: LocalityBoundariesTable;
  locality_events: LocalityEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_event_subjects: AuditEventSubjectsTable;
  app_settings: AppSettingsTable;
  people: PeopleTable;
  consents: ConsentsTable;
  otp_challenges: OtpChallengesTable;
  personal_qr_tokens: PersonalQrTokensTable;
  health_declarations: HealthDeclarationsTable;
  arrivals: ArrivalsTable;
  locality_risk_status: LocalityRiskStatusTable;
  venues: VenuesTable;
  checkins: CheckinsTable;
  disease_profiles: DiseaseProfilesTable;
  person_merges: PersonMergesTable;
  risk_level_decisions: RiskLevelDecisionsTable;
}

export type LocalityRow = Selectable<LocalitiesTable>;
export type NewLocality = Insertable<LocalitiesTable>;
export type UserRow = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
