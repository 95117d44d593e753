import { sql, type Kysely } from 'kysely';

/**
 * One round trip per check-in: lock the (venue, person) pair, return their open check-in inside
 * the repeat window if there is one, else insert. Each statement of a PL/pgSQL function takes a
 * fresh snapshot, so after the lock the lookup sees whatever a concurrent twin committed. The
 * window's upper bound lets the planner touch today's partition only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function record_checkin(p_venue uuid, p_person uuid, p_mode text, p_commune text, p_window interval)
    returns table (checkin_id bigint, at timestamptz, repeated boolean)
    language plpgsql as $$
    declare
      -- Milliseconds: the time travels through JavaScript dates (check-out names it) and must match exactly.
      v_now timestamptz := date_trunc('milliseconds', clock_timestamp());
    begin
      perform pg_advisory_xact_lock(hashtextextended(p_venue::text || ':' || p_person::text, 0));
      return query
        select c.id, c.checked_in_at, true from checkins c
        where c.person_id = p_person and c.venue_id = p_venue
          and c.checked_in_at >= v_now - p_window and c.checked_in_at <= v_now + interval '1 minute'
          and c.checked_out_at is null
        order by c.checked_in_at desc limit 1;
      if found then
        return;
      end if;
      return query
        insert into checkins as c (venue_id, person_id, checked_in_at, mode, commune_code)
        values (p_venue, p_person, v_now, p_mode, p_commune)
        returning c.id, c.checked_in_at, false;
    end
    $$`.execute(db);
}
