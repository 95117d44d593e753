import { sql, type Kysely } from 'kysely';

/**
 * Group commit of check-ins: one statement (so one commit) records a whole batch of check-ins that
 * arrived together, with the rule of `record_checkin` (migration 0003) applied to every row: the
 * same person at the same venue within the repeat window is one check-in, inside the batch (the
 * first request of a pair inserts, later ones get the same row, `repeated`) and against rows that
 * earlier batches or single calls committed. The pairs' advisory locks (the same keys as
 * `record_checkin`) are taken in key order, so two batches sharing pairs cannot deadlock; the
 * lookup that follows is a new statement with a fresh snapshot and sees what a twin committed.
 * `slot` is the row's 1-based position in the arrays: the caller matches answers to requests by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function record_checkins(
      p_venues uuid[], p_persons uuid[], p_modes text[], p_communes text[], p_window interval)
    returns table (slot integer, checkin_id bigint, at timestamptz, repeated boolean)
    language plpgsql as $$
    declare
      -- Milliseconds: the time travels through JavaScript dates (check-out names it) and must match exactly.
      v_now timestamptz := date_trunc('milliseconds', clock_timestamp());
    begin
      perform pg_advisory_xact_lock(k.key)
      from (
        select distinct hashtextextended(v::text || ':' || p::text, 0) as key
        from unnest(p_venues, p_persons) as u(v, p)
        order by 1
      ) k;
      return query
        with input as (
          select u.v_id, u.p_id, u.mode, u.commune, u.n::integer as n
          from unnest(p_venues, p_persons, p_modes, p_communes) with ordinality as u(v_id, p_id, mode, commune, n)
        ),
        pairs as (
          select distinct on (i.v_id, i.p_id) i.v_id, i.p_id, i.mode, i.commune, i.n as first_n
          from input i order by i.v_id, i.p_id, i.n
        ),
        existing as (
          select pr.v_id, pr.p_id, e.id, e.checked_in_at
          from pairs pr cross join lateral (
            select c.id, c.checked_in_at from checkins c
            where c.person_id = pr.p_id and c.venue_id = pr.v_id
              and c.checked_in_at >= v_now - p_window and c.checked_in_at <= v_now + interval '1 minute'
              and c.checked_out_at is null
            order by c.checked_in_at desc limit 1
          ) e
        ),
        inserted as (
          insert into checkins as c (venue_id, person_id, checked_in_at, mode, commune_code)
          select pr.v_id, pr.p_id, v_now, pr.mode, pr.commune from pairs pr
          where not exists (select 1 from existing x where x.v_id = pr.v_id and x.p_id = pr.p_id)
          returning c.id, c.venue_id, c.person_id, c.checked_in_at
        ),
        answers as (
          select x.v_id, x.p_id, x.id, x.checked_in_at, true as found from existing x
          union all
          select ins.venue_id, ins.person_id, ins.id, ins.checked_in_at, false from inserted ins
        )
        select i.n, a.id, a.checked_in_at, (a.found or i.n <> pr.first_n)
        from input i
        join pairs pr on pr.v_id = i.v_id and pr.p_id = i.p_id
        join answers a on a.v_id = i.v_id and a.p_id = i.p_id
        order by i.n;
    end
    $$`.execute(db);
}
