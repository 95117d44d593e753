import { AppError } from '../../../core/errors.ts';
import {
  adjacentPeriod,
  completeness,
  dueOf,
  periodContaining,
  periodOfDay,
  periodsEndingWith,
} from '../../../core/rules/reporting-periods.ts';
import { reportTemplatePreset } from '../../../core/rules/reports/templates.ts';
import type { NationalWeeklyReportQuery, NationalWeeklyReportView } from '../../../core/schemas/federation-national.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { UnitsService } from '../units/units.module.ts';
import { reportsPolicy as policy } from './reports.policy.ts';
import type { ReportsRepository } from './reports.repository.ts';

/** The weekly report the provinces fill (2810/UBND-KGVX), summed nationally. */
export const NATIONAL_WEEKLY_TEMPLATE = 'weekly-covid';
const numberOr0 = (v: unknown) => (typeof v === 'number' ? v : 0);

export interface ProvinceOnHub {
  code: string;
  name: string;
  lastBeatAt: string | null;
}

/**
 * The national weekly report on the hub (issue 21), from the report submissions, their figures and
 * the reporting units the provinces replicated: per province and week, the submissions on time, late
 * and missing (each expected unit once, by its first submission: `completeness`, as a province's own
 * completeness page counts) and the figures of the accepted reports summed (as the province's
 * consolidated report sums them).
 */
export class NationalWeeklyReports {
  constructor(
    private readonly db: Db,
    private readonly repo: ReportsRepository,
    private readonly units: UnitsService,
    private readonly clock: () => Date,
  ) {}

  async report(
    actor: Actor,
    provinces: readonly ProvinceOnHub[],
    q: NationalWeeklyReportQuery,
  ): Promise<NationalWeeklyReportView> {
    if (!policy.completeness(actor)) throw new AppError('FORBIDDEN');
    const template =
      (await this.repo.latestTemplate(this.db, NATIONAL_WEEKLY_TEMPLATE)) ??
      reportTemplatePreset(NATIONAL_WEEKLY_TEMPLATE)!;
    // By default the last week whose deadline has passed: the one a national reader looks at.
    const last = q.week ? periodOfDay('weekly', q.week) : adjacentPeriod(periodContaining('weekly', this.clock()), -1);
    const weeks = periodsEndingWith(last, q.weeks).map((p) => ({ ...p, due: dueOf(p, template.period.due) }));
    const fields = template.sections.flatMap((s) =>
      s.fields
        .filter((f) => f.type === 'integer')
        .map((f) => ({ key: f.key, label: f.label[actor.locale], section: s.title[actor.locale] })),
    );
    const rows: NationalWeeklyReportView['rows'] = [];
    for (const province of provinces.filter((p) => !q.province || p.code === q.province)) {
      const expected = (await this.units.within(this.db, `VN/${province.code}`)).filter(
        (u) => u.supervisor_unit_id !== null,
      );
      const unitIds = expected.map((u) => u.id);
      for (const week of weeks) {
        const reports = await this.repo.ofPeriod(this.db, template.code, week.id, unitIds);
        const submitted = reports.flatMap((r) =>
          r.first_submitted_at ? [{ unit: r.unit_id, submittedAt: r.first_submitted_at }] : [],
        );
        const c = completeness(unitIds, submitted, week.due);
        const accepted = await this.repo.latestFigures(
          this.db,
          reports.filter((r) => r.status === 'accepted').map((r) => r.id),
        );
        rows.push({
          province,
          week: week.id,
          expected: c.expected,
          onTime: c.onTime,
          late: c.late,
          missing: c.missing,
          accepted: accepted.length,
          figures: Object.fromEntries(
            fields.map((f) => [f.key, accepted.reduce((sum, r) => sum + numberOr0(r.figures[f.key]), 0)]),
          ),
        });
      }
    }
    return {
      template: { code: template.code, name: template.name[actor.locale] },
      weeks: weeks.map((w) => ({ id: w.id, from: w.from, to: w.to, due: w.due.toISOString() })),
      fields,
      rows,
    };
  }
}
