import { sql, type Kysely } from 'kysely';

/**
 * Identity hardening: two-factor sign-in (encrypted TOTP secrets, hashed single-use recovery codes),
 * password history, sign-in throttling that replaces the account lockout, and sessions a user can
 * see and end (a public id separate from the token hash, and the time of the last (re)authentication).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The lockout is gone: throttling lives in login_throttle, keyed by hashes, for unknown names too.
  await sql`alter table users drop column failed_logins, drop column locked_until`.execute(db);
  await sql`
    alter table users
      add column totp_secret text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step bigint,
      add column totp_pending_secret text,
      add column totp_pending_at timestamptz,
      add constraint users_totp_enabled check ((totp_secret is null) = (totp_enabled_at is null))`.execute(db);

  await sql`
    alter table sessions
      add column public_id uuid not null default gen_random_uuid(),
      add column authenticated_at timestamptz not null default now()`.execute(db);
  await sql`create unique index sessions_public_id on sessions (public_id)`.execute(db);

  await sql`
    create table password_history (
      id bigint generated always as identity primary key,
      user_id uuid not null references users (id) on delete cascade,
      password_hash text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index password_history_by_user on password_history (user_id, id desc)`.execute(db);

  await sql`
    create table recovery_codes (
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (user_id, code_hash)
    )`.execute(db);

  await sql`
    create table login_throttle (
      scope text not null check (scope in ('user_ip', 'user', 'ip')),
      key text not null,
      failures integer not null default 0 check (failures >= 0),
      last_failure_at timestamptz,
      blocked_until timestamptz,
      updated_at timestamptz not null default now(),
      primary key (scope, key)
    )`.execute(db);
  await sql`create index login_throttle_by_age on login_throttle (updated_at)`.execute(db);
}
