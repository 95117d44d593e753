import { sql, type Kysely } from 'kysely';

/**
 * Means, supplies, forces and donations (issue 18, "4 tại chỗ", Conclusion 296).
 *
 * - A store belongs to a reporting unit and carries its area (`locality_path`), so lists scope by it.
 * - `stock_movements` is the ledger: append-only (a trigger refuses update and delete). Each movement
 *   belongs to one request (`stock_requests`, keyed by the client's key): a resend finds the request and
 *   records nothing. `stock_balances` is kept in the same transaction as the movements, one row per
 *   store, item and lot; its check refuses a negative quantity, so a conditional update (quantity >= n)
 *   is what serialises concurrent issues of the same lot, and a lost race answers "not enough stock".
 *   A balance always equals the sum of its ledger rows.
 * - Force members belong to a home unit and serve a unit (another one while sent as reinforcement);
 *   `force_transfers` keeps every move, append-only.
 * - A donation's `distributed` is raised in the distribution's transaction and never exceeds its amount.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table resource_stores (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      unit_id uuid not null references reporting_units (id),
      name text not null check (length(name) between 1 and 200),
      locality_path text not null,
      province_code text not null,
      created_at timestamptz not null default now(),
      unique (unit_id, name)
    )`.execute(db);
  await sql`create index resource_stores_by_path on resource_stores (locality_path text_pattern_ops, name, id)`.execute(
    db,
  );

  await sql`
    create table stock_requests (
      client_key uuid primary key,
      store_id uuid not null references resource_stores (id),
      kind text not null check (kind in ('receipt', 'issue', 'transfer', 'adjustment')),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table stock_movements (
      id uuid primary key default gen_random_uuid(),
      seq bigint generated always as identity,
      request_key uuid not null references stock_requests (client_key),
      store_id uuid not null references resource_stores (id),
      item_code text not null,
      lot text not null default '',
      expires_on date,
      kind text not null check (kind in ('receipt', 'issue', 'transfer_out', 'transfer_in', 'adjustment')),
      quantity integer not null check (quantity <> 0),
      balance_after integer not null check (balance_after >= 0),
      counterpart_store_id uuid references resource_stores (id),
      note text check (length(note) <= 300),
      at timestamptz not null default now(),
      recorded_by uuid references users (id),
      check ((kind in ('receipt', 'transfer_in') and quantity > 0) or (kind in ('issue', 'transfer_out') and quantity < 0)
        or kind = 'adjustment')
    )`.execute(db);
  // The ledger of a store newest first; the issues of an item over the last days (days of cover).
  await sql`create index stock_movements_by_store on stock_movements (store_id, at desc, id desc)`.execute(db);
  await sql`create index stock_movements_by_item on stock_movements (store_id, item_code, kind, at)`.execute(db);
  await sql`create index stock_movements_by_request on stock_movements (request_key)`.execute(db);
  await sql`
    create function refuse_stock_movement_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the stock ledger is append-only' using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger stock_movements_append_only before update or delete on stock_movements
    for each row execute function refuse_stock_movement_change()`.execute(db);

  await sql`
    create table stock_balances (
      store_id uuid not null references resource_stores (id),
      item_code text not null,
      lot text not null default '',
      expires_on date,
      quantity integer not null check (quantity >= 0),
      primary key (store_id, item_code, lot)
    )`.execute(db);

  await sql`
    create table stock_minimums (
      store_id uuid not null references resource_stores (id),
      item_code text not null,
      level smallint not null check (level between 1 and 4),
      minimum integer not null check (minimum >= 0),
      primary key (store_id, item_code, level)
    )`.execute(db);

  await sql`
    create table force_members (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      home_unit_id uuid not null references reporting_units (id),
      serving_unit_id uuid not null references reporting_units (id),
      kind text not null check (kind in ('medical_staff', 'preventive_medicine', 'police', 'military', 'militia',
        'border_guard', 'youth_volunteer', 'community_covid_team')),
      full_name text not null check (length(full_name) between 1 and 200),
      phone text check (length(phone) <= 20),
      skills jsonb not null default '[]',
      availability text not null default 'standby' check (availability in ('standby', 'on_duty', 'unavailable')),
      assignment text check (length(assignment) <= 300),
      locality_path text not null,
      province_code text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index force_members_by_path on force_members (locality_path text_pattern_ops, full_name, id)`.execute(
    db,
  );
  await sql`create index force_members_by_unit on force_members (serving_unit_id, kind, availability)`.execute(db);

  await sql`
    create table force_duties (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      member_id uuid not null references force_members (id),
      unit_id uuid not null references reporting_units (id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      post text not null check (length(post) between 1 and 200),
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    )`.execute(db);
  await sql`create index force_duties_by_unit on force_duties (unit_id, starts_at)`.execute(db);

  await sql`
    create table reinforcement_requests (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      unit_id uuid not null references reporting_units (id),
      asked_of_unit_id uuid not null references reporting_units (id),
      kind text not null,
      count integer not null check (count between 1 and 500),
      assigned integer not null default 0 check (assigned >= 0),
      reason text not null check (length(reason) between 1 and 1000),
      status text not null default 'open' check (status in ('open', 'fulfilled', 'declined')),
      decline_reason text,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index reinforcement_requests_by_path on reinforcement_requests (locality_path text_pattern_ops, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index reinforcement_requests_by_asked_of on reinforcement_requests (asked_of_unit_id, status)`.execute(
    db,
  );

  await sql`
    create table force_transfers (
      id uuid primary key default gen_random_uuid(),
      member_id uuid not null references force_members (id),
      request_id uuid references reinforcement_requests (id),
      from_unit_id uuid not null references reporting_units (id),
      to_unit_id uuid not null references reporting_units (id),
      transferred_by uuid references users (id),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index force_transfers_by_member on force_transfers (member_id, at)`.execute(db);
  await sql`create trigger force_transfers_append_only before update or delete on force_transfers
    for each row execute function refuse_stock_movement_change()`.execute(db);

  await sql`
    create table donations (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      unit_id uuid not null references reporting_units (id),
      donor_kind text not null check (donor_kind in ('person', 'business', 'organisation', 'anonymous')),
      donor_name text check (length(donor_name) <= 200),
      form text not null check (form in ('cash', 'goods')),
      amount bigint not null check (amount > 0),
      goods_description text,
      goods_unit text,
      purpose text not null check (purpose in ('general', 'lockdown_households', 'quarantine', 'people_in_difficulty',
        'medical_supplies')),
      received_on date not null,
      distributed bigint not null default 0 check (distributed between 0 and amount),
      locality_code text not null,
      locality_path text not null,
      province_code text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      check ((donor_kind = 'anonymous') = (donor_name is null))
    )`.execute(db);
  await sql`create index donations_by_path on donations (locality_path text_pattern_ops, received_on desc, id desc)`.execute(
    db,
  );
  await sql`create index donations_by_province on donations (province_code, purpose, locality_code)`.execute(db);

  await sql`
    create table support_distributions (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      donation_id uuid not null references donations (id),
      recipient_kind text not null check (recipient_kind in ('household_in_lockdown', 'household_in_quarantine',
        'person_in_difficulty')),
      recipient_name text not null check (length(recipient_name) between 1 and 200),
      recipient_address text,
      locality_code text not null references localities (code),
      locality_path text not null,
      province_code text not null,
      amount bigint not null check (amount > 0),
      distributed_on date not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index support_distributions_by_path on support_distributions (locality_path text_pattern_ops, distributed_on desc, id desc)`.execute(
    db,
  );
  await sql`create index support_distributions_by_donation on support_distributions (donation_id)`.execute(db);
  await sql`create index support_distributions_by_province on support_distributions (province_code, locality_code)`.execute(
    db,
  );
}
