import type { Generated } from 'kysely';
import type { Timestamp, CreatedAt, Json } from './schema-columns.ts';

/** Tables of cases, clusters, contacts, their follow-up and line-list imports; kept apart so schema.ts stays readable. */

export interface ClustersTable {
  id: Generated<string>;
  code: string;
  name: string;
  locality_code: string;
  locality_path: string;
  status: Generated<'active' | 'closed'>;
  notes: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type CaseClassification = 'imported' | 'community' | 'in_quarantine';
export type CaseStatus = 'awaiting_treatment' | 'treating' | 'recovered' | 'died' | 'transferred_out';
export type CareSetting = 'bed' | 'home';

export interface CasesTable {
  id: Generated<string>;
  case_number: string;
  person_id: string | null;
  full_name: string | null;
  gender: 'male' | 'female' | 'other' | null;
  birth_year: number | null;
  nationality: string | null;
  onset_date: string | null;
  sample_date: string | null;
  confirmed_date: string;
  isolated_at: Date | null;
  classification: CaseClassification;
  source_country: string | null;
  status: Generated<CaseStatus>;
  /** Where a treating case is treated; null for every other status (a check constraint keeps them in step). */
  care_setting: CareSetting | null;
  outcome_date: string | null;
  treatment_place: string | null;
  locality_code: string;
  locality_path: string;
  province_code: string | null;
  cluster_id: string | null;
  profile_code: string;
  notes: string | null;
  import_key: string | null;
  client_key: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CaseLinksTable {
  infector_id: string;
  infectee_id: string;
  origin: 'declared' | 'tracing' | 'import';
  created_at: CreatedAt;
}

export type ContactStatus = 'proposed' | 'confirmed' | 'rejected';

export interface ContactsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  level: number;
  via_contact_id: string | null;
  status: Generated<ContactStatus>;
  household: Generated<boolean>;
  declared: Generated<boolean>;
  total_overlap_minutes: Generated<number>;
  distinct_venues: Generated<number>;
  first_exposure_at: Date | null;
  last_exposure_at: Date | null;
  evidence: Json;
  isolated_at: Date | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  locality_path: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FollowUpTasksTable {
  id: Generated<string>;
  person_id: string;
  contact_id: string | null;
  kind: 'quarantine' | 'test';
  due_on: string;
  details: Json;
  status: Generated<'open' | 'done' | 'cancelled'>;
  locality_path: string;
  created_at: CreatedAt;
}

export interface LinelistImportsTable {
  id: Generated<string>;
  source_label: string;
  filename: string | null;
  status: 'done' | 'failed';
  total_rows: number;
  created_cases: Generated<number>;
  updated_cases: Generated<number>;
  links: Generated<number>;
  errors: Json;
  actor_id: string | null;
  started_at: Date;
  finished_at: CreatedAt;
}

/** One change of a case's care state (migration 0015): who, when, where and why. */
export interface CaseStatusTransitionsTable {
  id: Generated<string>;
  case_id: string;
  kind: 'registered' | 'admitted' | 'transferred' | 'discharged' | 'status_set';
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  setting: CareSetting | null;
  facility_id: string | null;
  bed_kind: string | null;
  stay_id: string | null;
  reason: string | null;
  actor_id: string | null;
  actor_name: string | null;
  /** Rebuilt by the migration from the stays and outcomes known then, not recorded as it happened. */
  rebuilt: Generated<boolean>;
  at: Date;
  created_at: CreatedAt;
}

export interface CaseTables {
  case_status_transitions: CaseStatusTransitionsTable;
  clusters: ClustersTable;
  cases: CasesTable;
  case_links: CaseLinksTable;
  contacts: ContactsTable;
  follow_up_tasks: FollowUpTasksTable;
  linelist_imports: LinelistImportsTable;
}
