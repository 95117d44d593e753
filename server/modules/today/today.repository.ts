import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { escapeLike } from '../../db/path-scope.ts';

export interface TodayRow {
  id: string;
  label: string;
  due_on: string | null;
  overdue: boolean;
  link: string;
  /** The person the task is about, when it is about a person (for the access log). */
  person_id: string | null;
  total: string;
  overdue_total: string;
}

/**
 * One query per kind of work, each scoped by locality path, counted in full and listed oldest
 * first (the first `limit`). Counting with a window keeps it one round trip per kind.
 */
export class TodayRepository {
  private async group(db: Db, body: RawBuilder<unknown>, limit: number): Promise<TodayRow[]> {
    const r = await sql<TodayRow>`
      select g.id::text, g.label, g.due_on::text, g.overdue, g.link, g.person_id::text, count(*) over () as total, count(*) filter (where g.overdue) over () as overdue_total
      from (${body}) g order by g.due_on nulls last, g.id limit ${limit}`.execute(db);
    return r.rows;
  }

  private within(column: string, path: string) {
    return sql`(${sql.ref(column)} = ${path} or ${sql.ref(column)} like ${`${escapeLike(path)}/%`})`;
  }

  /** `column` is one of a facility staff account's facilities (null: no facility filter). */
  private at(column: string, facilityIds: readonly string[] | null) {
    return facilityIds === null ? sql`true` : sql`${sql.ref(column)} = any(${[...facilityIds]}::uuid[])`;
  }

  contactsToDecide(db: Db, path: string, today: string, limit: number) {
    return this.group(
      db,
      sql`
      select k.id, p.id as person_id, p.full_name || ' (F' || k.level || ')' as label, (k.created_at at time zone 'Asia/Ho_Chi_Minh')::date as due_on,
        '/cases/' || k.case_id as link, (k.created_at at time zone 'Asia/Ho_Chi_Minh')::date < ${today}::date as overdue
      from contacts k join people p on p.id = k.person_id
      where k.status = 'proposed' and ${this.within('k.locality_path', path)}`,
      limit,
    );
  }

  quarantineToArrange(db: Db, path: string, today: string, limit: number) {
    return this.group(
      db,
      sql`
      select t.id, p.id as person_id, p.full_name as label, t.due_on, '/quarantine' as link, t.due_on < ${today}::date as overdue
      from follow_up_tasks t join people p on p.id = t.person_id
      where t.kind = 'quarantine' and t.status = 'open' and t.due_on <= ${today}::date and ${this.within('t.locality_path', path)}`,
      limit,
    );
  }

  /** Facility staff: the tests of people staying at their facilities, or ordered for a stay there. */
  testsDue(db: Db, path: string, today: string, limit: number, facilityIds: readonly string[] | null) {
    const atFacility =
      facilityIds === null
        ? sql`true`
        : sql`exists (select 1 from quarantine_admissions qa
      where (qa.id = o.admission_id or (qa.person_id = o.person_id and qa.status = 'active')) and ${this.at('qa.facility_id', facilityIds)})`;
    return this.group(
      db,
      sql`
      select o.id, p.id as person_id, p.full_name as label, o.due_on, '/testing' as link, o.due_on < ${today}::date as overdue
      from test_orders o join people p on p.id = o.person_id
      where o.status = 'ordered' and o.due_on <= ${today}::date and ${this.within('o.locality_path', path)} and ${atFacility}`,
      limit,
    );
  }

  releasesDue(db: Db, path: string, today: string, limit: number, facilityIds: readonly string[] | null) {
    return this.group(
      db,
      sql`
      select a.id, p.id as person_id, p.full_name as label, a.ends_on + 1 as due_on, '/quarantine/' || a.id as link, a.ends_on + 1 < ${today}::date as overdue
      from quarantine_admissions a join people p on p.id = a.person_id
      where a.status = 'active' and a.ends_on < ${today}::date and ${this.within('a.locality_path', path)} and ${this.at('a.facility_id', facilityIds)}`,
      limit,
    );
  }

  missingReports(db: Db, path: string, today: string, limit: number, facilityIds: readonly string[] | null) {
    return this.group(
      db,
      sql`
      select a.id, p.id as person_id, p.full_name as label, ${today}::date as due_on, '/quarantine/' || a.id as link, false as overdue
      from quarantine_admissions a join people p on p.id = a.person_id
      where a.status = 'active' and a.starts_on <= ${today}::date and ${this.within('a.locality_path', path)} and ${this.at('a.facility_id', facilityIds)}
        and not exists (select 1 from monitoring_reports r where r.admission_id = a.id and r.reported_on = ${today}::date)`,
      limit,
    );
  }

  caseProposals(db: Db, path: string, today: string, limit: number) {
    return this.group(
      db,
      sql`
      select cp.id, p.id as person_id, p.full_name as label, (cp.created_at at time zone 'Asia/Ho_Chi_Minh')::date as due_on, '/testing?tab=proposals' as link,
        (cp.created_at at time zone 'Asia/Ho_Chi_Minh')::date < ${today}::date as overdue
      from case_proposals cp join people p on p.id = cp.person_id
      where cp.status = 'open' and ${this.within('cp.locality_path', path)}`,
      limit,
    );
  }

  /** Facility kinds whose occupancy passes the facility's threshold (beds from open stays, places from active admissions). */
  capacityAlerts(db: Db, path: string, limit: number, facilityIds: readonly string[] | null) {
    return this.group(
      db,
      sql`
      select f.id || ':' || c.kind as id, null::uuid as person_id, f.name as label, null::date as due_on,
        case when c.kind = 'quarantine_place' then '/facilities' else '/treatment' end as link, false as overdue
      from facilities f join facility_capacity c on c.facility_id = f.id
      where f.status = 'active' and c.capacity > 0 and ${this.within('f.locality_path', path)} and ${this.at('f.id', facilityIds)}
        and 100 * (case when c.kind = 'quarantine_place'
          then (select count(*) from quarantine_admissions a where a.facility_id = f.id and a.status = 'active')
          else (select count(*) from treatment_stays s where s.facility_id = f.id and s.bed_kind = c.kind and s.discharged_at is null) end)
          >= f.occupancy_alert_percent * c.capacity`,
      limit,
    );
  }

  /** Citizens' self-declared records awaiting a link, about a record of the area (either one). */
  linkRequests(db: Db, path: string, today: string, limit: number) {
    return this.group(
      db,
      sql`
      select r.id, d.id as person_id, d.full_name as label, (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date as due_on, '/people/links/' || r.id as link,
        (r.created_at at time zone 'Asia/Ho_Chi_Minh')::date < ${today}::date as overdue
      from person_link_requests r join people d on d.id = r.declared_person_id
      where r.status = 'open' and (${this.within('r.declared_locality_path', path)} or ${this.within('r.official_locality_path', path)})`,
      limit,
    );
  }
}
