import { sql, type Kysely } from 'kysely';

/**
 * Directives (issue 16): the province's (or any unit's) chỉ thị, công văn, kế hoạch… sent down to
 * reporting units, which acknowledge them and report progress on the tasks they carry.
 *
 * - `directives.search_key` folds the number and summary once when written (fold_vietnamese of
 *   0014), so the list searches without diacritics through a trigram index.
 * - The text of a directive (a PDF) lives in `directive_files`, apart from the row the list reads.
 * - An acknowledgement and a task reference the recipient row: a unit that is not a recipient
 *   cannot acknowledge nor be tasked, whatever the code above does.
 * - Progress reports are history: a trigger refuses their update and delete; the task keeps the
 *   latest status so the issuer's counts read one row per task.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table directives (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      number_symbol text not null check (length(number_symbol) between 1 and 60),
      issued_on date not null,
      issuer_unit_id uuid not null references reporting_units (id),
      kind text not null check (kind in ('directive', 'official_letter', 'plan', 'conclusion', 'decision',
        'notice', 'resolution', 'other')),
      summary text not null check (length(summary) between 1 and 2000),
      legal_references jsonb not null default '[]',
      locality_path text not null,
      province_code text not null,
      search_key text generated always as (fold_vietnamese(number_symbol || ' ' || summary)) stored,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      unique (issuer_unit_id, number_symbol, issued_on)
    )`.execute(db);
  // The list, newest first, by area and by issuer; the search by trigram on the folded key.
  await sql`create index directives_by_path on directives (locality_path text_pattern_ops, issued_on desc, id desc)`.execute(
    db,
  );
  await sql`create index directives_by_issuer on directives (issuer_unit_id, issued_on desc, id desc)`.execute(db);
  await sql`create index directives_by_search_key on directives using gin (search_key gin_trgm_ops)`.execute(db);

  await sql`
    create table directive_files (
      directive_id uuid primary key references directives (id),
      filename text not null,
      media_type text not null check (media_type = 'application/pdf'),
      body bytea not null,
      byte_size integer not null check (byte_size > 0),
      uploaded_by uuid references users (id),
      uploaded_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table directive_recipients (
      directive_id uuid not null references directives (id),
      unit_id uuid not null references reporting_units (id),
      primary key (directive_id, unit_id)
    )`.execute(db);
  await sql`create index directive_recipients_by_unit on directive_recipients (unit_id, directive_id)`.execute(db);

  await sql`
    create table directive_acknowledgements (
      directive_id uuid not null,
      unit_id uuid not null,
      acknowledged_by uuid references users (id),
      acknowledged_at timestamptz not null default now(),
      primary key (directive_id, unit_id),
      foreign key (directive_id, unit_id) references directive_recipients (directive_id, unit_id)
    )`.execute(db);

  await sql`
    create table directive_tasks (
      id uuid primary key default gen_random_uuid(),
      directive_id uuid not null,
      unit_id uuid not null,
      title text not null check (length(title) between 1 and 500),
      due_on date not null,
      status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done')),
      status_at timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      foreign key (directive_id, unit_id) references directive_recipients (directive_id, unit_id)
    )`.execute(db);
  await sql`create index directive_tasks_by_directive on directive_tasks (directive_id, due_on, id)`.execute(db);
  await sql`create index directive_tasks_by_unit on directive_tasks (unit_id, due_on)`.execute(db);

  await sql`
    create table directive_task_progress (
      id uuid primary key default gen_random_uuid(),
      client_key uuid not null unique,
      task_id uuid not null references directive_tasks (id),
      status text not null check (status in ('not_started', 'in_progress', 'done')),
      note text check (length(note) <= 2000),
      evidence text check (length(evidence) <= 2000),
      reported_by uuid references users (id),
      reported_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index directive_task_progress_by_task on directive_task_progress (task_id, reported_at desc)`.execute(
    db,
  );
  await sql`
    create function refuse_task_progress_change() returns trigger language plpgsql as $$
    begin
      raise exception 'a task progress report cannot be changed' using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger directive_task_progress_immutable before update or delete on directive_task_progress
    for each row execute function refuse_task_progress_change()`.execute(db);
}
