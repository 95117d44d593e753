import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LocalityLevel, Role } from '../../core/roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string | undefined, string>;

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

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  locality_code: string;
  disabled_at: Date | null;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
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
}

export interface AppSettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface Database {
  localities: LocalitiesTable;
  locality_boundaries: LocalityBoundariesTable;
  locality_events: LocalityEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  app_settings: AppSettingsTable;
}

export type LocalityRow = Selectable<LocalitiesTable>;
export type NewLocality = Insertable<LocalitiesTable>;
export type UserRow = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
