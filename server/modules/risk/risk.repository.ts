import { sql, type Insertable } from 'kysely';
import type { RiskLevelDecisionsTable } from '../../db/schema.ts';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';
import type { CommunityCaseCounts } from '../../../core/rules/risk/case-indicators.ts';

/** SQL of the risk module: counts over cases, by locality subtree and confirmation date. */
export class RiskRepository {
  /**
   * Community cases confirmed in the 14 days ending on `day` (inclusive) in a locality subtree, the
   * last 7 of them, and how many have a known source (an infector case or a cluster).
   */
  async communityCaseCounts(db: Db, path: string, day: string): Promise<CommunityCaseCounts> {
    const r = await sql<{ last7: string; last14: string; known14: string }>`
      select count(*) filter (where c.confirmed_date > ${day}::date - 7) as last7, count(*) as last14,
        count(*) filter (where c.cluster_id is not null or exists (select 1 from case_links l where l.infectee_id = c.id)) as known14
      from cases c
      where ${pathWithinSql('c.locality_path', path)} and c.classification = 'community'
        and c.confirmed_date > ${day}::date - 14 and c.confirmed_date <= ${day}::date`.execute(db);
    const row = r.rows[0]!;
    const last14 = Number(row.last14);
    return { last7Days: Number(row.last7), last14Days: last14, knownSource14Days: Number(row.known14), unknownSource14Days: last14 - Number(row.known14) };
  }

  /** The decision in force at `at` for a locality under a rule set (the latest effective one), if any. */
  inForce(db: Db, localityCode: string, ruleSetCode: string, at: Date) {
    return db.selectFrom('risk_level_decisions').selectAll().where('locality_code', '=', localityCode).where('rule_set_code', '=', ruleSetCode)
      .where('effective_from', '<=', at).orderBy('effective_from', 'desc').orderBy('id', 'desc').executeTakeFirst();
  }

  async insertDecision(db: Db, d: Insertable<RiskLevelDecisionsTable>): Promise<string> {
    return (await db.insertInto('risk_level_decisions').values(d).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Every decision of a locality, newest first (keyset on decided_at, id). */
  history(db: Db, localityCode: string, o: { after?: string; limit: number }) {
    const cursor = decodeCursor(o.after, 2);
    let q = db.selectFrom('risk_level_decisions as d').leftJoin('users as u', 'u.id', 'd.decided_by').selectAll('d').select('u.full_name as decided_by_name')
      .where('d.locality_code', '=', localityCode);
    if (cursor) q = q.where(sql<boolean>`(d.decided_at, d.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`);
    return q.orderBy('d.decided_at', 'desc').orderBy('d.id', 'desc').limit(o.limit + 1).execute();
  }

  /**
   * The risk status other modules read (arrivals' flags, pool sizes): each locality's latest
   * decision already in force, on the 1–4 scale the status table keeps.
   */
  async applyDecisionsInForce(db: Db, at: Date): Promise<number> {
    const r = await sql`
      insert into locality_risk_status (code, level, updated_at)
      select distinct on (d.locality_code) d.locality_code, least(greatest(d.level_number, 1), 4), now()
      from risk_level_decisions d where d.effective_from <= ${at}
      order by d.locality_code, d.effective_from desc, d.id desc
      on conflict (code) do update set level = excluded.level, updated_at = now()
        where locality_risk_status.level is distinct from excluded.level`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }
}
