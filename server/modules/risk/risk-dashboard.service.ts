import { AppError } from '../../../core/errors.ts';
import { covidSerialInterval, defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import { addDays, daysFrom, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { estimateR, type RtWindow } from '../../../core/rules/rt/cori.ts';
import { projectFromEstimate } from '../../../core/rules/rt/projection.ts';
import { tallyLevels } from '../../../core/rules/risk/level-series.ts';
import type { DashboardQuery, DashboardView } from '../../../core/schemas/risk-map.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { DailyCountsRow, IndicatorsRepository } from './indicators.repository.ts';
import type { LevelSeriesRepository } from './level-series.repository.ts';
import { levelTrends } from './level-trend.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';

/** Cori et al. 2013 advise against reading a window whose posterior coefficient of variation exceeds 0.3. */
const MAX_CV = 0.3;
const MAX_DAYS = 730;
/** Fixed, so the same data always give the same projection (a dashboard must not flicker). */
const PROJECTION_SEED = 20211011;

const text = {
  range: { vi: 'Khoảng ngày không hợp lệ (tối đa 730 ngày)', en: 'Invalid date range (730 days at most)' },
  notInProvince: { vi: 'Xã/phường không thuộc tỉnh này', en: 'The commune is not in this province' },
  fewCases: {
    vi: 'Chưa đủ ca bệnh để ước lượng Rt tin cậy (cần hệ số biến thiên hậu nghiệm ≤ 0,3, khoảng 11 ca mỗi cửa sổ 7 ngày)',
    en: 'Too few cases for a reliable Rt (posterior coefficient of variation ≤ 0.3 needs about 11 cases per 7-day window)',
  },
  noProjection: {
    vi: 'Không dự báo: Rt của cửa sổ cuối chưa tin cậy',
    en: 'No projection: the last window has no reliable Rt',
  },
  onsetDelay: {
    vi: 'Theo ngày khởi phát, các ngày gần đây chưa đủ ca (chậm báo cáo): Rt cuối có thể thấp hơn thực tế',
    en: 'By onset date, recent days are incomplete (reporting delay): the latest Rt may be too low',
  },
} as const;

/**
 * The dashboard of a province or of selected communes: the epidemic curve by onset or
 * confirmation date stacked by classification, Rt over sliding 7-day windows (local cases, with
 * imported cases as infectors only), and a 14-day projection from the renewal equation driven by
 * the last window's Rt posterior.
 */
export class RiskDashboardService {
  constructor(
    private readonly db: Db,
    private readonly indicators: IndicatorsRepository,
    private readonly context: RiskContextRepository,
    private readonly profiles: DiseaseProfilesService,
    private readonly localities: LocalitiesService,
    private readonly ruleSets: RuleSetsService,
    private readonly series: LevelSeriesRepository,
  ) {}

  async dashboard(actor: Actor, q: DashboardQuery, now = new Date()): Promise<DashboardView> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const province = await this.localities.findOverviewOrThrow(actor, q.province, this.db);
    const codes = q.communes?.split(',');
    const inProvince = codes ? new Set((await this.context.communes(this.db, province.path)).map((c) => c.code)) : null;
    if (codes?.some((c) => !inProvince?.has(c)))
      throw new AppError('VALIDATION_FAILED', [{ path: 'communes', message: text.notInProvince[actor.locale] }]);
    const to = q.to ?? vietnamToday(now);
    const from = q.from ?? addDays(to, -89);
    const span = daysFrom(from, to);
    if (span < 0 || span >= MAX_DAYS)
      throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: text.range[actor.locale] }]);

    await this.indicators.refreshDirty(this.db);
    const scope = codes ? { codes } : { path: province.path };
    const { rows, imputed } =
      q.by === 'onset'
        ? await this.indicators.dailyByOnset(this.db, scope, from, to)
        : { rows: await this.indicators.dailyByConfirmation(this.db, scope, from, to), imputed: 0 };
    const epicurve = dense(rows, from, to);
    const si = await this.serialInterval();
    const notes: DashboardView['notes'] = q.by === 'onset' ? [text.onsetDelay] : [];

    const local = epicurve.map((d) => d.community + d.inQuarantine);
    const imported = epicurve.map((d) => d.imported);
    const estimate =
      local.length >= 2 && local.some((v) => v > 0)
        ? estimateR({ local, imported, meanSi: si.meanDays, stdSi: si.sdDays })
        : null;
    const reliable = (w: RtWindow) => 1 / Math.sqrt(w.shape) <= MAX_CV;
    const windows = estimate?.windows ?? [];
    const rt = windows.filter(reliable).map((w) => ({
      day: addDays(from, w.tEnd - 1),
      mean: w.mean,
      median: w.quantiles.q05,
      lower: w.quantiles.q0025,
      upper: w.quantiles.q0975,
    }));
    if (rt.length < windows.length || !windows.length) notes.push(text.fewCases);
    const last = windows[windows.length - 1];
    let projection: DashboardView['projection'] = [];
    if (estimate && last && reliable(last)) {
      projection = projectFromEstimate(estimate, { seed: PROJECTION_SEED, meanSi: si.meanDays, stdSi: si.sdDays }).map(
        (p) => ({
          day: addDays(to, p.daysAhead),
          median: p.median,
          lower: p.lower,
          upper: p.upper,
        }),
      );
    } else notes.push(text.noProjection);
    const ruleSet = await this.ruleSets.resolve(actor, q.ruleSet);
    const days = span + 1;
    const tally = tallyLevels(ruleSet, await this.series.communeSeries(this.db, province.path, from, to), days);
    const trend = levelTrends(ruleSet, tally, (d) => addDays(from, d)).get(province.code) ?? [];
    return {
      from,
      to,
      by: q.by,
      onsetImputed: imputed,
      epicurve,
      serialInterval: { ...si, profileCode: defaultDiseaseProfile.code },
      rt,
      projection,
      levelTrend: trend,
      notes,
    };
  }

  private async serialInterval(): Promise<{ meanDays: number; sdDays: number }> {
    const stored = await this.profiles.find(this.db, defaultDiseaseProfile.code);
    return stored?.serialInterval ?? defaultDiseaseProfile.serialInterval ?? covidSerialInterval;
  }
}

function dense(rows: readonly DailyCountsRow[], from: string, to: string): DashboardView['epicurve'] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DashboardView['epicurve'] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const r = byDay.get(day);
    out.push({ day, community: r?.community ?? 0, inQuarantine: r?.inQuarantine ?? 0, imported: r?.imported ?? 0 });
  }
  return out;
}
