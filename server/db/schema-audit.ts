import type { ColumnType, Generated } from 'kysely';
import type { BreachStatus } from '../../core/schemas/breaches.ts';
import type { CreatedAt, Timestamp } from './schema-columns.ts';

/** The audit log's integrity and accountability tables (migration 0012); kept apart for readability. */

/** One link of the hash chain over audit rows, in the order they were sealed (migration 0045's sealer). */
export interface AuditChainTable {
  seq: string;
  entry_table: 'audit_events' | 'audit_event_subjects';
  entry_id: string;
  /** The event the row is, or belongs to (named by the verifier even when the row is gone). */
  event_id: string;
  prev_hash: Buffer;
  hash: Buffer;
  chained_at: CreatedAt;
}

/** An audit row written and not sealed into the chain yet (queued by a trigger, emptied by the sealer). */
export interface AuditChainPendingTable {
  id: Generated<string>;
  entry_table: 'audit_events' | 'audit_event_subjects';
  entry_id: string;
  event_id: string;
  queued_at: CreatedAt;
}

/** The chain head as it was at `at`, signed with a key derived from the instance secret. */
export interface AuditCheckpointsTable {
  id: Generated<string>;
  at: ColumnType<Date, Date, never>;
  seq: string;
  head_hash: Buffer;
  key_id: string;
  signature: Buffer;
}

export type AuditAlertKind = 'people_per_hour' | 'people_per_day' | 'above_baseline';

/** An account that read unusually many people's data, found by the alerts job (once per window). */
export interface AuditAlertsTable {
  id: Generated<string>;
  raised_at: CreatedAt;
  kind: AuditAlertKind;
  actor_id: string;
  actor_name: string | null;
  actor_role: string | null;
  locality_path: string;
  window_start: Timestamp;
  window_end: Timestamp;
  people: number;
  threshold: number;
  /** The account's own average per day over the previous 30 days (above_baseline only). */
  baseline: number | null;
}

/** A personal-data breach recorded by an administrator (Law 91/2025, Decree 356/2025: notify within 72 hours). */
export interface DataBreachesTable {
  id: Generated<string>;
  serial: Generated<number>;
  client_key: string;
  locality_code: string;
  locality_path: string;
  detected_at: Timestamp;
  occurred_at: Timestamp | null;
  nature: string;
  data_categories: string[];
  people_affected: number | null;
  records_affected: number | null;
  consequences: string;
  measures_taken: string;
  measures_proposed: string;
  contact_name: string;
  contact_title: string;
  contact_phone: string;
  contact_email: string | null;
  signer_name: string | null;
  late_reason: string | null;
  status: Generated<BreachStatus>;
  notified_at: Timestamp | null;
  recorded_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AuditTables {
  audit_chain: AuditChainTable;
  audit_chain_pending: AuditChainPendingTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_alerts: AuditAlertsTable;
  data_breaches: DataBreachesTable;
}
