import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/** A report's case figures: new in the period and cumulative to its end, by classification. */
export class CaseFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const rows = await db
      .selectFrom('cases')
      .select([
        'classification',
        sql<number>`(count(*) filter (where confirmed_date >= ${a.from}))::int`.as('new'),
        sql<number>`count(*)::int`.as('cumulative'),
      ])
      .where(pathWithinSql('locality_path', a.withinPath))
      .where('confirmed_date', '<=', a.to)
      .groupBy('classification')
      .execute();
    const out: Figures = {};
    for (const k of ['imported', 'community', 'in_quarantine'] as const) {
      const r = rows.find((x) => x.classification === k);
      out[`cases_new_${k}`] = r?.new ?? 0;
      out[`cases_cumulative_${k}`] = r?.cumulative ?? 0;
    }
    return out;
  }
}
