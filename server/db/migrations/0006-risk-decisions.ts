import { sql, type Kysely } from 'kysely';

/**
 * Issue 6: level decisions. The computed level is a proposal; the steering committee approves it
 * or overrides it with a reason, from an effective date (a raise with the rule set's notice). Every
 * decision is kept: the history of a locality is this table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table risk_level_decisions (
      id uuid primary key default uuid_v7(),
      locality_code text not null references localities (code),
      locality_path text not null,
      rule_set_code text not null,
      rule_set_version integer not null,
      computed_level text not null,
      level_key text not null,
      level_number integer not null,
      kind text not null check (kind in ('approve', 'override')),
      reason text,
      indicators jsonb not null default '{}',
      effective_from timestamptz not null,
      decided_by uuid,
      decided_at timestamptz not null default now(),
      check (kind = 'approve' or reason is not null)
    )`.execute(db);
  await sql`create index risk_decisions_by_locality on risk_level_decisions (locality_code, effective_from desc, id desc)`.execute(
    db,
  );
}
