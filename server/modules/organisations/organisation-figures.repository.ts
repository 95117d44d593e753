import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/**
 * A report's workplace figures: organisations that assessed themselves in the period, by the group
 * of their last assessment in it.
 */
export class OrganisationFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const rows = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('organisation_assessments')
          .distinctOn('organisation_id')
          .select(['organisation_id', 'risk_group'])
          .where(pathWithinSql('locality_path', a.withinPath))
          .where('submitted_at', '>=', a.fromInstant)
          .where('submitted_at', '<', a.untilInstant)
          .orderBy('organisation_id')
          .orderBy('submitted_at', 'desc')
          .as('latest'),
      )
      .select(['risk_group', sql<number>`count(*)::int`.as('n')])
      .groupBy('risk_group')
      .execute();
    const out: Figures = { organisations_assessed: rows.reduce((s, r) => s + r.n, 0) };
    for (const g of ['very_low', 'low', 'medium', 'high', 'very_high'] as const)
      out[`organisations_${g}`] = rows.find((r) => r.risk_group === g)?.n ?? 0;
    return out;
  }
}
