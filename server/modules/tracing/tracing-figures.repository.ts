import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/** A report's tracing figures: F1 and F2 found in the period (rejected proposals are not contacts). */
export class TracingFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const r = await db
      .selectFrom('contacts')
      .select([
        sql<number>`(count(*) filter (where level = 1))::int`.as('f1'),
        sql<number>`(count(*) filter (where level = 2))::int`.as('f2'),
      ])
      .where(pathWithinSql('locality_path', a.withinPath))
      .where('status', '<>', 'rejected')
      .where('created_at', '>=', a.fromInstant)
      .where('created_at', '<', a.untilInstant)
      .executeTakeFirstOrThrow();
    return { contacts_f1_traced: r.f1, contacts_f2_traced: r.f2 };
  }
}
