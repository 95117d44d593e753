import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { facilityWithinSql, pathWithinSql } from '../../db/path-scope.ts';

/** A state counted now and as it stood at the end of yesterday (`since`: today's first instant). */
export interface NowAndBefore {
  now: number;
  before: number;
}

interface CountRow {
  now: string | null;
  before: string | null;
}

const both = (r: { rows: CountRow[] }): NowAndBefore => ({
  now: Number(r.rows[0]?.now ?? 0),
  before: Number(r.rows[0]?.before ?? 0),
});

/**
 * The home page's counts of states (people in quarantine, tests pending, beds occupied, contacts
 * to confirm) in a subtree, now and at the end of yesterday, one count query each. Each reads
 * only the rows that can count on either day (open ones, and those closed since `since`), through
 * the path indexes of the lists and the partial indexes of migration 0015. Counts, no person.
 */
export class SituationRepository {
  /**
   * People staying in quarantine on `today` and on `yesterday`: started by then and not released
   * before (an active stay past its end counts until it is released). A transferred person counts once.
   */
  async peopleInQuarantine(
    db: Db,
    o: { path: string; today: string; yesterday: string; facilities: readonly string[] | null },
  ): Promise<NowAndBefore> {
    const onDay = (day: string) =>
      sql`a.starts_on <= ${day}::date and (a.released_on > ${day}::date or (a.released_on is null and a.status = 'active'))`;
    const scoped = sql`${pathWithinSql('locality_path', o.path)} and ${facilityWithinSql('facility_id', o.facilities)}`;
    // The stays still open, and those released since yesterday: nothing older can count.
    const r = await sql<CountRow>`
      select count(distinct a.person_id) filter (where ${onDay(o.today)}) as now,
        count(distinct a.person_id) filter (where ${onDay(o.yesterday)}) as before
      from (
        select person_id, starts_on, released_on, status from quarantine_admissions where status = 'active' and ${scoped}
        union all
        select person_id, starts_on, released_on, status from quarantine_admissions
        where released_on >= ${o.yesterday}::date and status <> 'active' and status <> 'cancelled' and ${scoped}) a`.execute(
      db,
    );
    return both(r);
  }

  /**
   * Test orders awaiting their result (ordered, or sampled and not resulted). Before: the orders
   * made before today that had no result by then (an order cancelled today is not counted there:
   * a cancellation keeps no date).
   */
  async testsPending(
    db: Db,
    o: { path: string; since: Date; facilities: readonly string[] | null },
  ): Promise<NowAndBefore> {
    const atFacility =
      o.facilities === null
        ? sql`true`
        : sql`exists (select 1 from quarantine_admissions qa
            where (qa.id = o.admission_id or (qa.person_id = o.person_id and qa.status = 'active')) and ${facilityWithinSql('qa.facility_id', o.facilities)})`;
    const scoped = sql`${pathWithinSql('o.locality_path', o.path)} and ${atFacility}`;
    const r = await sql<CountRow>`
      select count(*) as now, count(*) filter (where o.created_at < ${o.since}) + (
          select count(distinct o.id) from samples s join test_orders o on o.id = s.order_id
          where s.resulted_at >= ${o.since} and o.status = 'resulted' and o.created_at < ${o.since} and ${scoped}) as before
      from test_orders o
      where o.status in ('ordered', 'sampled') and ${scoped}`.execute(db);
    return both(r);
  }

  /** Treatment beds occupied now and at today's first instant (the stays open then). */
  async bedsOccupied(
    db: Db,
    o: { path: string; since: Date; facilities: readonly string[] | null },
  ): Promise<NowAndBefore> {
    const scoped = sql`${pathWithinSql('t.locality_path', o.path)} and ${facilityWithinSql('t.facility_id', o.facilities)}`;
    const r = await sql<CountRow>`
      select count(*) as now, count(*) filter (where t.admitted_at < ${o.since}) + (
          select count(*) from treatment_stays t
          where t.discharged_at > ${o.since} and t.admitted_at < ${o.since} and ${scoped}) as before
      from treatment_stays t
      where t.discharged_at is null and ${scoped}`.execute(db);
    return both(r);
  }

  /** Proposed contacts (F1, F2…) awaiting confirmation now; before: those proposed before today and undecided then. */
  async contactsToConfirm(db: Db, o: { path: string; since: Date }): Promise<NowAndBefore> {
    const scoped = pathWithinSql('k.locality_path', o.path);
    const r = await sql<CountRow>`
      select count(*) as now, count(*) filter (where k.created_at < ${o.since}) + (
          select count(*) from contacts k
          where k.decided_at >= ${o.since} and k.created_at < ${o.since} and ${scoped}) as before
      from contacts k
      where k.status = 'proposed' and ${scoped}`.execute(db);
    return both(r);
  }
}
