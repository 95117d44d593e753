import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';

/**
 * A report's check-ins: scans at the area's venues in the period (check-ins carry their commune).
 * There is no index by commune on purpose: the period's bounds prune the table to its eight UTC day
 * partitions, and counting one commune's week of a country at 10 M check-ins a year (about 220,000
 * rows that week) by sequential scan took 82–152 ms at p95 on PostgreSQL with the machine's load at
 * 17–21 on two cores (issue 16's budget for the whole prefill: 300 ms). A wave week of 1.2 M
 * check-ins took 605 ms at p95 under the same load. An index on (commune_code, checked_in_at)
 * answered in under 1 ms but costs every check-in, the hottest insert, a third index (about 30 bytes
 * a row); counting at the area's venues through the covering (venue_id, checked_in_at) index is the
 * other way, should waves make this the slow part.
 */
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
