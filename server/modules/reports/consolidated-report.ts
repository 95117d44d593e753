import { AppError } from '../../../core/errors.ts';
import { completeness, dueOf, parsePeriodId, type DatedPeriod } from '../../../core/rules/reporting-periods.ts';
import { checkReportValues } from '../../../core/rules/reports/report-values.ts';
import type { ReportTemplate } from '../../../core/schemas/report-template.ts';
import type { ConsolidatedReportQuery, ReportStatus } from '../../../core/schemas/reports.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Figures, ReportFiguresService } from '../../shared/report-figures.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { consolidatedPdf, consolidatedWorkbook } from './consolidated-report.document.ts';
import { reportMessages as messages } from './reports.messages.ts';
import { reportsPolicy as policy } from './reports.policy.ts';
import type { ReportsRepository } from './reports.repository.ts';

const numberOr0 = (v: unknown) => (typeof v === 'number' ? v : 0);

export interface ConsolidatedFigure {
  section: { vi: string; en: string };
  key: string;
  label: { vi: string; en: string };
  /** The sum over the accepted reports (a unit without the figure adds nothing). */
  accepted: number;
  /** What phongdich counted for the whole province in the period; null for a figure typed in by hand. */
  live: number | null;
}

export interface ConsolidatedText {
  key: string;
  label: { vi: string; en: string };
  /** Each accepted report's text for the field, by unit code; blank texts are left out. */
  units: { code: string; name: string; nameEn: string; text: string }[];
}

export interface ConsolidatedUnitRow {
  code: string;
  name: string;
  nameEn: string;
  status: ReportStatus;
  submittedAt: Date | null;
  onTime: boolean | null;
}

/** The province's report for a period: everything the PDF and the workbook show. */
export interface ConsolidatedReport {
  province: { code: string; name: string };
  template: ReportTemplate;
  period: DatedPeriod;
  /** The day it was produced (Viet Nam), the date line of the document. */
  producedOn: string;
  number: string | null;
  signer: string | null;
  acceptedCount: number;
  figures: ConsolidatedFigure[];
  texts: ConsolidatedText[];
  totals: { expected: number; submitted: number; onTime: number; late: number; missing: number };
  units: ConsolidatedUnitRow[];
}

/**
 * The consolidated provincial report (issue 16): one click for the CDC or the steering committee.
 * Sums the figures of the units' accepted reports (their latest, locked version) beside the live
 * counts for the province, groups the units' texts (results, difficulties, proposals) by unit, and
 * adds the completeness table; as a workbook and as a Decree 30 PDF, each download audited.
 */
export class ConsolidatedReports {
  constructor(
    private readonly d: {
      db: Db;
      repo: ReportsRepository;
      units: UnitsService;
      localities: LocalitiesService;
      figures: readonly ReportFiguresService[];
      audit: AuditTrailService;
      clock: () => Date;
    },
  ) {}

  async pdf(actor: Actor, q: ConsolidatedReportQuery): Promise<{ filename: string; body: Buffer }> {
    const report = await this.build(actor, q, 'pdf');
    return { filename: `${this.basename(report)}.pdf`, body: await consolidatedPdf(report) };
  }

  async xlsx(actor: Actor, q: ConsolidatedReportQuery): Promise<{ filename: string; body: Buffer }> {
    const report = await this.build(actor, q, 'xlsx');
    return { filename: `${this.basename(report)}.xlsx`, body: await consolidatedWorkbook(report, actor.locale) };
  }

  private basename(r: ConsolidatedReport): string {
    return `bao-cao-tong-hop-${r.province.code}-${r.period.id.replace(':', '-')}`;
  }

  async build(actor: Actor, q: ConsolidatedReportQuery, format: 'pdf' | 'xlsx'): Promise<ConsolidatedReport> {
    if (!policy.completeness(actor)) throw new AppError('FORBIDDEN');
    const { db } = this.d;
    const m = messages[actor.locale];
    const code = q.locality ?? actor.scope.code;
    if (code.length !== 2) throw new AppError('VALIDATION_FAILED', [{ path: 'locality', message: m.chooseLocality }]);
    const province = await this.d.localities.findReadableOrThrow(actor, code, db);
    if (province.level !== 'province')
      throw new AppError('VALIDATION_FAILED', [{ path: 'locality', message: m.chooseLocality }]);
    const template = await this.d.repo.latestTemplate(db, q.template);
    if (!template) throw new AppError('VALIDATION_FAILED', [{ path: 'template', message: m.unknownTemplate }]);
    const p = parsePeriodId(q.period);
    if (!p || p.kind !== template.period.kind)
      throw new AppError('VALIDATION_FAILED', [{ path: 'period', message: m.badPeriod }]);
    const period: DatedPeriod = { ...p, due: dueOf(p, template.period.due) };

    const units = (await this.d.units.within(db, province.path)).filter((u) => u.supervisor_unit_id !== null);
    const reports = await this.d.repo.ofPeriod(
      db,
      template.code,
      period.id,
      units.map((u) => u.id),
    );
    const accepted = await this.d.repo.latestFigures(
      db,
      reports.filter((r) => r.status === 'accepted').map((r) => r.id),
    );
    const unitOf = new Map(units.map((u) => [u.id, u]));
    const reportUnit = new Map(reports.map((r) => [r.id, r.unit_id]));
    const live = await this.liveFigures(db, template, province.path, period);

    const fields = template.sections.flatMap((s) => s.fields.map((f) => ({ section: s.title, ...f })));
    const figures: ConsolidatedFigure[] = fields
      .filter((f) => f.type === 'integer')
      .map((f) => ({
        section: f.section,
        key: f.key,
        label: f.label,
        accepted: accepted.reduce((sum, r) => sum + numberOr0(r.figures[f.key]), 0),
        live: f.source === 'manual' ? null : (live[f.key] ?? 0),
      }));
    const texts: ConsolidatedText[] = fields
      .filter((f) => f.type === 'text')
      .map((f) => ({
        key: f.key,
        label: f.label,
        units: accepted
          .map((r) => ({ unit: unitOf.get(reportUnit.get(r.reportId)!)!, text: r.figures[f.key] }))
          .filter(
            (x): x is { unit: (typeof units)[number]; text: string } => typeof x.text === 'string' && !!x.text.trim(),
          )
          .map((x) => ({ code: x.unit.code, name: x.unit.name, nameEn: x.unit.name_en, text: x.text.trim() }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      }));
    const summary = completeness(
      units.map((u) => u.id),
      reports.flatMap((r) => (r.first_submitted_at ? [{ unit: r.unit_id, submittedAt: r.first_submitted_at }] : [])),
      period.due,
    );
    const statusOf = new Map(reports.map((r) => [r.unit_id, r.status as ReportStatus]));
    const { units: timeliness, ...totals } = summary;
    await db.transaction().execute((trx) =>
      this.d.audit.record(trx, actor, {
        action: 'export',
        entityType: 'consolidated_report',
        entityId: null,
        localityCode: province.code,
        localityPath: province.path,
        after: { period: period.id, template: template.code, format },
      }),
    );
    return {
      province: { code: province.code, name: province.name },
      template,
      period,
      producedOn: vietnamToday(this.d.clock()),
      number: q.number ?? null,
      signer: q.signer ?? null,
      acceptedCount: accepted.length,
      figures,
      texts,
      totals: {
        expected: totals.expected,
        submitted: totals.submitted,
        onTime: totals.onTime,
        late: totals.late,
        missing: totals.missing,
      },
      units: timeliness.map((t) => {
        const u = unitOf.get(t.unit)!;
        return {
          code: u.code,
          name: u.name,
          nameEn: u.name_en,
          status: statusOf.get(u.id) ?? 'new',
          submittedAt: t.submittedAt,
          onTime: t.onTime,
        };
      }),
    };
  }

  /** The computed fields' values for the whole province and period, from each module's figures service. */
  private async liveFigures(db: Db, template: ReportTemplate, withinPath: string, period: DatedPeriod) {
    const area = {
      withinPath,
      from: period.from,
      to: period.to,
      fromInstant: vietnamMidnight(period.from),
      untilInstant: vietnamMidnight(addDays(period.to, 1)),
    };
    const all: Figures = {};
    for (const source of this.d.figures) Object.assign(all, await source.reportFigures(db, area));
    const r = checkReportValues(template, {}, {}, all);
    return r.ok ? r.checked.computed : {};
  }
}
