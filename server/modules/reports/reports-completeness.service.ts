import { AppError } from '../../../core/errors.ts';
import {
  completeness,
  dueOf,
  onTimeRate,
  parsePeriodId,
  periodsEndingWith,
  type DatedPeriod,
  type DueOffset,
} from '../../../core/rules/reporting-periods.ts';
import type {
  CompletenessQuery,
  CompletenessRow,
  CompletenessView,
  ReportStatus,
} from '../../../core/schemas/reports.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { decodeCursor, encodeCursor } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { completenessColumns } from './reports.export.ts';
import { reportMessages as messages } from './reports.messages.ts';
import { reportsPolicy as policy } from './reports.policy.ts';
import { periodView } from './reports.presenter.ts';
import type { ReportsRepository } from './reports.repository.ts';

/**
 * Completeness and timeliness of a period (issue 16; DHIS2's reporting rate and rate on time):
 * every active unit whose area lies in the scope and that has a supervisor unit is expected; each counts once, by its first
 * submission (core completeness()). The rows page by unit code; the totals are the whole scope's.
 * The missing units' officers come with their phones, so the province can call them.
 */
/** Periods in a completeness trend and in a unit's on-time rate: a quarter of weeks. */
const TREND_PERIODS = 12;

export class ReportsCompletenessService {
  constructor(
    private readonly db: Db,
    private readonly repo: ReportsRepository,
    private readonly units: UnitsService,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async completeness(actor: Actor, q: CompletenessQuery): Promise<CompletenessView> {
    if (!policy.completeness(actor)) throw new AppError('FORBIDDEN');
    const db = this.db;
    const within = await this.localities.listScope(actor, q.locality, db);
    const { period, due } = await this.period(actor, q, db);
    // The units that report to someone: the People's Committee at the top receives, it does not report.
    const units = (await this.units.within(db, within)).filter((u) => u.supervisor_unit_id !== null);
    const unitIds = units.map((u) => u.id);
    const reports = await this.repo.ofPeriodWithin(db, q.template, period.id, within);
    const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
    const summary = completeness(
      unitIds,
      reports.flatMap((r) => (r.first_submitted_at ? [{ unit: r.unit_id, submittedAt: r.first_submitted_at }] : [])),
      period.due,
    );
    const { units: _units, ...totals } = summary;
    const trendPeriods = periodsEndingWith(period, TREND_PERIODS).map((p) => ({ ...p, due: dueOf(p, due) }));
    const timeliness = new Map(summary.units.map((u) => [u.unit, u]));
    const cursor = decodeCursor(q.after, ['text']);
    const chosen = units.filter((u) => {
      const t = timeliness.get(u.id)!;
      if (cursor && u.code <= cursor[0]) return false;
      if (q.only === 'missing') return t.submittedAt === null;
      if (q.only === 'late') return t.onTime === false;
      if (q.only === 'on_time') return t.onTime === true;
      return true;
    });
    const page = chosen.slice(0, q.limit);
    const rates = await this.onTimeRates(
      db,
      q.template,
      trendPeriods,
      page.map((u) => u.id),
    );
    const officers = await this.units.officersOf(
      db,
      page.map((u) => u.id),
    );
    const items: CompletenessRow[] = page.map((u) => {
      const t = timeliness.get(u.id)!;
      const r = byUnit.get(u.id);
      return {
        unit: this.units.refOf(u, actor),
        kind: u.kind,
        reportId: r?.id ?? null,
        status: (r?.status ?? 'new') as ReportStatus,
        submittedAt: t.submittedAt?.toISOString() ?? null,
        onTime: t.onTime,
        onTimeRate: rates.get(u.id) ?? null,
        officers: officers.filter((o) => o.unit_id === u.id).map((o) => ({ fullName: o.full_name, phone: o.phone })),
        contact: { phone: u.contact_phone, email: u.contact_email },
      };
    });
    return {
      period: periodView(period),
      totals,
      trend: await this.trend(db, q.template, trendPeriods, within, unitIds.length),
      communes: units
        .filter((u) => u.kind === 'commune')
        .map((u) => {
          const onTime = timeliness.get(u.id)!.onTime;
          return { code: u.locality_code, state: onTime === null ? 'missing' : onTime ? 'on_time' : 'late' } as const;
        }),
      items,
      nextCursor: chosen.length > q.limit && page.length ? encodeCursor([page.at(-1)!.code]) : null,
    };
  }

  /** The completeness table as Excel or CSV (officers' phones included: the export is audited). */
  async exportXlsx(actor: Actor, q: Omit<CompletenessQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const first = await this.completeness(actor, { ...q, limit: 1 });
    await this.db.transaction().execute((trx) =>
      this.audit.record(trx, actor, {
        action: 'export',
        entityType: 'unit_report',
        entityId: null,
        localityCode: q.locality ?? actor.scope.code,
        after: { period: first.period.id, template: q.template, only: q.only ?? null },
      }),
    );
    return sheetExport({
      filename: `tien-do-bao-cao-${first.period.id.replace(':', '-')}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Tiến độ báo cáo' : 'Reporting completeness',
      locale: actor.locale,
      columns: completenessColumns(actor.locale),
      pages: await allPages((after) => this.completeness(actor, { ...q, after, limit: 500 })),
    });
  }

  /**
   * The scope's units over the trend's periods, oldest first, the chosen one last: submitted and on
   * time counted in SQL per period (as completeness() counts one period: each unit once, by its first
   * submission), against the units expected now.
   */
  private async trend(db: Db, template: string, periods: DatedPeriod[], within: string, expected: number) {
    const counts = new Map(
      (await this.repo.submittedPerPeriod(db, template, periods, within)).map((r) => [r.period_id, r]),
    );
    const rate = (n: number) => (expected === 0 ? null : (100 * n) / expected);
    return periods.map((period) => {
      const submitted = Math.min(expected, counts.get(period.id)?.submitted ?? 0);
      const onTime = Math.min(submitted, counts.get(period.id)?.on_time ?? 0);
      return {
        period: periodView(period),
        totals: {
          expected,
          submitted,
          onTime,
          late: submitted - onTime,
          missing: expected - submitted,
          completenessRate: rate(submitted),
          timelinessRate: rate(onTime),
        },
      };
    });
  }

  /** Each unit's on-time rate over the trend's periods (core onTimeRate). */
  private async onTimeRates(db: Db, template: string, periods: DatedPeriod[], unitIds: string[]) {
    const firsts = await this.repo.firstSubmissions(
      db,
      template,
      periods.map((p) => p.id),
      unitIds,
    );
    const first = new Map(firsts.map((f) => [`${f.unit_id}|${f.period_id}`, f.first_submitted_at]));
    return new Map(
      unitIds.map((unit) => [
        unit,
        onTimeRate(periods.map((p) => ({ due: p.due, submittedAt: first.get(`${unit}|${p.id}`) ?? null }))),
      ]),
    );
  }

  private async period(actor: Actor, q: CompletenessQuery, db: Db): Promise<{ period: DatedPeriod; due: DueOffset }> {
    const m = messages[actor.locale];
    const template = await this.repo.latestTemplate(db, q.template);
    if (!template) throw new AppError('VALIDATION_FAILED', [{ path: 'template', message: m.unknownTemplate }]);
    const p = parsePeriodId(q.period);
    if (!p || p.kind !== template.period.kind)
      throw new AppError('VALIDATION_FAILED', [{ path: 'period', message: m.badPeriod }]);
    return { period: { ...p, due: dueOf(p, template.period.due) }, due: template.period.due };
  }
}
