import { sql, type Kysely } from 'kysely';

/**
 * Exposure alerts and self-reports (issue 20).
 *
 * - `venues.exposure_key`: the venue's secret, printed in its poster's QR after `#k=` and handed to a
 *   visitor's phone at check-in. Identifiers published in the feed are derived from it per day
 *   (core/rules/exposure-alerts.ts), so the feed cannot be joined to venues without it. 16 random
 *   bytes (a v4 UUID's, 122 of them random) in base64url; existing venues get one here, their old
 *   posters keep working because the check-in answer carries the key too.
 * - `exposure_entries`: what the feed publishes (identifier and window, never a person). The venue
 *   and case are kept for officials' counts and for withdrawing; a self-reporter's entries come with
 *   identifiers their phone derived, so the server never learns those venues. Deleted with the
 *   check-in retention.
 * - `self_reports`: symptoms or a positive rapid test reported by a citizen, with consent; the photo
 *   of the test, when sent, is bytes beside the row.
 * - `exposure_feed_fetches`: how many times the feed was fetched per province and day (counts only),
 *   added from each process's memory every minute rather than written per request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table venues add column exposure_key text not null
    default translate(rtrim(encode(decode(replace(gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '='), '+/', '-_')`.execute(
    db,
  );

  await sql`
    create table self_reports (
      id uuid primary key default gen_random_uuid(),
      person_id uuid not null references people (id) on delete cascade,
      client_key uuid not null unique,
      kind text not null check (kind in ('symptoms', 'positive_test')),
      symptoms jsonb not null default '[]',
      onset_date date,
      test_date date,
      note text check (length(note) <= 1000),
      consent_at timestamptz not null,
      published_entries integer not null default 0,
      exposure_decision text check (exposure_decision in ('confirmed', 'withdrawn')),
      photo bytea,
      photo_type text check (photo_type in ('image/jpeg', 'image/png', 'image/webp')),
      commune_code text not null,
      locality_path text not null,
      province_code text generated always as (split_part(locality_path, '/', 2)) stored,
      status text not null default 'received' check (status in ('received', 'handled')),
      handled_by uuid references users (id),
      handled_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  // Today's work reads the open ones of an area, oldest first; the counts read a province's days.
  await sql`create index self_reports_open on self_reports (locality_path text_pattern_ops, created_at, id)
    where status = 'received'`.execute(db);
  await sql`create index self_reports_by_province on self_reports (province_code, created_at)`.execute(db);

  await sql`
    create table exposure_entries (
      id uuid primary key default gen_random_uuid(),
      identifier text not null,
      from_at timestamptz not null,
      to_at timestamptz not null,
      province_code text not null,
      venue_id uuid references venues (id) on delete cascade,
      case_id uuid references cases (id) on delete cascade,
      self_report_id uuid references self_reports (id) on delete cascade,
      -- The phone applies this profile's overlap rule and shows its advice.
      profile_code text not null,
      status text not null default 'published' check (status in ('published', 'pending', 'withdrawn')),
      published_on date not null,
      created_at timestamptz not null default now(),
      -- Set on insert and on each change of status: the feed's version (its ETag and generatedAt).
      changed_at timestamptz not null default clock_timestamp(),
      check (to_at > from_at),
      unique (province_code, identifier, from_at, to_at)
    )`.execute(db);
  await sql`create index exposure_entries_feed on exposure_entries (province_code, to_at)`.execute(db);
  await sql`create index exposure_entries_by_case on exposure_entries (case_id) where case_id is not null`.execute(db);
  await sql`create index exposure_entries_by_report on exposure_entries (self_report_id) where self_report_id is not null`.execute(
    db,
  );

  await sql`
    create table exposure_feed_fetches (
      province_code text not null,
      day date not null,
      fetches bigint not null default 0,
      primary key (province_code, day)
    )`.execute(db);
}
