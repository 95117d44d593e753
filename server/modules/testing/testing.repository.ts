import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql, scopeWithinSql } from '../../db/path-scope.ts';
import type { TestKind, TestOrdersTable, TestResult } from '../../db/schema.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/**
 * The quarantine facilities a person's test is "at": the facility of the stay the order was made
 * for, and the facility where the person stays now. A facility staff account reaches the tests of
 * these facilities only.
 */
function stayFacilitiesSql(personId: string, admissionId: RawBuilder<unknown> | string): RawBuilder<string[]> {
  const admission = typeof admissionId === 'string' ? sql.ref(admissionId) : admissionId;
  return sql<string[]>`array(select qa.facility_id from quarantine_admissions qa
    where qa.id = ${admission} or (qa.person_id = ${sql.ref(personId)} and qa.status = 'active'))`;
}

/** The test is at one of `facilityIds` (see `stayFacilitiesSql`); null: no facility filter. */
function atFacilitiesSql(
  personId: string,
  admissionId: RawBuilder<unknown> | string,
  facilityIds: readonly string[] | null,
): Expression<SqlBool> {
  if (facilityIds === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${stayFacilitiesSql(personId, admissionId)} && ${[...facilityIds]}::uuid[]`;
}

const sampleAdmission = sql`(select o.admission_id from test_orders o where o.id = s.order_id)`;

export type OrderStatus = 'ordered' | 'sampled' | 'resulted' | 'cancelled';

export interface NewOrder {
  personId: string;
  reason: TestOrdersTable['reason'];
  testKind: TestKind;
  dueOn: string;
  localityPath: string;
  admissionId?: string | null;
  poolId?: string | null;
  /** The campaign the order belongs to (an organisation's screening); its sample joins it. */
  campaignId?: string | null;
}

export interface NewSample {
  code: string;
  personId: string;
  orderId: string | null;
  campaignId: string | null;
  poolId: string | null;
  kind: TestKind;
  collectedAt: Date;
  collectedBy: string | null;
  lab: string | null;
  localityPath: string;
}

/**
 * Testing SQL. Results arrive by the thousand (a lab's sheet, a campaign's pools): every write here
 * is one set-based statement over the whole batch, never a query per row.
 */
export class TestingRepository {
  /** Orders; a schedule or pool order already there for the same day or pool member is kept, not doubled. */
  /** Each person's latest sample, as a Viet Nam day (served by `samples_by_person`). */
  async lastSampleDays(db: Db, personIds: readonly string[]): Promise<{ person_id: string; day: string }[]> {
    if (personIds.length === 0) return [];
    const r = await sql<{ person_id: string; day: string }>`
      select p.id as person_id, (s.collected_at at time zone 'Asia/Ho_Chi_Minh')::date::text as day
      from unnest(${[...personIds]}::uuid[]) as p(id)
      cross join lateral (
        select collected_at from samples where person_id = p.id order by collected_at desc limit 1
      ) s`.execute(db);
    return r.rows;
  }

  async insertOrders(db: Db, orders: readonly NewOrder[]): Promise<string[]> {
    if (orders.length === 0) return [];
    const r = await sql<{ id: string }>`
        insert into test_orders (person_id, reason, test_kind, due_on, admission_id, pool_id, campaign_id, locality_path)
        select x.person_id, x.reason, x.test_kind, x.due_on, x.admission_id, x.pool_id, x.campaign_id, x.locality_path
        from jsonb_to_recordset(${JSON.stringify(
          orders.map((o) => ({
            person_id: o.personId,
            reason: o.reason,
            test_kind: o.testKind,
            due_on: o.dueOn,
            admission_id: o.admissionId ?? null,
            pool_id: o.poolId ?? null,
            campaign_id: o.campaignId ?? null,
            locality_path: o.localityPath,
          })),
        )}::jsonb) as x(person_id uuid, reason text, test_kind text, due_on date, admission_id uuid, pool_id uuid,
          campaign_id uuid, locality_path text)
        on conflict do nothing returning id`.execute(db);
    return r.rows.map((x) => x.id);
  }

  private orders(db: Db) {
    return db
      .selectFrom('test_orders as o')
      .innerJoin('people as p', 'p.id', 'o.person_id')
      .leftJoin('test_pools as tp', 'tp.id', 'o.pool_id')
      .selectAll('o')
      .select([
        'p.full_name',
        'p.birth_year',
        'p.phone',
        'tp.code as pool_code',
        'tp.campaign_id as pool_campaign_id',
        stayFacilitiesSql('o.person_id', 'o.admission_id').as('facility_ids'),
      ]);
  }

  findOrder(db: Db, id: string) {
    return this.orders(db).where('o.id', '=', id).executeTakeFirst();
  }

  /** Orders due first: what the sampling team works through. */
  async listOrders(
    db: Db,
    o: {
      within: string;
      facilityIds: readonly string[] | null;
      status?: OrderStatus;
      reason?: TestOrdersTable['reason'];
      dueBy?: string;
      after?: string;
      limit: number;
    },
  ) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.orders(db)
      .where(
        scopeWithinSql({ path: 'o.locality_path', province: 'o.scope_province', commune: 'o.scope_code' }, o.within),
      )
      .where(atFacilitiesSql('o.person_id', 'o.admission_id', o.facilityIds));
    if (o.status) q = q.where('o.status', '=', o.status);
    if (o.reason) q = q.where('o.reason', '=', o.reason);
    if (o.dueBy) q = q.where('o.due_on', '<=', o.dueBy);
    if (cursor) q = q.where(sql<boolean>`(o.due_on, o.id) > (${String(cursor[0])}::date, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('o.due_on')
      .orderBy('o.id')
      .limit(o.limit + 1)
      .execute();
  }

  /** The facilities where the person is in an active quarantine stay. */
  async stayFacilitiesOf(db: Db, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('quarantine_admissions')
      .select('facility_id')
      .where('person_id', '=', personId)
      .where('status', '=', 'active')
      .execute();
    return rows.map((r) => r.facility_id);
  }

  /** Live (not erased or merged) people among `ids`, with their area. */
  async livePeople(db: Db, ids: readonly string[]) {
    if (ids.length === 0) return [];
    // One array parameter: an IN list of 5,000 parameters costs more to plan than to run.
    return db
      .selectFrom('people')
      .select(['id', 'locality_path'])
      .where(sql<boolean>`id = any(${ids}::uuid[])`)
      .where('erased_at', 'is', null)
      .where('merged_into', 'is', null)
      .execute();
  }

  async sampleCodesTaken(db: Db, codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const r = await db
      .selectFrom('samples')
      .select('code')
      .where(sql<boolean>`code = any(${codes}::text[])`)
      .execute();
    return r.map((x) => x.code);
  }

  async insertSamples(db: Db, samples: readonly NewSample[]): Promise<void> {
    for (let i = 0; i < samples.length; i += 5000) {
      const chunk = samples.slice(i, i + 5000);
      await sql`
        insert into samples (code, person_id, order_id, campaign_id, pool_id, kind, collected_at, collected_by, lab, locality_path)
        select x.code, x.person_id, x.order_id,
          -- A sample taken for a campaign's order (an organisation's screening) counts in that campaign.
          coalesce(x.campaign_id, (select o.campaign_id from test_orders o where o.id = x.order_id)), x.pool_id, x.kind, x.collected_at, x.collected_by, x.lab, x.locality_path
        from jsonb_to_recordset(${JSON.stringify(
          chunk.map((s) => ({
            code: s.code,
            person_id: s.personId,
            order_id: s.orderId,
            campaign_id: s.campaignId,
            pool_id: s.poolId,
            kind: s.kind,
            collected_at: s.collectedAt.toISOString(),
            collected_by: s.collectedBy,
            lab: s.lab,
            locality_path: s.localityPath,
          })),
        )}::jsonb) as x(code text, person_id uuid, order_id uuid, campaign_id uuid, pool_id uuid, kind text, collected_at timestamptz,
          collected_by text, lab text, locality_path text)`.execute(db);
    }
    const orderIds = samples.map((s) => s.orderId).filter((id): id is string => id !== null);
    if (orderIds.length)
      await db
        .updateTable('test_orders')
        .set({ status: 'sampled' })
        .where('id', 'in', orderIds)
        .where('status', '=', 'ordered')
        .execute();
  }

  findSample(db: Db, code: string) {
    return db
      .selectFrom('samples as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('test_pools as tp', 'tp.id', 's.pool_id')
      .selectAll('s')
      .select([
        'p.full_name',
        'tp.code as pool_code',
        stayFacilitiesSql('s.person_id', sampleAdmission).as('facility_ids'),
      ])
      .where('s.code', '=', code)
      .executeTakeFirst();
  }

  /** Codes of the batch that are not samples inside `within` and `facilityIds` (unknown, or someone else's). */
  async unknownSampleCodes(
    db: Db,
    codes: readonly string[],
    within: string,
    facilityIds: readonly string[] | null,
  ): Promise<Set<string>> {
    const r = await sql<{ code: string }>`
      select c.code from unnest(${codes}::text[]) as c(code)
      where not exists (select 1 from samples s where s.code = c.code and ${pathWithinSql('s.locality_path', within)}
        and ${atFacilitiesSql('s.person_id', sampleAdmission, facilityIds)})`.execute(db);
    return new Set(r.rows.map((x) => x.code));
  }

  async unknownPoolCodes(db: Db, codes: readonly string[], within: string): Promise<Set<string>> {
    const r = await sql<{ code: string }>`
      select c.code from unnest(${codes}::text[]) as c(code)
      where not exists (select 1 from test_pools p where p.code = c.code and ${pathWithinSql('p.locality_path', within)})`.execute(
      db,
    );
    return new Set(r.rows.map((x) => x.code));
  }

  /**
   * Individual results: the samples take them, their orders are resulted, and a positive RT-PCR of
   * someone who is not a case under treatment becomes a case proposal.
   */
  async applySampleResults(db: Db, items: readonly { code: string; result: TestResult; ctValue?: number }[]) {
    const r = await sql<{ updated: string; positives: string; proposals: string }>`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ code: i.code, result: i.result, ct: i.ctValue ?? null })))}::jsonb)
          as x(code text, result text, ct numeric)
      ),
      upd as (
        update samples s set result = i.result, ct_value = i.ct, resulted_at = now()
        from input i where s.code = i.code
        returning s.id, s.person_id, s.kind, s.result, s.order_id, s.locality_path
      ),
      orders as (
        update test_orders o set status = 'resulted' from upd where o.id = upd.order_id returning o.id
      ),
      proposals as (
        insert into case_proposals (sample_id, person_id, locality_path)
        select upd.id, upd.person_id, upd.locality_path from upd
        where upd.result = 'positive' and upd.kind = 'rt_pcr'
          and not exists (select 1 from cases c where c.person_id = upd.person_id
            and c.status in ('awaiting_treatment', 'treating', 'transferred_out'))
        on conflict (sample_id) do nothing
        returning 1
      )
      select (select count(*) from upd) as updated, (select count(*) from upd where result = 'positive') as positives,
        (select count(*) from proposals) as proposals, (select count(*) from orders) as orders`.execute(db);
    const row = r.rows[0]!;
    return { updated: Number(row.updated), positives: Number(row.positives), proposals: Number(row.proposals) };
  }

  /**
   * Pool results: a negative pool gives its members a negative result; a positive or failed pool
   * orders an individual RT-PCR for each member (once: re-importing the same sheet adds nothing).
   */
  async applyPoolResults(db: Db, items: readonly { code: string; result: TestResult }[], dueOn: string) {
    // Three statements over arrays rather than one with data-modifying CTEs: the planner then knows
    // how many pools each step touches and joins samples through the pool index.
    const pools = await sql<{ id: string; result: TestResult }>`
      update test_pools p set result = i.result, resulted_at = now()
      from unnest(${items.map((i) => i.code)}::text[], ${items.map((i) => i.result)}::text[]) as i(code, result)
      where p.code = i.code
      returning p.id, p.result`.execute(db);
    const negative = pools.rows.filter((p) => p.result === 'negative').map((p) => p.id);
    const retest = pools.rows.filter((p) => p.result !== 'negative').map((p) => p.id);
    if (negative.length) {
      await sql`update samples set result = 'negative', resulted_at = now()
        where pool_id = any(${negative}::uuid[]) and result is null`.execute(db);
    }
    let retests = 0;
    if (retest.length) {
      const r = await sql`
        insert into test_orders (person_id, reason, test_kind, due_on, pool_id, locality_path)
        select s.person_id, 'pool_retest', 'rt_pcr', ${dueOn}::date, s.pool_id, s.locality_path
        from samples s where s.pool_id = any(${retest}::uuid[])
        on conflict do nothing`.execute(db);
      retests = Number(r.numAffectedRows ?? 0);
    }
    return { updated: pools.rows.length, positives: pools.rows.filter((p) => p.result === 'positive').length, retests };
  }

  async insertPools(
    db: Db,
    pools: readonly {
      code: string;
      campaignId: string | null;
      size: number;
      lab: string | null;
      localityPath: string;
    }[],
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < pools.length; i += 5000) {
      const chunk = pools.slice(i, i + 5000);
      const r = await sql<{ id: string; code: string }>`
        insert into test_pools (code, campaign_id, size, lab, locality_path)
        select x.code, x.campaign_id, x.size, x.lab, x.locality_path
        from jsonb_to_recordset(${JSON.stringify(chunk.map((p) => ({ code: p.code, campaign_id: p.campaignId, size: p.size, lab: p.lab, locality_path: p.localityPath })))}::jsonb)
          as x(code text, campaign_id uuid, size int, lab text, locality_path text)
        returning id, code`.execute(db);
      for (const row of r.rows) ids.set(row.code, row.id);
    }
    return ids;
  }

  async poolCountOf(db: Db, campaignId: string): Promise<number> {
    const r = await db
      .selectFrom('test_pools')
      .select(sql<string>`count(*)`.as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
