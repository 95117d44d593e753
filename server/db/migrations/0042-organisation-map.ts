import { sql, type Kysely } from 'kysely';

/**
 * The safety map and the public list of safe organisations (issue 15).
 *
 * - `organisations.publish_safe`: the organisation chose to show its valid low-risk status to the
 *   public ("cơ sở an toàn"). Off by default: nothing of an organisation is public until it opts in.
 * - The officials' map counts a province's organisations per commune and group: one index in that
 *   order (with the type, sector and assessment the filters read) lets it read an index, not the table.
 * - The public list reads the opted-in organisations of a province by name, a page at a time.
 * - The day's gate compliance of a province's organisations is kept as it happens: at 1 M gate
 *   events a day, grouping the events per worker at read time took seconds (the aggregate spills
 *   to disk). `workplace_worker_days` is each roster worker's day at the gate (came, let in, let in
 *   with a valid declaration), `workplace_compliance_days` an organisation's counts of the day,
 *   both changed with each gate check in its transaction. Existing events are counted here once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisations add column publish_safe boolean not null default false`.execute(db);
  await sql`create index organisations_map on organisations
    (scope_province, status, commune_code, latest_group)
    include (org_type, sector, latest_assessment_id)`.execute(db);
  await sql`create index organisations_public_safe on organisations (scope_province, name, id)
    where publish_safe and status = 'approved' and latest_group in ('very_low', 'low')`.execute(db);

  await sql`
    create table workplace_worker_days (
      organisation_id uuid not null references organisations (id),
      day date not null,
      roster_worker_id uuid not null references roster_workers (id),
      on_site boolean not null,
      allowed boolean not null,
      valid boolean not null,
      primary key (organisation_id, day, roster_worker_id)
    )`.execute(db);
  await sql`
    create table workplace_compliance_days (
      organisation_id uuid not null references organisations (id),
      day date not null,
      locality_path text not null,
      scope_province text generated always as (split_part(locality_path, '/', 2)) stored,
      scope_code text generated always as (split_part(locality_path, '/', -1)) stored,
      arrived integer not null default 0 check (arrived >= 0),
      arrived_on_site integer not null default 0 check (arrived_on_site >= 0),
      arrived_valid integer not null default 0 check (arrived_valid >= 0),
      refused integer not null default 0 check (refused >= 0),
      primary key (organisation_id, day)
    )`.execute(db);
  await sql`create index workplace_compliance_days_by_province on workplace_compliance_days (scope_province, day)`.execute(
    db,
  );
  await sql`create index workplace_compliance_days_by_locality on workplace_compliance_days (scope_code, day)`.execute(
    db,
  );
  // The area's compliance walks organisations by name a page at a time (not a sort of the province
  // per page), and counts each one's on-site roster from the index alone.
  for (const column of ['scope_province', 'scope_code'])
    await sql
      .raw(`create index organisations_by_${column}_name on organisations (${column}, status, name, id)`)
      .execute(db);
  await sql`create index roster_workers_on_site on roster_workers (organisation_id) include (on_site)`.execute(db);
  await sql`
    insert into workplace_worker_days (organisation_id, day, roster_worker_id, on_site, allowed, valid)
    select g.organisation_id, g.day, g.roster_worker_id, bool_or(w.on_site), bool_or(g.allowed),
      bool_or(g.allowed and g.valid_declaration)
    from workplace_gate_events g join roster_workers w on w.id = g.roster_worker_id
    group by g.organisation_id, g.day, g.roster_worker_id`.execute(db);
  await sql`
    insert into workplace_compliance_days (organisation_id, day, locality_path, arrived, arrived_on_site, arrived_valid, refused)
    select d.organisation_id, d.day, o.locality_path, count(*), count(*) filter (where d.on_site),
      count(*) filter (where d.valid), count(*) filter (where not d.allowed)
    from workplace_worker_days d join organisations o on o.id = d.organisation_id
    group by d.organisation_id, d.day, o.locality_path`.execute(db);
}
