import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './schema-columns.ts';

/** Columns of `users` added by migration 0011 (two-factor sign-in). */
export interface UserSecurityColumns {
  /** TOTP secret, AES-256-GCM encrypted under a key derived from the instance secret. */
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is accepted once. */
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  /** A secret shown for enrolment, not yet confirmed with a code (encrypted like `totp_secret`). */
  totp_pending_secret: string | null;
  totp_pending_at: Date | null;
}

/** Columns of `sessions` added by migration 0011. */
export interface SessionSecurityColumns {
  /** What the user sees and ends a session by (the token hash never leaves the server). */
  public_id: Generated<string>;
  /** Sign-in or last re-authentication: exports and admin actions need a recent one. */
  authenticated_at: Generated<Date>;
}

/** Tables of sign-in hardening (migration 0011). */
export interface IdentityTables {
  password_history: PasswordHistoryTable;
  recovery_codes: RecoveryCodesTable;
  login_throttle: LoginThrottleTable;
}

/** The last password hashes of an account (the current one included), to refuse reuse. */
export interface PasswordHistoryTable {
  id: Generated<string>;
  user_id: string;
  password_hash: string;
  created_at: CreatedAt;
}

/** Keyed hashes of an account's recovery codes; each is spent once (`used_at`). */
export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
  created_at: CreatedAt;
}

export type ThrottleScope = 'user_ip' | 'user' | 'ip';

/** Failed sign-ins per scope; `key` is a keyed hash of the normalised username and/or the address. */
export interface LoginThrottleTable {
  scope: ThrottleScope;
  key: string;
  failures: Generated<number>;
  last_failure_at: Date | null;
  blocked_until: Date | null;
  updated_at: Timestamp;
}
