import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { TestCampaignsTable } from '../../db/schema.ts';
import type { Insertable } from 'kysely';
import { microsecondKey } from '../../db/cursor-keys.ts';
import { decodeCursor } from '../../shared/cursor.ts';

export type CampaignRecord = NonNullable<Awaited<ReturnType<CampaignsRepository['findById']>>>;

/** Mass-testing campaigns and case proposals from positive results. */
export class CampaignsRepository {
  private campaigns(db: Db) {
    return db
      .selectFrom('test_campaigns as c')
      .innerJoin('localities as l', 'l.code', 'c.locality_code')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('samples as s')
            .select([
              sql<string>`count(*) filter (where s.order_id is null)`.as('sampled'),
              sql<string>`count(*) filter (where s.order_id is null and s.result is not null)`.as('resulted'),
              sql<string>`count(distinct s.person_id) filter (where s.pool_id is null and s.result = 'positive')`.as(
                'positive',
              ),
            ])
            .whereRef('s.campaign_id', '=', 'c.id')
            .as('n'),
        (join) => join.onTrue(),
      )
      .selectAll('c')
      .select([
        'l.name as locality_name',
        'n.sampled',
        'n.resulted',
        'n.positive',
        sql<string>`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
      ]);
  }

  findById(db: Db, id: string) {
    return this.campaigns(db).where('c.id', '=', id).executeTakeFirst();
  }

  async list(db: Db, o: { within: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.campaigns(db).where(pathWithinSql('c.locality_path', o.within));
    if (cursor)
      q = q.where(sql<boolean>`(c.created_at, c.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async insert(db: Db, c: Insertable<TestCampaignsTable>): Promise<string> {
    return (await db.insertInto('test_campaigns').values(c).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** An organisation's screening campaign runs up to its latest order's day, over its current roster. */
  async keepUp(db: Db, id: string, o: { day: string; targetPopulation: number }): Promise<void> {
    await sql`update test_campaigns set ends_on = greatest(ends_on, ${o.day}::date),
      target_population = ${Math.max(1, o.targetPopulation)} where id = ${id}`.execute(db);
  }

  /** Samples, results and positives per day of collection (Viet Nam time); positives count once per person. */
  async progressByDay(db: Db, campaignId: string) {
    const r = await sql<{ day: string; sampled: string; resulted: string; positive: string }>`
      select to_char(s.collected_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as day,
        count(*) filter (where s.order_id is null) as sampled,
        count(*) filter (where s.order_id is null and s.result is not null) as resulted,
        count(distinct s.person_id) filter (where s.pool_id is null and s.result = 'positive') as positive
      from samples s where s.campaign_id = ${campaignId}
      group by 1 order by 1`.execute(db);
    return r.rows.map((x) => ({
      day: x.day,
      sampled: Number(x.sampled),
      resulted: Number(x.resulted),
      positive: Number(x.positive),
    }));
  }

  async distinctPeopleSampled(db: Db, campaignId: string): Promise<number> {
    const r = await db
      .selectFrom('samples')
      .select(sql<string>`count(distinct person_id)`.as('n'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** A campaign's pools in the order they were formed (their codes count up). */
  async pools(db: Db, campaignId: string, o: { after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['text']);
    let q = db
      .selectFrom('test_pools')
      .select(['code', 'size', 'result', 'resulted_at'])
      .where('campaign_id', '=', campaignId);
    if (cursor) q = q.where('code', '>', String(cursor[0]));
    return q
      .orderBy('code')
      .limit(o.limit + 1)
      .execute();
  }

  /**
   * The area's current risk level (maintained by the risk module), for choosing the pool size;
   * null when unknown. A commune inside an epidemic zone pools like a very-high-risk one.
   */
  async riskLevelOf(db: Db, localityCode: string): Promise<number | null> {
    const r = await db
      .selectFrom('locality_risk_status')
      .select(['level', 'in_epidemic_zone'])
      .where('code', '=', localityCode)
      .executeTakeFirst();
    return r?.in_epidemic_zone ? 4 : (r?.level ?? null);
  }

  private proposals(db: Db) {
    return db
      .selectFrom('case_proposals as cp')
      .innerJoin('samples as s', 's.id', 'cp.sample_id')
      .innerJoin('people as p', 'p.id', 'cp.person_id')
      .selectAll('cp')
      .select([
        'p.full_name',
        'p.birth_year',
        's.code as sample_code',
        's.kind as sample_kind',
        's.collected_at',
        's.resulted_at',
        sql<boolean>`exists (select 1 from quarantine_admissions a where a.person_id = cp.person_id and a.status = 'active')`.as(
          'in_quarantine',
        ),
      ]);
  }

  findProposal(db: Db, id: string) {
    return this.proposals(db).where('cp.id', '=', id).executeTakeFirst();
  }

  async listProposals(
    db: Db,
    o: { within: string; status: 'open' | 'accepted' | 'dismissed'; after?: string; limit: number },
  ) {
    const cursor = decodeCursor(o.after, ['timestamp', 'uuid']);
    let q = this.proposals(db)
      .select(microsecondKey('cp.created_at').as('created_key'))
      .where(pathWithinSql('cp.locality_path', o.within))
      .where('cp.status', '=', o.status);
    if (cursor)
      q = q.where(
        sql<boolean>`(cp.created_at, cp.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`,
      );
    return q
      .orderBy('cp.created_at', 'desc')
      .orderBy('cp.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  async decideProposal(
    db: Db,
    id: string,
    d: { status: 'accepted' | 'dismissed'; caseId: string | null; decidedBy: string | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable('case_proposals')
      .set({ status: d.status, case_id: d.caseId, decided_by: d.decidedBy, decided_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
