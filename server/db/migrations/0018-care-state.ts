import { sql, type Kysely } from 'kysely';

/**
 * A case's status and its treatment are one state (core/rules/case-care.ts). Cases gain two
 * statuses (awaiting treatment, transferred out of the province) and their care setting (a bed or
 * home), which the database keeps in step with the status; every change is a row of
 * `case_status_transitions`, written by the same transaction as the change.
 *
 * Existing data is brought into that state: a case "treating" with an open stay is in a bed; one
 * without is awaiting treatment (nothing here says where it is treated); a stay left open on a
 * recovered or dead case is closed on its outcome date. The history is rebuilt from what is known
 * (registration, stays, outcomes) and marked as rebuilt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases drop constraint cases_status_check`.execute(db);
  await sql`alter table cases add constraint cases_status_check
    check (status in ('awaiting_treatment', 'treating', 'recovered', 'died', 'transferred_out'))`.execute(db);
  await sql`alter table cases alter column status set default 'awaiting_treatment'`.execute(db);
  await sql`alter table cases add column care_setting text check (care_setting in ('bed', 'home'))`.execute(db);

  await sql`
    create table case_status_transitions (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      kind text not null check (kind in ('registered', 'admitted', 'transferred', 'discharged', 'status_set')),
      from_status text,
      to_status text not null,
      setting text check (setting in ('bed', 'home')),
      facility_id uuid references facilities (id),
      bed_kind text,
      stay_id uuid references treatment_stays (id),
      reason text,
      actor_id uuid,
      actor_name text,
      rebuilt boolean not null default false,
      at timestamptz not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_status_transitions_by_case on case_status_transitions (case_id, at, created_at)`.execute(
    db,
  );

  // Open stays of closed cases end with the case.
  await sql`
    update treatment_stays s set discharged_at = greatest(s.admitted_at,
        coalesce(c.outcome_date::timestamp at time zone 'Asia/Ho_Chi_Minh', c.updated_at)), outcome = c.status
    from cases c where c.id = s.case_id and s.discharged_at is null and c.status in ('recovered', 'died')`.execute(db);
  await sql`
    update cases c set care_setting = 'bed'
    where c.status = 'treating' and exists (select 1 from treatment_stays s where s.case_id = c.id and s.discharged_at is null)`.execute(
    db,
  );
  await sql`update cases set status = 'awaiting_treatment' where status = 'treating' and care_setting is null`.execute(
    db,
  );
  await sql`alter table cases add constraint cases_care_follows_status
    check ((status = 'treating') = (care_setting is not null))`.execute(db);

  // The history, as far as it can be told.
  await sql`
    insert into case_status_transitions (case_id, kind, from_status, to_status, at, actor_id, rebuilt)
    select id, 'registered', null, 'awaiting_treatment', created_at, created_by, true from cases`.execute(db);
  await sql`
    insert into case_status_transitions (case_id, kind, from_status, to_status, setting, facility_id, bed_kind, stay_id, at, rebuilt)
    select s.case_id, 'admitted', 'awaiting_treatment', 'treating', 'bed', s.facility_id, s.bed_kind, s.id, s.admitted_at, true
    from treatment_stays s`.execute(db);
  await sql`
    insert into case_status_transitions (case_id, kind, from_status, to_status, facility_id, bed_kind, stay_id, at, rebuilt)
    select s.case_id, case when moved then 'transferred' else 'discharged' end, 'treating',
      case when moved then 'treating' when s.outcome = 'transferred' then 'transferred_out' else s.outcome end,
      s.facility_id, s.bed_kind, s.id, s.discharged_at, true
    from treatment_stays s
    -- A stay left as "transferred" with a later stay of the same case was a move between beds.
    cross join lateral (select s.outcome = 'transferred' and exists (
      select 1 from treatment_stays n where n.case_id = s.case_id and n.id <> s.id and n.admitted_at >= s.discharged_at) as moved) m
    where s.discharged_at is not null`.execute(db);
  // Outcomes recorded by hand, without a stay that ended that way.
  await sql`
    insert into case_status_transitions (case_id, kind, from_status, to_status, at, rebuilt)
    select c.id, 'status_set', 'awaiting_treatment', c.status,
      coalesce(c.outcome_date::timestamp at time zone 'Asia/Ho_Chi_Minh', c.updated_at), true
    from cases c
    where c.status in ('recovered', 'died')
      and not exists (select 1 from treatment_stays s where s.case_id = c.id and s.outcome = c.status)`.execute(db);
}
