import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from './schema-columns.ts';

/** Stores, the stock ledger, forces and donations (migration 0031, issue 18). */

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint comes back as a string from both drivers. */
type BigIntColumn = ColumnType<string, number | string, number | string>;

export type StockRequestKind = 'receipt' | 'issue' | 'transfer' | 'adjustment';
export type MovementKindColumn = 'receipt' | 'issue' | 'transfer_out' | 'transfer_in' | 'adjustment';

export interface ResourceStoresTable {
  id: Generated<string>;
  client_key: string;
  unit_id: string;
  name: string;
  locality_path: string;
  province_code: string;
  created_at: CreatedAt;
}

export interface StockRequestsTable {
  client_key: string;
  store_id: string;
  kind: StockRequestKind;
  created_at: CreatedAt;
}

export interface StockMovementsTable {
  id: Generated<string>;
  /** Order of writing, within one request too (a transfer's out and in, lot by lot). */
  seq: ColumnType<string, never, never>;
  request_key: string;
  store_id: string;
  item_code: string;
  lot: string;
  expires_on: NullableDate;
  kind: MovementKindColumn;
  quantity: number;
  balance_after: number;
  counterpart_store_id: string | null;
  note: string | null;
  at: Timestamp;
  recorded_by: string | null;
}

export interface StockBalancesTable {
  store_id: string;
  item_code: string;
  lot: string;
  expires_on: NullableDate;
  quantity: number;
}

export interface StockMinimumsTable {
  store_id: string;
  item_code: string;
  level: number;
  minimum: number;
}

export interface ForceMembersTable {
  id: Generated<string>;
  client_key: string;
  home_unit_id: string;
  serving_unit_id: string;
  kind: string;
  full_name: string;
  phone: string | null;
  skills: Json;
  availability: Generated<'standby' | 'on_duty' | 'unavailable'>;
  assignment: string | null;
  locality_path: string;
  province_code: string;
  created_at: CreatedAt;
}

export interface ForceDutiesTable {
  id: Generated<string>;
  client_key: string;
  member_id: string;
  unit_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  post: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReinforcementRequestsTable {
  id: Generated<string>;
  client_key: string;
  unit_id: string;
  asked_of_unit_id: string;
  kind: string;
  count: number;
  assigned: Generated<number>;
  reason: string;
  status: Generated<'open' | 'fulfilled' | 'declined'>;
  decline_reason: string | null;
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ForceTransfersTable {
  id: Generated<string>;
  member_id: string;
  request_id: string | null;
  from_unit_id: string;
  to_unit_id: string;
  transferred_by: string | null;
  at: CreatedAt;
}

export interface DonationsTable {
  id: Generated<string>;
  client_key: string;
  unit_id: string;
  donor_kind: 'person' | 'business' | 'organisation' | 'anonymous';
  donor_name: string | null;
  form: 'cash' | 'goods';
  amount: BigIntColumn;
  goods_description: string | null;
  goods_unit: string | null;
  purpose: string;
  received_on: DateColumn;
  distributed: ColumnType<string, number | string | undefined, number | string>;
  locality_code: string;
  locality_path: string;
  province_code: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SupportDistributionsTable {
  id: Generated<string>;
  client_key: string;
  donation_id: string;
  recipient_kind: 'household_in_lockdown' | 'household_in_quarantine' | 'person_in_difficulty';
  recipient_name: string;
  recipient_address: string | null;
  locality_code: string;
  locality_path: string;
  province_code: string;
  amount: BigIntColumn;
  distributed_on: DateColumn;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ResourcesTables {
  resource_stores: ResourceStoresTable;
  stock_requests: StockRequestsTable;
  stock_movements: StockMovementsTable;
  stock_balances: StockBalancesTable;
  stock_minimums: StockMinimumsTable;
  force_members: ForceMembersTable;
  force_duties: ForceDutiesTable;
  reinforcement_requests: ReinforcementRequestsTable;
  force_transfers: ForceTransfersTable;
  donations: DonationsTable;
  support_distributions: SupportDistributionsTable;
}
