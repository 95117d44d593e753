import { sql, type Kysely } from 'kysely';

/**
 * Workers' screening as a testing campaign per organisation, and each organisation's own rule
 * (issue 15).
 *
 * - `test_orders.campaign_id`: the campaign an order belongs to. A sample taken for such an order
 *   belongs to the same campaign, so the campaign's coverage counts screening tests.
 * - `workplace_screening_campaigns`: the organisation's campaign, created once on its first
 *   screening order (the primary key keeps it one per organisation).
 * - `workplace_screening_settings`: the organisation's rule where it differs from Decision 2787's
 *   default (no row: screens, every 7 days, 20% of high-risk workers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table test_orders add column campaign_id uuid references test_campaigns (id)`.execute(db);
  await sql`create index test_orders_by_campaign on test_orders (campaign_id) where campaign_id is not null`.execute(
    db,
  );
  await sql`
    create table workplace_screening_campaigns (
      organisation_id uuid primary key references organisations (id),
      campaign_id uuid not null unique references test_campaigns (id)
    )`.execute(db);
  await sql`
    create table workplace_screening_settings (
      organisation_id uuid primary key references organisations (id),
      screens boolean not null,
      interval_days integer not null check (interval_days between 5 and 7),
      high_risk_share_percent integer not null check (high_risk_share_percent between 20 and 100),
      updated_by uuid references users (id),
      updated_at timestamptz not null default now()
    )`.execute(db);
}
