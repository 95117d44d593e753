import type {
  NationalDashboardQuery,
  NationalDashboardView,
  NationalWeeklyReportQuery,
  NationalWeeklyReportView,
} from '../../../core/schemas/federation-national.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Actor } from '../../shared/actor.ts';
import { sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { ProvinceOnHub } from '../reports/reports.module.ts';
import type { CurveEstimates, RiskDashboardService } from '../risk/risk-dashboard.service.ts';
import type { ReferralsService } from './referrals.service.ts';

/** The reports module's national weekly report, wired by the composition root (reports are built later). */
export type NationalWeeklySource = (
  actor: Actor,
  provinces: readonly ProvinceOnHub[],
  q: NationalWeeklyReportQuery,
) => Promise<NationalWeeklyReportView>;

type WeeklyRow = NationalWeeklyReportView['rows'][number];

/**
 * The hub's national dashboard and weekly report (issue 21): the provinces of the caller's area and
 * how fresh each one's replicated rows are (`referrals.national`), with the figures the risk and
 * reports modules compute from those rows. On an installation that is not the hub, no province.
 */
export class NationalViewsService {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly riskDashboard: Pick<RiskDashboardService, 'national'>,
    private readonly weekly: NationalWeeklySource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async dashboard(actor: Actor, q: NationalDashboardQuery): Promise<NationalDashboardView> {
    const status = await this.referrals.national(actor);
    const estimates = await this.riskDashboard.national(
      actor,
      status.provinces.map((p) => p.code),
      q,
      this.clock(),
    );
    const byCode = new Map(estimates.provinces.map((p) => [p.code, p]));
    return {
      from: estimates.from,
      to: estimates.to,
      serialInterval: estimates.serialInterval,
      ...estimates.country,
      provinces: status.provinces.map((s) => {
        const e = byCode.get(s.code)!;
        return {
          code: s.code,
          name: s.name,
          lastBeatAt: s.lastBeatAt,
          beatAgeSeconds: s.beatAgeSeconds,
          streaming: s.streaming,
          cases7d: casesOver(e, 7),
          cases14d: casesOver(e, 14),
          rt: lastRt(e),
          projected14d: projectedTotal(e),
        };
      }),
    };
  }

  async weeklyReport(actor: Actor, q: NationalWeeklyReportQuery): Promise<NationalWeeklyReportView> {
    const status = await this.referrals.national(actor);
    return this.weekly(
      actor,
      status.provinces.map((p) => ({ code: p.code, name: p.name, lastBeatAt: p.lastBeatAt })),
      q,
    );
  }

  /** The weekly report as a sheet: one row per province and week, completeness then every figure. */
  async weeklyReportXlsx(actor: Actor, q: NationalWeeklyReportQuery): Promise<SheetExport> {
    const report = await this.weeklyReport(actor, q);
    const columns: SheetColumn<WeeklyRow>[] = [
      { header: { vi: 'Tỉnh, thành phố', en: 'Province' }, width: 20, value: (r) => r.province.name },
      { header: { vi: 'Tuần', en: 'Week' }, width: 16, value: (r) => r.week },
      {
        header: { vi: 'Đồng bộ lần cuối', en: 'Last synced' },
        width: 18,
        value: (r) => (r.province.lastBeatAt ? new Date(r.province.lastBeatAt) : null),
      },
      { header: { vi: 'Số đơn vị phải báo cáo', en: 'Units expected' }, width: 12, value: (r) => r.expected },
      { header: { vi: 'Đúng hạn', en: 'On time' }, width: 10, value: (r) => r.onTime },
      { header: { vi: 'Muộn', en: 'Late' }, width: 10, value: (r) => r.late },
      { header: { vi: 'Chưa nộp', en: 'Missing' }, width: 10, value: (r) => r.missing },
      { header: { vi: 'Báo cáo đã duyệt', en: 'Accepted reports' }, width: 10, value: (r) => r.accepted },
      ...report.fields.map((f): SheetColumn<WeeklyRow> => ({
        // The template's label in the caller's language heads both language columns alike.
        header: { vi: f.label, en: f.label },
        width: 14,
        value: (r) => r.figures[f.key] ?? 0,
      })),
    ];
    return sheetExport({
      filename: `bao-cao-tuan-toan-quoc-${vietnamToday(this.clock())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Báo cáo tuần toàn quốc' : 'National weekly report',
      locale: actor.locale,
      columns,
      pages: (async function* () {
        yield report.rows;
      })(),
    });
  }
}

function casesOver(e: CurveEstimates, days: number): number {
  return e.epicurve.slice(-days).reduce((s, d) => s + d.community + d.inQuarantine + d.imported, 0);
}

function lastRt(e: CurveEstimates): NationalDashboardView['provinces'][number]['rt'] {
  const last = e.rt[e.rt.length - 1];
  return last ? { day: last.day, mean: last.mean, lower: last.lower, upper: last.upper } : null;
}

/**
 * The 14 days' medians and bounds summed. The bounds are conservative: the sum of daily 2.5 % and
 * 97.5 % quantiles is wider than the total's own interval.
 */
function projectedTotal(e: CurveEstimates): NationalDashboardView['provinces'][number]['projected14d'] {
  if (!e.projection.length) return null;
  const sum = (k: 'median' | 'lower' | 'upper') => e.projection.reduce((s, p) => s + p[k], 0);
  return { median: sum('median'), lower: sum('lower'), upper: sum('upper') };
}
