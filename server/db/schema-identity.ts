import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './schema-columns.ts';

/** Tables of sign-in hardening (migration 0011). Columns added to `users` and `sessions` are in schema.ts. */
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
