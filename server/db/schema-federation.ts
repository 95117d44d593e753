import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** Tables carried between provinces and the national hub by logical replication (migration 0034, issue 21). */

type DateColumn = ColumnType<string, string, string>;
export type ReferralReason = 'contact_of_case' | 'arrival_from_zone';
export type ReferralOutcome = 'accepted' | 'not_found';

export interface FederationHeartbeatsTable {
  province_code: string;
  beat_at: Timestamp;
}

export interface FederationReferralsTable {
  origin_code: string;
  id: Generated<string>;
  destination_code: string;
  reason: ReferralReason;
  person_name: string;
  birth_year: number | null;
  phone: string | null;
  id_number: string | null;
  destination_locality_code: string | null;
  address: string | null;
  exposure_from: DateColumn | null;
  exposure_to: DateColumn | null;
  note: string | null;
  origin_unit: string;
  created_at: CreatedAt;
  client_key: string | null;
  created_by: string | null;
}

export interface FederationReferralAcceptancesTable {
  origin_code: string;
  referral_id: string;
  destination_code: string;
  outcome: ReferralOutcome;
  note: string | null;
  decided_at: Timestamp;
  decided_by: string | null;
}

export interface FederationDirectivesTable {
  id: string;
  province_code: string;
  kind: 'directive' | 'rule_set' | 'disease_profile';
  number_symbol: string;
  issued_on: DateColumn;
  issuer: string;
  summary: string;
  rule_set: Json | null;
  /** A disease-profile version (kind `disease_profile`, migration 0044). */
  disease_profile: Json | null;
  issued_at: CreatedAt;
}

/** Local to an instance, never published: the national directives a province announced to its officials. */
export interface FederationDirectiveNoticesTable {
  directive_id: string;
  province_code: string;
  notified_at: CreatedAt;
  recipients: number;
}

export interface FederationDirectiveAdoptionsTable {
  directive_id: string;
  province_code: string;
  /** Renewed when a claim left without a result is taken over. */
  claimed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Null while the adoption is under way. */
  code: string | null;
  version: number | null;
  active: boolean | null;
}

export interface FederationDirectiveAcknowledgementsTable {
  directive_id: string;
  province_code: string;
  acknowledged_at: Timestamp;
  acknowledged_by: string | null;
}

export interface FederationTables {
  federation_heartbeats: FederationHeartbeatsTable;
  federation_referrals: FederationReferralsTable;
  federation_referral_acceptances: FederationReferralAcceptancesTable;
  federation_directives: FederationDirectivesTable;
  federation_directive_acknowledgements: FederationDirectiveAcknowledgementsTable;
  federation_directive_notices: FederationDirectiveNoticesTable;
  federation_directive_adoptions: FederationDirectiveAdoptionsTable;
}
