import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  WorkplaceScreeningOrdersTable,
  WorkplaceScreeningSettingsTable,
  WorkplaceSymptomReportsTable,
  WorkRole,
} from '../../db/schema-workplaces.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { scopeWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export interface ScreenedWorker {
  id: string;
  organisation_id: string;
  full_name: string;
  id_number: string;
  department: string;
  shift: string;
  work_role: Exclude<WorkRole, 'other'>;
  /** The day of the worker's latest test order from this module (screening or symptoms). */
  last_ordered_on: string | null;
  /** The day of the worker's latest screening order (a high-risk round's day). */
  last_screened_on: string | null;
}

export interface ScreeningCoverageCounts {
  ordered: number;
  sampled: number;
  tested: number;
  service_contact: number;
  service_contact_tested: number;
  high_risk: number;
  high_risk_sampled: number;
}

export type ScreeningSettingsRecord = Selectable<WorkplaceScreeningSettingsTable>;

export type SymptomReportRecord = NonNullable<Awaited<ReturnType<ScreeningRepository['reportByClientKey']>>>;

/** SQL of workers' screening (Decision 2787) and of workers with symptoms. */
export class ScreeningRepository {
  /** The on-site workers the rule screens in these organisations, with their latest order. */
  async screenedRoster(db: Db, organisationIds: readonly string[]): Promise<ScreenedWorker[]> {
    if (organisationIds.length === 0) return [];
    const r = await sql<ScreenedWorker>`
      select w.id, w.organisation_id, w.full_name, w.id_number, w.department, w.shift, w.work_role,
        (select max(s.due_on)::text from workplace_screening_orders s
          where s.organisation_id = w.organisation_id and s.roster_worker_id = w.id) as last_ordered_on,
        (select max(s.due_on)::text from workplace_screening_orders s
          where s.organisation_id = w.organisation_id and s.roster_worker_id = w.id and s.reason = 'screening')
          as last_screened_on
      from roster_workers w
      where w.organisation_id = any(${[...organisationIds]}::uuid[]) and w.on_site
        and w.work_role in ('service_contact', 'high_risk')
      order by w.organisation_id, w.department, w.full_name, w.id`.execute(db);
    return r.rows;
  }

  /** The organisation's whole roster (on site or not), with each worker's document number. */
  async roster(db: Db, organisationId: string) {
    return db
      .selectFrom('roster_workers')
      .select(['id', 'full_name', 'id_number', 'department', 'shift'])
      .where('organisation_id', '=', organisationId)
      .execute();
  }

  /** An area's approved organisations with on-site screened workers, by name (keyset paged). */
  async areaOrganisations(db: Db, within: string, after: string | undefined, limit: number) {
    const cursor = decodeCursor(after, ['text', 'uuid']);
    const r = await sql<{ id: string; name: string; commune_code: string }>`
      select o.id, o.name, o.commune_code from organisations o
      where ${scopeWithinSql({ path: 'o.locality_path', province: 'o.scope_province', commune: 'o.scope_code' }, within)}
        and o.status = 'approved'
        and not exists (select 1 from workplace_screening_settings x where x.organisation_id = o.id and not x.screens)
        and exists (select 1 from roster_workers w where w.organisation_id = o.id and w.on_site
          and w.work_role in ('service_contact', 'high_risk'))
        and ${cursor ? sql`(o.name, o.id) > (${cursor[0]}, ${cursor[1]}::uuid)` : sql`true`}
      order by o.name, o.id
      limit ${limit + 1}`.execute(db);
    return r.rows;
  }

  /**
   * The organisation's screening campaign (null before its first order) and its screened on-site
   * roster, the organisation's row locked: two first clicks at once open one campaign.
   */
  async campaignOf(db: Db, organisationId: string) {
    const r = await sql<{ campaign_id: string | null; screened: number }>`
      select (select c.campaign_id from workplace_screening_campaigns c where c.organisation_id = o.id) as campaign_id,
        (select count(*)::int from roster_workers w where w.organisation_id = o.id and w.on_site
          and w.work_role in ('service_contact', 'high_risk')) as screened
      from organisations o where o.id = ${organisationId} for update of o`.execute(db);
    return r.rows[0] ?? { campaign_id: null, screened: 0 };
  }

  async linkCampaign(db: Db, organisationId: string, campaignId: string): Promise<void> {
    await db
      .insertInto('workplace_screening_campaigns')
      .values({ organisation_id: organisationId, campaign_id: campaignId })
      .execute();
  }

  /**
   * Each organisation's screening coverage over the round [from, to] (Viet Nam days): workers ordered
   * a screening test, those whose order was sampled and resulted; on-site service-contact workers
   * with a result from a sample of the round and high-risk workers sampled in it (a worker's samples
   * are found by the person their screening or symptom orders named).
   */
  async coverage(db: Db, organisationIds: readonly string[], from: string, to: string) {
    if (organisationIds.length === 0) return new Map<string, ScreeningCoverageCounts>();
    const r = await sql<ScreeningCoverageCounts & { organisation_id: string }>`
      with round_orders as (
        select s.organisation_id, s.roster_worker_id, bool_or(t.status in ('sampled', 'resulted')) as sampled,
          bool_or(t.status = 'resulted') as tested
        from workplace_screening_orders s join test_orders t on t.id = s.test_order_id
        where s.organisation_id = any(${[...organisationIds]}::uuid[]) and s.reason = 'screening'
          and s.due_on between ${from}::date and ${to}::date
        group by 1, 2
      ), workers as (
        select w.organisation_id, w.work_role,
          exists (select 1 from samples x
            where x.person_id in (select distinct p.person_id from workplace_screening_orders p
              where p.organisation_id = w.organisation_id and p.roster_worker_id = w.id)
              and (x.collected_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date
              and x.result is not null) as tested,
          exists (select 1 from samples x
            where x.person_id in (select distinct p.person_id from workplace_screening_orders p
              where p.organisation_id = w.organisation_id and p.roster_worker_id = w.id)
              and (x.collected_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date)
            as sampled
        from roster_workers w
        where w.organisation_id = any(${[...organisationIds]}::uuid[]) and w.on_site
          and w.work_role in ('service_contact', 'high_risk')
      )
      select o.id as organisation_id,
        (select count(*)::int from round_orders r where r.organisation_id = o.id) as ordered,
        (select count(*)::int from round_orders r where r.organisation_id = o.id and r.sampled) as sampled,
        (select count(*)::int from round_orders r where r.organisation_id = o.id and r.tested) as tested,
        (select count(*)::int from workers w where w.organisation_id = o.id and w.work_role = 'service_contact')
          as service_contact,
        (select count(*)::int from workers w where w.organisation_id = o.id and w.work_role = 'service_contact'
          and w.tested) as service_contact_tested,
        (select count(*)::int from workers w where w.organisation_id = o.id and w.work_role = 'high_risk') as high_risk,
        (select count(*)::int from workers w where w.organisation_id = o.id and w.work_role = 'high_risk'
          and w.sampled) as high_risk_sampled
      from unnest(${[...organisationIds]}::uuid[]) as o(id)`.execute(db);
    return new Map(r.rows.map(({ organisation_id, ...c }) => [organisation_id, c]));
  }

  /** The organisations' own screening rules (absent: Decision 2787's default). */
  async settingsOf(db: Db, organisationIds: readonly string[]) {
    if (organisationIds.length === 0) return new Map<string, ScreeningSettingsRecord>();
    const r = await db
      .selectFrom('workplace_screening_settings')
      .selectAll()
      .where('organisation_id', 'in', [...organisationIds])
      .execute();
    return new Map(r.map((x) => [x.organisation_id, x]));
  }

  async saveSettings(
    db: Db,
    s: {
      organisationId: string;
      screens: boolean;
      intervalDays: number;
      highRiskSharePercent: number;
      by: string | null;
    },
  ): Promise<void> {
    const values = {
      screens: s.screens,
      interval_days: s.intervalDays,
      high_risk_share_percent: s.highRiskSharePercent,
      updated_by: s.by,
      updated_at: new Date(),
    };
    await db
      .insertInto('workplace_screening_settings')
      .values({ organisation_id: s.organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
  }

  batchByKey(db: Db, clientKey: string) {
    return db
      .selectFrom('workplace_screening_batches')
      .select(['organisation_id', 'day', 'ordered', 'not_on_file'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  /** False when a concurrent resend of the same click got there first. */
  async insertBatch(
    db: Db,
    b: {
      clientKey: string;
      organisationId: string;
      day: string;
      ordered: number;
      notOnFile: number;
      by: string | null;
    },
  ): Promise<boolean> {
    const r = await db
      .insertInto('workplace_screening_batches')
      .values({
        client_key: b.clientKey,
        organisation_id: b.organisationId,
        day: b.day,
        ordered: b.ordered,
        not_on_file: b.notOnFile,
        created_by: b.by,
      })
      .onConflict((oc) => oc.column('client_key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async insertOrders(db: Db, rows: readonly Insertable<WorkplaceScreeningOrdersTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('workplace_screening_orders')
        .values(rows.slice(i, i + 1000))
        // A second report of the same worker's symptoms the same day: its order is the report's own.
        .onConflict((oc) => oc.doNothing())
        .execute();
  }

  /** Workers of the organisation already ordered a screening test on `day` (two clicks the same day order once). */
  async orderedOn(db: Db, organisationId: string, day: string): Promise<Set<string>> {
    const r = await db
      .selectFrom('workplace_screening_orders')
      .select('roster_worker_id')
      .where('organisation_id', '=', organisationId)
      .where('due_on', '=', day)
      .where('reason', '=', 'screening')
      .execute();
    return new Set(r.map((x) => x.roster_worker_id));
  }

  private reports(db: Db) {
    return db
      .selectFrom('workplace_symptom_reports as r')
      .innerJoin('roster_workers as w', 'w.id', 'r.roster_worker_id')
      .select([
        'r.id',
        'r.organisation_id',
        'r.roster_worker_id',
        'r.person_id',
        'r.symptoms',
        sql<string>`r.onset_on::text`.as('onset_on'),
        'r.test_order_id',
        'r.locality_path',
        'r.reported_at',
        'r.handled_at',
        microsecondKey('r.reported_at').as('reported_key'),
        'w.full_name',
        'w.department',
      ]);
  }

  reportByClientKey(db: Db, clientKey: string) {
    return this.reports(db).where('r.client_key', '=', clientKey).executeTakeFirst();
  }

  reportById(db: Db, id: string) {
    return this.reports(db).where('r.id', '=', id).executeTakeFirst();
  }

  async insertReport(db: Db, r: Insertable<WorkplaceSymptomReportsTable>): Promise<string | null> {
    const row = await db
      .insertInto('workplace_symptom_reports')
      .values(r)
      .onConflict((oc) => oc.column('client_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Marks the report handled; false when it already was. */
  async markHandled(db: Db, id: string): Promise<boolean> {
    const r = await db
      .updateTable('workplace_symptom_reports')
      .set({ handled_at: new Date() })
      .where('id', '=', id)
      .where('handled_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The organisation's reports, newest first (keyset paged). */
  listReports(db: Db, organisationId: string, o: { after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.reports(db).where('r.organisation_id', '=', organisationId);
    if (cursor) q = q.where(sql<boolean>`(r.reported_at, r.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
    return q
      .orderBy('r.reported_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** An area's open reports, oldest first, with the full count (today's work shows the first `limit`). */
  async openIn(db: Db, within: string, limit: number) {
    const r = await sql<{
      id: string;
      organisation_id: string;
      person_id: string | null;
      full_name: string;
      name: string;
      reported_on: string;
      total: number;
    }>`
      select r.id, r.organisation_id, r.person_id, w.full_name, o.name,
        (r.reported_at at time zone 'Asia/Ho_Chi_Minh')::date::text as reported_on, count(*) over ()::int as total
      from workplace_symptom_reports r
      join roster_workers w on w.id = r.roster_worker_id
      join organisations o on o.id = r.organisation_id
      where r.handled_at is null
        and ${scopeWithinSql({ path: 'r.locality_path', province: 'r.scope_province', commune: 'r.scope_code' }, within)}
      order by r.reported_at, r.id
      limit ${limit}`.execute(db);
    return r.rows;
  }
}
