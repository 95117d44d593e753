import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/**
 * A report's declaration figures: health declarations made in the period, and arrivals in it that
 * were flagged (from abroad or from an area at high risk: "from epidemic areas").
 */
export class DeclarationFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const declarations = await db
      .selectFrom('health_declarations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(pathWithinSql('locality_path', a.withinPath))
      .where('submitted_at', '>=', a.fromInstant)
      .where('submitted_at', '<', a.untilInstant)
      .executeTakeFirstOrThrow();
    const arrivals = await db
      .selectFrom('arrivals')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(pathWithinSql('locality_path', a.withinPath))
      .where('flagged', '=', true)
      .where('arrived_on', '>=', a.from)
      .where('arrived_on', '<=', a.to)
      .executeTakeFirstOrThrow();
    return { health_declarations: declarations.n, arrivals_from_epidemic_areas: arrivals.n };
  }
}
