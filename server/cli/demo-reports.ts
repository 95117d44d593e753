import {
  adjacentPeriod,
  currentReportingPeriod,
  defaultDueOffsets,
  dueOf,
  type DatedPeriod,
  type PeriodRule,
} from '../../core/rules/reporting-periods.ts';
import { weeklyCovid } from '../../core/rules/reports/weekly-covid.ts';
import type { ReportView } from '../../core/schemas/reports.ts';
import { vietnamMidnight } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { systemActor } from '../shared/actor.ts';
import { DemoReportsRepository, type DemoReportRow } from './demo-reports.repository.ts';

const HOUR = 3_600_000;
const rule: PeriodRule = { kind: 'weekly', due: weeklyCovid.period.due ?? defaultDueOffsets.weekly };
/** Weeks of accepted reports before this week's. */
export const DEMO_REPORT_WEEKS = 6;
/** The commune that has not sent this week's report (it has not acknowledged the directive either). */
export const DEMO_MISSING_COMMUNE = '03390'; // Xã Bình Lư
/** The ward whose report the CDC returned this week, resubmitted and waiting for acceptance. */
export const DEMO_RETURNED_COMMUNE = '03388'; // Phường Đoàn Kết
export const DEMO_RETURN_COMMENT =
  'Số người cách ly tại nhà chưa khớp với danh sách của Trạm Y tế; đề nghị rà soát và bổ sung số cuộc kiểm tra.';
const AMENDMENT = 'Đã rà soát với Trạm Y tế phường, bổ sung 2 cuộc kiểm tra cơ sở kinh doanh';

/** A stable number in [0, 1) for a unit and a week: the same demo on every start and machine. */
function unitHash(code: string, periodId: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (const ch of `${code}|${periodId}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** What a unit types by hand in a week: inspections, fines and its three paragraphs. */
function manualFigures(code: string, periodId: string, isCommune: boolean) {
  const r = unitHash(code, periodId, 7);
  const inspections = Math.round(r * (isCommune ? 6 : 12));
  const violations = Math.floor(inspections * unitHash(code, periodId, 11) * 0.5);
  return {
    inspections_done: inspections,
    violations,
    fines_vnd: violations * 2_000_000,
    stocks_below_minimum: r < 0.15 ? 1 : 0,
    results:
      'Duy trì tổ COVID cộng đồng; kiểm soát người về từ vùng có dịch; tuyên truyền 5K trên hệ thống loa truyền thanh.',
    difficulties:
      r < 0.3 ? 'Thiếu nhân lực trực chốt kiểm soát vào ban đêm.' : 'Người dân còn chủ quan, chưa quét mã QR đầy đủ.',
    proposals: r < 0.5 ? 'Đề nghị bổ sung kit xét nghiệm nhanh.' : 'Đề nghị hỗ trợ kinh phí cho tổ COVID cộng đồng.',
  };
}

/** The figures a prefilled report shows: every field's value, and the counted value of the computed ones. */
function prefilled(view: ReportView): { values: Record<string, number | string>; computed: Record<string, number> } {
  const values: Record<string, number | string> = {};
  const computed: Record<string, number> = {};
  for (const f of view.sections.flatMap((s) => s.fields)) {
    if (f.value !== null) values[f.key] = f.value;
    if (f.computed !== null) computed[f.key] = f.computed;
  }
  return { values, computed };
}

/**
 * The demo province's weekly reports (issue 16): six weeks of reports accepted by the CDC (four in
 * five before Wednesday, a few late, one or two units missing some weeks), and this week's:
 * every unit but xã Bình Lư has sent it, most are accepted, and phường Đoàn Kết's was returned by the
 * CDC and resubmitted, waiting for acceptance. This week's reports carry the figures phongdich counts
 * for each unit (as its officer would have found them prefilled); earlier weeks carry the figures
 * typed by hand and the paragraphs. Seeded once: a province with reports is left as it is.
 */
export async function seedDemoReports(p: Platform, province: string, now = new Date()): Promise<{ reports: number }> {
  const db = p.database.db;
  const repo = new DemoReportsRepository();
  if (await repo.provinceHasReports(db, province, weeklyCovid.code)) return { reports: 0 };
  const sys = systemActor('seed');
  const version = await repo.latestTemplateVersion(db, weeklyCovid.code);
  const units = (await p.services.units.ofProvince(db, province)).filter((u) => u.supervisor_unit_id !== null);
  const current = currentReportingPeriod(rule, now);
  const rows: DemoReportRow[] = [];

  // Earlier weeks: accepted, judged on time or late by their first submission.
  let period: DatedPeriod = current;
  for (let w = 1; w <= DEMO_REPORT_WEEKS; w++) {
    const previous = adjacentPeriod(period, -1);
    period = { ...previous, due: dueOf(previous, rule.due) };
    for (const u of units) {
      const r = unitHash(u.code, period.id);
      // About one unit in twenty-five misses a week; Bình Lư missed two of them.
      const missed = u.code === DEMO_MISSING_COMMUNE ? w === 2 || w === 5 : r < 0.04;
      if (missed) continue;
      // Last week's deadline may have passed minutes ago (a demo started on a Wednesday): a late
      // report and every review stay in the past, between the deadline and now.
      const sinceDue = now.getTime() - period.due.getTime();
      const late = (u.code === DEMO_MISSING_COMMUNE || r > 0.85) && sinceDue > 2 * HOUR;
      const at = late
        ? new Date(period.due.getTime() + Math.min((2 + unitHash(u.code, period.id, 3) * 40) * HOUR, sinceDue / 2))
        : new Date(period.due.getTime() - (4 + unitHash(u.code, period.id, 3) * 60) * HOUR);
      const reviewed = new Date(at.getTime() + Math.min(20 * HOUR, (now.getTime() - at.getTime()) / 2));
      const figures = manualFigures(u.code, period.id, u.kind === 'commune');
      rows.push({
        ...base(u, period, province),
        status: 'accepted',
        versions: [{ figures, computed: {}, amendmentReason: null, at }],
        reviews: [{ version: 1, decision: 'accept', comment: null, at: reviewed }],
      });
    }
  }

  // This week: sent in the last day and a half (never before the week began), most already accepted.
  const weekStart = vietnamMidnight(current.from).getTime();
  const span = Math.max(HOUR, Math.min(36 * HOUR, now.getTime() - weekStart - HOUR));
  for (const u of units) {
    if (u.code === DEMO_MISSING_COMMUNE) continue;
    const view = await p.services.reports.form(sys, { unit: u.id, template: weeklyCovid.code, period: current.id });
    const { values, computed } = prefilled(view);
    const figures = { ...values, ...manualFigures(u.code, current.id, u.kind === 'commune') };
    const at = new Date(now.getTime() - HOUR / 2 - unitHash(u.code, current.id, 5) * span);
    if (u.code === DEMO_RETURNED_COMMUNE) {
      const first = new Date(Math.min(at.getTime(), now.getTime() - 0.75 * span));
      const returned = new Date(first.getTime() + (now.getTime() - first.getTime()) / 3);
      const again = new Date(first.getTime() + ((now.getTime() - first.getTime()) * 2) / 3);
      const amended = { ...figures, inspections_done: Number(figures.inspections_done) + 2 };
      rows.push({
        ...base(u, current, province),
        status: 'submitted',
        versions: [
          { figures, computed, amendmentReason: null, at: first },
          { figures: amended, computed, amendmentReason: AMENDMENT, at: again },
        ],
        reviews: [{ version: 1, decision: 'return', comment: DEMO_RETURN_COMMENT, at: returned }],
      });
      continue;
    }
    const accepted = unitHash(u.code, current.id, 9) < 0.7;
    const acceptedAt = new Date(at.getTime() + (now.getTime() - at.getTime()) / 2);
    rows.push({
      ...base(u, current, province),
      status: accepted ? 'accepted' : 'submitted',
      versions: [{ figures, computed, amendmentReason: null, at }],
      reviews: accepted ? [{ version: 1, decision: 'accept', comment: null, at: acceptedAt }] : [],
    });
  }
  await db.transaction().execute((trx) => repo.insert(trx, weeklyCovid.code, version, rows));
  return { reports: rows.length };
}

function base(u: { id: string; locality_path: string }, period: DatedPeriod, province: string) {
  return {
    unitId: u.id,
    periodId: period.id,
    from: period.from,
    to: period.to,
    due: period.due,
    localityPath: u.locality_path,
    provinceCode: province,
  };
}
