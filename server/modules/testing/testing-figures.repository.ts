import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/** A report's testing figures: samples taken, resulted and positive in the period. */
export class TestingFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const within = (c: string) => sql`${sql.ref(c)} >= ${a.fromInstant} and ${sql.ref(c)} < ${a.untilInstant}`;
    const r = await db
      .selectFrom('samples')
      .select([
        sql<number>`(count(*) filter (where ${within('collected_at')}))::int`.as('taken'),
        sql<number>`(count(*) filter (where ${within('resulted_at')}))::int`.as('resulted'),
        sql<number>`(count(*) filter (where ${within('resulted_at')} and result = 'positive'))::int`.as('positive'),
      ])
      .where(pathWithinSql('locality_path', a.withinPath))
      .where((eb) =>
        eb.or([
          eb.and([eb('collected_at', '>=', a.fromInstant), eb('collected_at', '<', a.untilInstant)]),
          eb.and([eb('resulted_at', '>=', a.fromInstant), eb('resulted_at', '<', a.untilInstant)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return { tests_taken: r.taken, tests_resulted: r.resulted, tests_positive: r.positive };
  }
}
