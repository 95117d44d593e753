import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { microsecondKey } from '../../db/cursor-keys.ts';
import type { FederationDirectivesTable } from '../../db/schema-federation.ts';

export type NationalDirectiveRow = Selectable<FederationDirectivesTable>;
export interface RecipientRow {
  id: string;
  province_code: string;
  acknowledged_at: Date | null;
}

/**
 * The only SQL of national directives: one row per directive and recipient province (the hub's
 * publication to a province carries that province's rows only), and each province's acknowledgement.
 */
export class NationalDirectivesRepository {
  async insert(db: Db, rows: Insertable<FederationDirectivesTable>[]): Promise<void> {
    await db.insertInto('federation_directives').values(rows).execute();
  }

  /**
   * A page of directives, newest first, one row each (`provinces`: the recipients to consider;
   * `pending`: only those one of them has not acknowledged). Every recipient row of a directive
   * carries the same `issued_at`, so (issued_at, id) orders directives.
   */
  async page(
    db: Db,
    q: { provinces: readonly string[]; pending: boolean; after: [string, string] | null; limit: number },
  ): Promise<(NationalDirectiveRow & { key: string })[]> {
    const after = q.after ? sql`and (d.issued_at, d.id) < (${q.after[0]}::timestamptz, ${q.after[1]}::uuid)` : sql``;
    const pending = q.pending
      ? sql`and not exists (select 1 from federation_directive_acknowledgements a
          where a.directive_id = d.id and a.province_code = d.province_code)`
      : sql``;
    const r = await sql<NationalDirectiveRow & { key: string }>`
      select distinct on (d.issued_at, d.id) d.id, d.province_code, d.kind, d.number_symbol, d.issued_on::text as issued_on,
        d.issuer, d.summary, d.rule_set, d.disease_profile, d.issued_at, ${microsecondKey('d.issued_at')} as key
      from federation_directives d
      where d.province_code = any(${[...q.provinces]}::text[]) ${after} ${pending}
      order by d.issued_at desc, d.id desc
      limit ${q.limit + 1}`.execute(db);
    return r.rows;
  }

  /** The recipients of these directives among `provinces`, and when each acknowledged. */
  async recipients(db: Db, ids: readonly string[], provinces: readonly string[]): Promise<RecipientRow[]> {
    if (!ids.length) return [];
    return db
      .selectFrom('federation_directives as d')
      .leftJoin('federation_directive_acknowledgements as a', (j) =>
        j.onRef('a.directive_id', '=', 'd.id').onRef('a.province_code', '=', 'd.province_code'),
      )
      .select(['d.id', 'd.province_code', 'a.acknowledged_at'])
      .where('d.id', 'in', [...ids])
      .where('d.province_code', 'in', [...provinces])
      .orderBy('d.province_code')
      .execute();
  }

  find(db: Db, id: string, provinceCode: string) {
    return db
      .selectFrom('federation_directives')
      .selectAll()
      .where('id', '=', id)
      .where('province_code', '=', provinceCode)
      .executeTakeFirst();
  }

  /** How many directives this province received and has not acknowledged. */
  async pendingCount(db: Db, provinceCode: string): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from federation_directives d
      where d.province_code = ${provinceCode} and not exists (select 1 from federation_directive_acknowledgements a
        where a.directive_id = d.id and a.province_code = d.province_code)`.execute(db);
    return r.rows[0]?.n ?? 0;
  }

  /** Directives received for this province and not announced to its officials yet, oldest first. */
  unannounced(db: Db, provinceCode: string, limit: number) {
    return db
      .selectFrom('federation_directives as d')
      .select(['d.id', 'd.kind', 'd.number_symbol', 'd.issuer', 'd.summary'])
      .where('d.province_code', '=', provinceCode)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('federation_directive_notices as n')
              .select('n.directive_id')
              .whereRef('n.directive_id', '=', 'd.id')
              .whereRef('n.province_code', '=', 'd.province_code'),
          ),
        ),
      )
      .orderBy('d.issued_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
  }

  /**
   * Claims the announcement of a directive: true for the one caller that writes the row; a
   * concurrent caller waits on the key, then finds it taken (in its own transaction, the
   * announcement and the claim commit together).
   */
  async claimAnnouncement(db: Db, id: string, provinceCode: string, recipients: number): Promise<boolean> {
    const r = await db
      .insertInto('federation_directive_notices')
      .values({ directive_id: id, province_code: provinceCode, recipients })
      .onConflict((oc) => oc.columns(['directive_id', 'province_code']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** The acknowledgement, once: a second one changes nothing (the first stands). */
  async acknowledge(db: Db, id: string, provinceCode: string, at: Date, by: string | null): Promise<boolean> {
    const r = await db
      .insertInto('federation_directive_acknowledgements')
      .values({ directive_id: id, province_code: provinceCode, acknowledged_at: at, acknowledged_by: by })
      .onConflict((oc) => oc.columns(['directive_id', 'province_code']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Claims a directive's adoption here: true for the caller that may adopt (the first, or one taking
   * over a claim left without a result for two minutes); otherwise false and the claim as it stands.
   */
  async claimAdoption(db: Db, id: string, provinceCode: string) {
    const claimed = await db
      .insertInto('federation_directive_adoptions')
      .values({ directive_id: id, province_code: provinceCode })
      .onConflict((oc) =>
        oc
          .columns(['directive_id', 'province_code'])
          .doUpdateSet({ claimed_at: sql<Date>`now()` })
          .where('federation_directive_adoptions.version', 'is', null)
          .where('federation_directive_adoptions.claimed_at', '<', sql<Date>`now() - interval '2 minutes'`),
      )
      .returning('directive_id')
      .executeTakeFirst();
    if (claimed) return { claimed: true as const };
    const standing = await db
      .selectFrom('federation_directive_adoptions')
      .select(['code', 'version', 'active'])
      .where('directive_id', '=', id)
      .where('province_code', '=', provinceCode)
      .executeTakeFirstOrThrow();
    return { claimed: false as const, standing };
  }

  async completeAdoption(
    db: Db,
    id: string,
    provinceCode: string,
    r: { code: string; version: number; active: boolean },
  ): Promise<void> {
    await db
      .updateTable('federation_directive_adoptions')
      .set({ code: r.code, version: r.version, active: r.active })
      .where('directive_id', '=', id)
      .where('province_code', '=', provinceCode)
      .execute();
  }

  /** The adoption failed: the claim goes, so it can be tried again at once. */
  async releaseAdoption(db: Db, id: string, provinceCode: string): Promise<void> {
    await db
      .deleteFrom('federation_directive_adoptions')
      .where('directive_id', '=', id)
      .where('province_code', '=', provinceCode)
      .where('version', 'is', null)
      .execute();
  }
}
