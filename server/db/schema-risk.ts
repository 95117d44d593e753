import type { Generated } from 'kysely';
import type { Timestamp, Json, Numeric } from './schema-columns.ts';

/** Tables of issue 6's second part (migration 0007); kept apart so schema.ts stays readable. */

export interface RiskRuleSetsTable {
  code: string;
  version: number;
  definition: Json;
  preset: Generated<boolean>;
  saved_by: string | null;
  saved_at: Timestamp;
}

export interface RiskSettingsTable {
  id: Generated<boolean>;
  active_rule_set: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LocalityDailyCountsTable {
  locality_code: string;
  locality_path: string;
  day: string;
  community: number;
  community_known: number;
  in_quarantine: number;
  imported: number;
  tests: number;
  positives: number;
}

export interface RiskDirtyCellsTable {
  locality_code: string;
  day: string;
}

export interface VaccinationCoverageTable {
  locality_code: string;
  as_of: string;
  adults_1dose: Numeric;
  adults_full: Numeric;
  high_risk: Numeric;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface EpidemicZonesTable {
  id: Generated<string>;
  name: string;
  kind: 'khoanh_vung' | 'phong_toa';
  province_code: string;
  locality_path: string;
  commune_codes: string[];
  polygon: Json | null;
  starts_at: Date;
  ends_at: Date | null;
  population_covered: number | null;
  measures: Json;
  decision_ref: string | null;
  client_key: string | null;
  created_by: string | null;
  created_at: Timestamp;
  ended_by: string | null;
}

export interface RiskTables {
  risk_rule_sets: RiskRuleSetsTable;
  risk_settings: RiskSettingsTable;
  locality_daily_counts: LocalityDailyCountsTable;
  risk_dirty_cells: RiskDirtyCellsTable;
  vaccination_coverage: VaccinationCoverageTable;
  epidemic_zones: EpidemicZonesTable;
}
