import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { facilityWithinSql, scopeWithinSql } from '../../db/path-scope.ts';
import type { AdmissionEventsTable, QuarantineAdmissionsTable } from '../../db/schema.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type AdmissionRecord = NonNullable<Awaited<ReturnType<QuarantineRepository['findById']>>>;
type AdmissionStatus = 'active' | 'released' | 'transferred' | 'cancelled';

/** The stay's locality, as the register's scope reads it (migration 0015). */
const admissionScope = { path: 'a.locality_path', province: 'a.scope_province', commune: 'a.scope_code' };

/** SQL for quarantine stays, their events, tests and daily self-reports. */
export class QuarantineRepository {
  private admissions(db: Db) {
    return db
      .selectFrom('quarantine_admissions as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('facilities as f', 'f.id', 'a.facility_id')
      .innerJoin('localities as fl', 'fl.code', 'f.locality_code')
      .leftJoin('localities as prov', 'prov.code', 'fl.province_code')
      .leftJoin('localities as pl', 'pl.code', 'p.commune_code')
      .leftJoin('localities as plprov', 'plprov.code', 'pl.province_code')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('monitoring_reports as r')
            .select(sql<string>`max(r.reported_on)::text`.as('last_report_on'))
            .whereRef('r.admission_id', '=', 'a.id')
            .as('r'),
        (join) => join.onTrue(),
      )
      .selectAll('a')
      .select([
        'p.full_name',
        'p.birth_year',
        'p.phone',
        'p.gender',
        'p.id_number',
        'p.address_line',
        'f.name as facility_name',
        'f.kind as facility_kind',
        'f.address_line as facility_address',
        'fl.full_name as facility_commune',
        'prov.name as province_name',
        'prov.full_name as facility_province',
        'pl.full_name as person_commune',
        'plprov.full_name as person_province',
        'r.last_report_on',
      ]);
  }

  findById(db: Db, id: string) {
    return this.admissions(db).where('a.id', '=', id).executeTakeFirst();
  }

  findByClientKey(db: Db, key: string) {
    return this.admissions(db).where('a.client_key', '=', key).executeTakeFirst();
  }

  findByMonitorToken(db: Db, tokenId: string) {
    return this.admissions(db).where('a.monitor_token_id', '=', tokenId).executeTakeFirst();
  }

  activeOf(db: Db, personId: string) {
    return this.admissions(db).where('a.person_id', '=', personId).where('a.status', '=', 'active').executeTakeFirst();
  }

  /** Which of these admissions are still running (in batches: a province's month of handovers). */
  async stillActive(db: Db, ids: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await db
        .selectFrom('quarantine_admissions')
        .select('id')
        .where('id', '=', sql<string>`any(${ids.slice(i, i + 5000)}::uuid[])`)
        .where('status', '=', 'active')
        .execute();
      out.push(...rows.map((r) => r.id));
    }
    return out;
  }

  /** Stays of the area (`within`), and of `facilityIds` only when given (a facility staff account's). */
  async list(
    db: Db,
    o: {
      within: string;
      facilityIds: readonly string[] | null;
      facilityId?: string;
      status?: AdmissionStatus;
      endsBy?: string;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.admissions(db)
      .where(scopeWithinSql(admissionScope, o.within))
      .where(facilityWithinSql('a.facility_id', o.facilityIds));
    if (o.facilityId) q = q.where('a.facility_id', '=', o.facilityId);
    if (o.status) q = q.where('a.status', '=', o.status);
    if (o.endsBy) q = q.where('a.ends_on', '<=', o.endsBy);
    if (cursor) q = q.where(sql<boolean>`(a.ends_on, a.id) > (${String(cursor[0])}::date, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('a.ends_on')
      .orderBy('a.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** Active stays in scope without a self-report on `day`: who the staff must call. */
  async missingReports(
    db: Db,
    o: { within: string; facilityIds: readonly string[] | null; day: string; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.admissions(db)
      .where(scopeWithinSql(admissionScope, o.within))
      .where(facilityWithinSql('a.facility_id', o.facilityIds))
      .where('a.status', '=', 'active')
      .where('a.starts_on', '<=', o.day)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('monitoring_reports as m')
              .select('m.id')
              .whereRef('m.admission_id', '=', 'a.id')
              .where('m.reported_on', '=', o.day),
          ),
        ),
      );
    if (cursor) q = q.where(sql<boolean>`(a.ends_on, a.id) > (${String(cursor[0])}::date, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('a.ends_on')
      .orderBy('a.id')
      .limit(o.limit + 1)
      .execute();
  }

  async insert(db: Db, a: Insertable<QuarantineAdmissionsTable>): Promise<string> {
    return (await db.insertInto('quarantine_admissions').values(a).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Changes an active stay only: false when someone released or moved it meanwhile. */
  async updateActive(db: Db, id: string, changes: Updateable<QuarantineAdmissionsTable>): Promise<boolean> {
    const r = await db
      .updateTable('quarantine_admissions')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async addEvent(db: Db, e: Insertable<AdmissionEventsTable>): Promise<void> {
    await db.insertInto('admission_events').values(e).execute();
  }

  async nextDocumentNumber(db: Db): Promise<number> {
    const r = await sql<{ n: string }>`select nextval('quarantine_document_seq') as n`.execute(db);
    return Number(r.rows[0]!.n);
  }

  /**
   * The facility with its quarantine places and how many are in use. The capacity row is locked
   * first, so two admissions racing for the last place queue behind each other (the treatment
   * module locks beds the same way).
   */
  async facilityForAdmission(db: Db, facilityId: string) {
    await sql`select 1 from facility_capacity where facility_id = ${facilityId} and kind = 'quarantine_place' for update`.execute(
      db,
    );
    return db
      .selectFrom('facilities as f')
      .leftJoin('facility_capacity as c', (j) =>
        j.onRef('c.facility_id', '=', 'f.id').on('c.kind', '=', 'quarantine_place'),
      )
      .select([
        'f.id',
        'f.name',
        'f.kind',
        'f.status',
        'f.locality_path',
        'c.capacity',
        sql<string>`(select count(*) from quarantine_admissions a where a.facility_id = f.id and a.status = 'active')`.as(
          'occupied',
        ),
      ])
      .where('f.id', '=', facilityId)
      .executeTakeFirst();
  }

  /** Samples of the person since the stay began, for the release check and the view. */
  testsOf(db: Db, personId: string, since: string) {
    return db
      .selectFrom('samples')
      .select([
        'code',
        'kind',
        'result',
        sql<string>`to_char(collected_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('sampled_on'),
      ])
      .where('person_id', '=', personId)
      .where('pool_id', 'is', null)
      .where(sql<boolean>`collected_at >= (${since}::date - 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`)
      .orderBy('collected_at')
      .execute();
  }

  ordersOf(db: Db, admissionId: string) {
    return db
      .selectFrom('test_orders')
      .select(['id', 'due_on', 'reason', 'status'])
      .where('admission_id', '=', admissionId)
      .orderBy('due_on')
      .orderBy('id')
      .execute();
  }

  async startQuarantineOf(db: Db, personId: string): Promise<void> {
    await db
      .updateTable('people')
      .set({ under_quarantine: true, updated_at: new Date() })
      .where('id', '=', personId)
      .execute();
  }

  /**
   * Out of quarantine: no longer red, monitored at home while the plan says so, and no longer an
   * F-level contact (a case stays a case).
   */
  async endQuarantineOf(db: Db, personId: string, o: { monitoring: boolean }): Promise<void> {
    await db
      .updateTable('people')
      .set({
        under_quarantine: false,
        under_monitoring: o.monitoring,
        updated_at: new Date(),
        f_level: sql<number | null>`case when f_level = 0 then 0 else null end`,
      })
      .where('id', '=', personId)
      .execute();
  }

  /**
   * Home monitoring ends on its last day: people whose last released stay's monitoring is over
   * (and whose monitoring no other reason holds: a worker reported with symptoms, until their hold day).
   */
  async endFinishedMonitoring(db: Db, today: string): Promise<number> {
    const r = await sql`
      update people p set under_monitoring = false, updated_at = now()
      where p.under_monitoring and (p.monitoring_hold_until is null or p.monitoring_hold_until < ${today}::date)
        and not exists (
        select 1 from quarantine_admissions a where a.person_id = p.id and (a.status = 'active' or a.monitoring_until >= ${today}::date))`.execute(
      db,
    );
    return Number(r.numAffectedRows ?? 0);
  }

  async closeQuarantineTasks(db: Db, contactId: string): Promise<void> {
    await db
      .updateTable('follow_up_tasks')
      .set({ status: 'done' })
      .where('contact_id', '=', contactId)
      .where('kind', '=', 'quarantine')
      .where('status', '=', 'open')
      .execute();
  }

  contactForAdmission(db: Db, contactId: string) {
    return db
      .selectFrom('contacts as k')
      .innerJoin('cases as c', 'c.id', 'k.case_id')
      .select(['k.id', 'k.person_id', 'k.status', 'k.locality_path', 'c.profile_code'])
      .where('k.id', '=', contactId)
      .executeTakeFirst();
  }

  /** Schedule tests not yet ordered for the stay's dates; re-planning after an extension adds only the new day. */
  async cancelOpenScheduleOrders(db: Db, admissionId: string, keepDates: readonly string[]): Promise<void> {
    let q = db
      .updateTable('test_orders')
      .set({ status: 'cancelled' })
      .where('admission_id', '=', admissionId)
      .where('status', '=', 'ordered');
    if (keepDates.length) q = q.where('due_on', 'not in', keepDates);
    await q.execute();
  }

  /** One report per day: a second one the same day replaces the first (a corrected temperature). */
  async upsertReport(
    db: Db,
    r: { admissionId: string; day: string; temperature: number | null; symptoms: string[] },
  ): Promise<void> {
    await db
      .insertInto('monitoring_reports')
      .values({
        admission_id: r.admissionId,
        reported_on: r.day,
        temperature: r.temperature,
        symptoms: JSON.stringify(r.symptoms),
      })
      .onConflict((oc) =>
        oc
          .columns(['admission_id', 'reported_on'])
          .doUpdateSet({ temperature: r.temperature, symptoms: JSON.stringify(r.symptoms), reported_at: new Date() }),
      )
      .execute();
  }

  async orderDueOn(db: Db, admissionId: string, day: string): Promise<boolean> {
    const r = await db
      .selectFrom('test_orders')
      .select('id')
      .where('admission_id', '=', admissionId)
      .where('due_on', '=', day)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
    return r !== undefined;
  }
}
