import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-columns.ts';

/** Citizens' records, sessions and link requests (migration 0010); kept apart so schema.ts stays readable. */

export type RecordedBy = 'official' | 'host' | 'citizen';
/**
 * `registered`: the person of this document (officials' record, or a citizen's own). A record a
 * citizen declared with the document of a record they may not take is `awaiting_verification`
 * until officials link it (it is then merged) or reject it (`not_verified`, kept as history).
 */
export type IdentityStatus = 'registered' | 'awaiting_verification' | 'not_verified';

/** Columns migration 0010 adds to `people`. */
export interface PeopleCitizenColumns {
  recorded_by: ColumnType<RecordedBy, RecordedBy | undefined, RecordedBy>;
  identity_status: ColumnType<IdentityStatus, IdentityStatus | undefined, IdentityStatus>;
}

/** Columns migration 0010 adds to `health_declarations`. */
export interface DeclarationCitizenColumns {
  /** What the citizen typed, when it was not written to the person record (officials' data kept). */
  declared_identity: ColumnType<unknown, string | null | undefined, string | null>;
}

export type TokenRevokedReason = 'erased' | 'merged' | 'phone_changed' | 'link_rejected';

/** Columns migration 0010 adds to `personal_qr_tokens`. */
export interface QrTokenCitizenColumns {
  /** The verified phone the token was issued to; null only for tokens of records never verified. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_reason: ColumnType<
    TokenRevokedReason | null,
    TokenRevokedReason | null | undefined,
    TokenRevokedReason | null
  >;
}

export interface CitizenSessionsTable {
  /** SHA-256 of the bearer token: a leaked table gives no usable session. */
  id: string;
  person_id: string;
  phone: string;
  created_at: CreatedAt;
  expires_at: Date;
  revoked_at: Date | null;
}

export type LinkReason = 'phone_differs' | 'no_phone' | 'details_differ' | 'verified_other_phone';
export type LinkStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn';

export interface PersonLinkRequestsTable {
  id: Generated<string>;
  declared_person_id: string;
  official_person_id: string;
  phone: string;
  reason: LinkReason;
  status: Generated<LinkStatus>;
  declared_locality_path: string;
  official_locality_path: string | null;
  created_at: CreatedAt;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface CitizenTables {
  citizen_sessions: CitizenSessionsTable;
  person_link_requests: PersonLinkRequestsTable;
}
