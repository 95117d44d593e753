import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/** A report's check-ins: scans at the area's venues in the period (check-ins carry their commune). */
export class CheckinFiguresRepository implements FiguresRepository {
  async figures(db: Db, a: FigureArea): Promise<Figures> {
    const r = await db
      .selectFrom('checkins')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('commune_code', 'in', (eb) =>
        eb.selectFrom('localities').select('code').where(pathWithinSql('path', a.withinPath)),
      )
      .where('checked_in_at', '>=', a.fromInstant)
      .where('checked_in_at', '<', a.untilInstant)
      .executeTakeFirstOrThrow();
    return { checkins: r.n };
  }
}
