import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { pathWithinSql } from '../../db/path-scope.ts';
import type { FigureArea, Figures, FiguresRepository } from '../../shared/report-figures.ts';
import type { UnitsService } from '../units/units.module.ts';
import type { ReadinessService } from './readiness.service.ts';

/**
 * A report's readiness figures (issue 18): the mean readiness of the area's communes if level 3
 * were declared, the communes without an approved plan, and the plan sections opened in the period.
 */
export function planFigures(readiness: ReadinessService, units: UnitsService): FiguresRepository {
  return {
    async figures(db: Db, a: FigureArea): Promise<Figures> {
      const communes = (await units.within(db, a.withinPath)).filter((u) => u.kind === 'commune');
      const views = communes.length > 0 ? await readiness.atLevelNumber(db, communes, 3, a.withinPath) : [];
      const activated = await sql<{ n: number }>`
        select count(*)::int as n from plan_activations
        where ${pathWithinSql('locality_path', a.withinPath)} and activated_at >= ${a.fromInstant}
          and activated_at < ${a.untilInstant}`.execute(db);
      return {
        readiness_level3_percent:
          views.length > 0 ? Math.floor(views.reduce((s, v) => s + v.readinessPercent, 0) / views.length) : 0,
        communes_without_approved_plan: views.filter((v) => !v.hasPlan).length,
        plan_sections_activated: activated.rows[0]?.n ?? 0,
      };
    },
  };
}
