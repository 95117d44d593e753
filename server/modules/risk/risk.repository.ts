import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
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
}
