import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { DonationsTable, SupportDistributionsTable } from '../../db/schema-resources.ts';
import type { Insertable } from 'kysely';
import { decodeCursor } from '../../shared/cursor.ts';

export type DonationRecord = NonNullable<Awaited<ReturnType<SupportRepository['findDonation']>>>;
export type DistributionRecord = NonNullable<Awaited<ReturnType<SupportRepository['findDistribution']>>>;

/** SQL of donations, the support handed out from them, and the public totals. */
export class SupportRepository {
  private donations(db: Db) {
    return db
      .selectFrom('donations as d')
      .innerJoin('reporting_units as u', 'u.id', 'd.unit_id')
      .selectAll('d')
      .select(['u.code as unit_code', 'u.name as unit_name', 'u.name_en as unit_name_en']);
  }

  findDonation(db: Db, id: string, lock = false) {
    let q = this.donations(db).where('d.id', '=', id);
    if (lock) q = q.forUpdate('d');
    return q.executeTakeFirst();
  }

  findDonationByClientKey(db: Db, clientKey: string) {
    return db.selectFrom('donations').select('id').where('client_key', '=', clientKey).executeTakeFirst();
  }

  async insertDonation(db: Db, row: Insertable<DonationsTable>) {
    return (await db.insertInto('donations').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Newest first (keyset paged), by the area of the unit that received them. */
  listDonations(db: Db, o: { withinPath: string; purpose?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.donations(db).where(pathWithinSql('d.locality_path', o.withinPath));
    if (o.purpose) q = q.where('d.purpose', '=', o.purpose);
    if (cursor) q = q.where(sql<boolean>`(d.received_on, d.id) < (${cursor[0]}::date, ${cursor[1]}::uuid)`);
    return q
      .orderBy('d.received_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** Raises what was handed out of a donation, only within what remains: false when it would exceed. */
  async spend(db: Db, donationId: string, amount: number): Promise<boolean> {
    const r = await db
      .updateTable('donations')
      .set({ distributed: sql`distributed + ${amount}` })
      .where('id', '=', donationId)
      .where(sql<boolean>`distributed + ${amount} <= amount`)
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  private distributions(db: Db) {
    return db
      .selectFrom('support_distributions as s')
      .innerJoin('localities as l', 'l.code', 's.locality_code')
      .selectAll('s')
      .select(['l.name as locality_name']);
  }

  findDistribution(db: Db, id: string) {
    return this.distributions(db).where('s.id', '=', id).executeTakeFirst();
  }

  findDistributionByClientKey(db: Db, clientKey: string) {
    return db
      .selectFrom('support_distributions')
      .select(['id', 'donation_id'])
      .where('client_key', '=', clientKey)
      .executeTakeFirst();
  }

  async insertDistribution(db: Db, row: Insertable<SupportDistributionsTable>) {
    return (await db.insertInto('support_distributions').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Newest first (keyset paged), by the recipient's commune. */
  listDistributions(db: Db, o: { withinPath: string; donationId?: string; after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, ['date', 'uuid']);
    let q = this.distributions(db).where(pathWithinSql('s.locality_path', o.withinPath));
    if (o.donationId) q = q.where('s.donation_id', '=', o.donationId);
    if (cursor) q = q.where(sql<boolean>`(s.distributed_on, s.id) < (${cursor[0]}::date, ${cursor[1]}::uuid)`);
    return q
      .orderBy('s.distributed_on', 'desc')
      .orderBy('s.id', 'desc')
      .limit(o.limit + 1)
      .execute();
  }

  /** A province's donations per purpose, form and locality of the receiving unit: totals only. */
  receivedTotals(db: Db, provinceCode: string) {
    return db
      .selectFrom('donations')
      .select(['purpose', 'form', 'locality_code', sql<string>`sum(amount)`.as('total'), sql<string>`count(*)`.as('n')])
      .where('province_code', '=', provinceCode)
      .groupBy(['purpose', 'form', 'locality_code'])
      .execute();
  }

  /** What was handed out, per the donation's purpose and form and the recipient's commune: totals only. */
  distributedTotals(db: Db, provinceCode: string) {
    return db
      .selectFrom('support_distributions as s')
      .innerJoin('donations as d', 'd.id', 's.donation_id')
      .select([
        'd.purpose',
        'd.form',
        's.locality_code',
        sql<string>`sum(s.amount)`.as('total'),
        sql<string>`count(*)`.as('n'),
      ])
      .where('s.province_code', '=', provinceCode)
      .groupBy(['d.purpose', 'd.form', 's.locality_code'])
      .execute();
  }
}
