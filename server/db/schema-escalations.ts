import type { ColumnType } from 'kysely';
import type { CreatedAt } from './schema-columns.ts';

/** The daily digest of escalations (migration 0046, issue 16). */

/** A date column: written and read as 'YYYY-MM-DD'. */
type DateColumn = ColumnType<string, string, string>;

/** A day whose digest run was queued (once). */
export interface EscalationDigestDaysTable {
  day: DateColumn;
  queued_at: CreatedAt;
}

/** The claim: one digest per official and day. */
export interface EscalationDigestsTable {
  user_id: string;
  day: DateColumn;
  items: number;
  sent_at: CreatedAt;
}

export interface EscalationTables {
  escalation_digest_days: EscalationDigestDaysTable;
  escalation_digests: EscalationDigestsTable;
}
