import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Numeric } from './schema-columns.ts';

/** Border and entry control (migration 0033, issue 19). */

export type PostKind =
  'border_station' | 'border_gate' | 'trail_post_fixed' | 'trail_post_mobile' | 'entrance_checkpoint';
export type GateKind = 'international' | 'main' | 'secondary' | 'border_market';
export type ShiftName = 'morning' | 'afternoon' | 'night';
export type TestResult = 'none' | 'negative' | 'positive';
export type CrossingDecision = 'let_through' | 'quarantine' | 'turned_back';
export type TipoffStatus = 'new' | 'investigating' | 'verified' | 'unfounded' | 'handled';
/** A date column: written and read as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;
type Instant = ColumnType<Date, Date | string, Date | string>;

interface Located {
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface BorderPostsTable extends Located {
  id: Generated<string>;
  client_key: string;
  kind: PostKind;
  gate_kind: GateKind | null;
  name: string;
  commune_code: string;
  latitude: number | null;
  longitude: number | null;
  marker_from: string | null;
  marker_to: string | null;
  active: Generated<boolean>;
}

export interface BorderPostMembersTable {
  post_id: string;
  user_id: string;
}

export interface BorderShiftsTable extends Located {
  id: Generated<string>;
  client_key: string;
  post_id: string;
  shift_date: DateColumn;
  shift: ShiftName;
  team: Json;
  people_count: number;
  vehicle_count: number;
  rapid_tests: number;
  positives: number;
}

export interface BorderCrossingsTable extends Located {
  id: Generated<string>;
  client_key: string;
  post_id: string;
  crossed_at: Instant;
  crossed_on: DateColumn;
  person_id: string;
  identified_by: 'personal_qr' | 'cccd_qr' | 'document' | 'no_document';
  origin: string;
  destination_commune_code: string;
  temperature: Numeric;
  test_result: TestResult;
  decision: CrossingDecision;
  admission_id: string | null;
}

export interface BorderDailyCountsTable {
  post_id: string;
  day: DateColumn;
  origin: string;
  province_code: string;
  locality_path: string;
  recorded: number;
  positives: number;
  quarantined: number;
  turned_back: number;
}

export interface BorderGoodsTable extends Located {
  id: Generated<string>;
  client_key: string;
  post_id: string;
  recorded_at: Instant;
  plate: string;
  driver_name: string;
  driver_document: string | null;
  cargo: string;
  direction: 'entry' | 'exit';
  test_valid_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  waiting_zone: string | null;
  test_expired: boolean;
}

export interface BorderInterceptionsTable extends Located {
  id: Generated<string>;
  client_key: string;
  intercepted_at: Instant;
  intercepted_on: DateColumn;
  post_id: string | null;
  commune_code: string;
  marker_from: string | null;
  marker_to: string | null;
  place: string;
  found_inland: boolean;
  facility_id: string;
}

export interface BorderInterceptedPeopleTable {
  id: Generated<string>;
  interception_id: string;
  person_id: string;
  birth_date: ColumnType<string | null, string | null, string | null>;
  /** Someone without papers: an age estimated on sight instead of a birth date (0038). */
  approximate_age: number | null;
  features: string | null;
  residence: string;
  route: string;
  means: string;
  reason: string;
  brought_by: string | null;
  harboured_by: string | null;
  admission_id: string;
}

export interface BorderTrailsTable extends Located {
  id: Generated<string>;
  client_key: string;
  name: string;
  risk: 'low' | 'medium' | 'high';
  line: Json;
  commune_code: string;
}

export interface BorderPatrolsTable extends Located {
  id: Generated<string>;
  client_key: string;
  trail_id: string;
  started_at: Instant;
  ended_at: Instant;
  team: Json;
  route: ColumnType<unknown, string | null, string | null>;
  source: 'drawn' | 'gpx' | 'none';
}

export interface BorderTipoffsTable {
  id: Generated<string>;
  client_key: string;
  kind: 'illegal_entry' | 'undeclared';
  commune_code: string;
  locality_path: string;
  province_code: string;
  place: string;
  description: string;
  reporter_name: string | null;
  reporter_phone: string | null;
  phone_verified: boolean;
  status: Generated<TipoffStatus>;
  outcome: string | null;
  investigator_id: string | null;
  /** The interception this tip-off led to (0038). */
  interception_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface BorderTables {
  border_posts: BorderPostsTable;
  border_post_members: BorderPostMembersTable;
  border_shifts: BorderShiftsTable;
  border_crossings: BorderCrossingsTable;
  border_daily_counts: BorderDailyCountsTable;
  border_goods: BorderGoodsTable;
  border_interceptions: BorderInterceptionsTable;
  border_intercepted_people: BorderInterceptedPeopleTable;
  border_trails: BorderTrailsTable;
  border_patrols: BorderPatrolsTable;
  border_tipoffs: BorderTipoffsTable;
}
