import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FederationReferralAcceptancesTable, FederationReferralsTable } from '../../db/schema-federation.ts';
import { escapeLike } from '../../db/path-scope.ts';

export type ReferralRecord = Selectable<FederationReferralsTable>;
export type AcceptanceRecord = Selectable<FederationReferralAcceptancesTable>;

/** The only SQL of the federation's referrals: the outbox, what came in, and the answers. */
export class ReferralsRepository {
  async insert(db: Db, r: Insertable<FederationReferralsTable>): Promise<ReferralRecord | undefined> {
    return db
      .insertInto('federation_referrals')
      .values(r)
      .onConflict((oc) => oc.columns(['origin_code', 'client_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findByClientKey(db: Db, originCode: string, clientKey: string) {
    return db
      .selectFrom('federation_referrals')
      .selectAll()
      .where('origin_code', '=', originCode)
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  /** A referral with the path of the commune it names (null: it names none, or one not loaded here). */
  find(db: Db, originCode: string, id: string) {
    return db
      .selectFrom('federation_referrals as r')
      .leftJoin('localities as l', 'l.code', 'r.destination_locality_code')
      .selectAll('r')
      .select('l.path as locality_path')
      .where('r.origin_code', '=', originCode)
      .where('r.id', '=', id)
      .executeTakeFirst();
  }

  /**
   * Referrals to `destination` not answered yet, within `path` (a referral naming a commune belongs
   * to that commune's subtree; one without a commune to the province level), oldest first.
   */
  async unanswered(db: Db, destination: string, path: string, limit: number) {
    const within = sql<boolean>`(l.path = ${path} or l.path like ${`${escapeLike(path)}/%`})`;
    const rows = await sql<ReferralRecord & { total: string }>`
      select r.*, count(*) over () as total
      from federation_referrals r
      left join localities l on l.code = r.destination_locality_code
      where r.destination_code = ${destination}
        and not exists (select 1 from federation_referral_acceptances a where a.origin_code = r.origin_code and a.referral_id = r.id)
        and (case when l.path is null then ${path} in ('VN', ${`VN/${destination}`}) else ${within} end)
      order by r.created_at, r.id
      limit ${limit}`.execute(db);
    return rows.rows;
  }

  /** The answer, once: a second acceptance of the same referral changes nothing. */
  async answer(db: Db, a: Insertable<FederationReferralAcceptancesTable>): Promise<boolean> {
    const r = await db
      .insertInto('federation_referral_acceptances')
      .values(a)
      .onConflict((oc) => oc.columns(['origin_code', 'referral_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  answerOf(db: Db, originCode: string, id: string) {
    return db
      .selectFrom('federation_referral_acceptances')
      .selectAll()
      .where('origin_code', '=', originCode)
      .where('referral_id', '=', id)
      .executeTakeFirst();
  }

  async beat(db: Db, provinceCode: string, at: Date): Promise<void> {
    await db
      .insertInto('federation_heartbeats')
      .values({ province_code: provinceCode, beat_at: at })
      .onConflict((oc) => oc.column('province_code').doUpdateSet({ beat_at: at }))
      .execute();
  }
}
