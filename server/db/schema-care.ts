import type { Generated } from 'kysely';
import type { Timestamp, CreatedAt, Json } from './schema-columns.ts';

/** Tables of quarantine, testing, facilities and treatment (migration 0005); kept apart so schema.ts stays readable. */

export type FacilityKind = 'concentrated' | 'hotel' | 'hospital' | 'field_hospital' | 'home';
export type CapacityKind = 'quarantine_place' | 'regular_bed' | 'oxygen_bed' | 'icu_bed' | 'negative_pressure_room';
export type BedKind = Exclude<CapacityKind, 'quarantine_place'>;
export type TestKind = 'rt_pcr' | 'rapid_antigen';
export type TestResult = 'negative' | 'positive' | 'invalid';

export interface FacilitiesTable {
  id: Generated<string>;
  name: string;
  kind: FacilityKind;
  locality_code: string;
  locality_path: string;
  address_line: string;
  contact_phone: string | null;
  status: Generated<'active' | 'closed'>;
  occupancy_alert_percent: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FacilityCapacityTable {
  facility_id: string;
  kind: CapacityKind;
  capacity: number;
}

export interface QuarantineAdmissionsTable {
  id: Generated<string>;
  person_id: string;
  facility_id: string;
  reason: 'f1' | 'arrival' | 'f0_mild';
  contact_id: string | null;
  profile_code: string;
  vaccinated_or_recovered: Generated<boolean>;
  starts_on: string;
  ends_on: string;
  monitoring_until: string;
  test_dates: Json;
  room: string | null;
  status: Generated<'active' | 'released' | 'transferred' | 'cancelled'>;
  released_on: string | null;
  release_kind: 'completed' | 'early' | null;
  release_note: string | null;
  extended_days: Generated<number>;
  document_number: string | null;
  monitor_token_id: string | null;
  locality_path: string;
  client_key: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AdmissionEventsTable {
  id: Generated<string>;
  admission_id: string;
  kind: 'admit' | 'transfer_out' | 'transfer_in' | 'extend' | 'release' | 'early_release' | 'cancel';
  details: Json;
  actor_id: string | null;
  at: CreatedAt;
}

export interface MonitoringReportsTable {
  id: Generated<string>;
  admission_id: string;
  reported_on: string;
  temperature: number | null;
  symptoms: Json;
  reported_at: Timestamp;
}

export interface TestCampaignsTable {
  id: Generated<string>;
  name: string;
  locality_code: string;
  locality_path: string;
  target_population: number;
  starts_on: string;
  ends_on: string;
  pool_size: number;
  status: Generated<'active' | 'closed'>;
  created_at: CreatedAt;
}

export interface TestPoolsTable {
  id: Generated<string>;
  code: string;
  campaign_id: string | null;
  size: number;
  lab: string | null;
  result: TestResult | null;
  resulted_at: Date | null;
  locality_path: string;
  created_at: CreatedAt;
}

export interface TestOrdersTable {
  id: Generated<string>;
  person_id: string;
  reason: 'schedule' | 'contact' | 'symptoms' | 'campaign' | 'pool_retest' | 'manual';
  test_kind: TestKind;
  due_on: string;
  admission_id: string | null;
  follow_up_id: string | null;
  pool_id: string | null;
  /** The campaign the order belongs to (an organisation's screening), null otherwise. */
  campaign_id: Generated<string | null>;
  status: Generated<'ordered' | 'sampled' | 'resulted' | 'cancelled'>;
  locality_path: string;
  created_at: CreatedAt;
}

export interface SamplesTable {
  id: Generated<string>;
  code: string;
  person_id: string;
  order_id: string | null;
  campaign_id: string | null;
  pool_id: string | null;
  kind: TestKind;
  collected_at: Date;
  collected_by: string | null;
  lab: string | null;
  result: TestResult | null;
  ct_value: number | null;
  resulted_at: Date | null;
  locality_path: string;
  created_at: CreatedAt;
}

export interface CaseProposalsTable {
  id: Generated<string>;
  sample_id: string;
  person_id: string;
  status: Generated<'open' | 'accepted' | 'dismissed'>;
  case_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  locality_path: string;
  created_at: CreatedAt;
}

export interface TreatmentStaysTable {
  id: Generated<string>;
  case_id: string;
  facility_id: string;
  bed_kind: BedKind;
  admitted_at: Date;
  discharged_at: Date | null;
  outcome: 'recovered' | 'transferred' | 'died' | null;
  locality_path: string;
  created_at: CreatedAt;
}

export interface CareTables {
  facilities: FacilitiesTable;
  facility_capacity: FacilityCapacityTable;
  quarantine_admissions: QuarantineAdmissionsTable;
  admission_events: AdmissionEventsTable;
  monitoring_reports: MonitoringReportsTable;
  test_campaigns: TestCampaignsTable;
  test_pools: TestPoolsTable;
  test_orders: TestOrdersTable;
  samples: SamplesTable;
  case_proposals: CaseProposalsTable;
  treatment_stays: TreatmentStaysTable;
}
