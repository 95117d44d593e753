import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/** The report's settings, from the facility's kind (field hospitals count as health facilities). */
const settingOf = sql<string>`case f.kind when 'hospital' then 'health_facility' when 'field_hospital' then 'health_facility' else f.kind end`;

/**
 * A report's quarantine figures by setting: in quarantine at the end of the period, admitted in it,
 * released in it. Cancelled stays count nowhere.
 */
export class QuarantineFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const rows = await db
      .selectFrom('quarantine_admissions as q')
      .innerJoin('facilities as f', 'f.id', 'q.facility_id')
      .select([
        settingOf.as('setting'),
        sql<number>`(count(*) filter (where q.status in ('active', 'released')
          and (q.released_on is null or q.released_on > ${a.to})))::int`.as('current'),
        sql<number>`(count(*) filter (where q.starts_on >= ${a.from}))::int`.as('new'),
        sql<number>`(count(*) filter (where q.released_on between ${a.from} and ${a.to}))::int`.as('released'),
      ])
      .where(pathWithinSql('q.locality_path', a.withinPath))
      .where('q.status', '<>', 'cancelled')
      .where('q.starts_on', '<=', a.to)
      .where((eb) => eb.or([eb('q.released_on', 'is', null), eb('q.released_on', '>=', a.from)]))
      .groupBy(settingOf)
      .execute();
    const out: Figures = {};
    for (const s of ['concentrated', 'hotel', 'home', 'health_facility'] as const) {
      const r = rows.find((x) => x.setting === s);
      out[`quarantine_${s}_current`] = r?.current ?? 0;
      out[`quarantine_${s}_new`] = r?.new ?? 0;
      out[`quarantine_${s}_released`] = r?.released ?? 0;
    }
    return out;
  }
}
