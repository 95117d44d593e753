import { AppError } from '../../../core/errors.ts';
import { covidSerialInterval, defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import { addDays, daysFrom, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { tallyLevels } from '../../../core/rules/risk/level-series.ts';
import type { DashboardQuery, DashboardView } from '../../../core/schemas/risk-map.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { IndicatorsRepository } from './indicators.repository.ts';
import { denseCurve, estimateArea, type AreaEstimate, type Epicurve } from './area-estimates.ts';
import type { LevelSeriesRepository } from './level-series.repository.ts';
import { levelTrends } from './level-trend.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';

const MAX_DAYS = 730;

const text = {
  range: { vi: 'Khoảng ngày không hợp lệ (tối đa 730 ngày)', en: 'Invalid date range (730 days at most)' },
  notInProvince: { vi: 'Xã/phường không thuộc tỉnh này', en: 'The commune is not in this province' },
  onsetDelay: {
    vi: 'Theo ngày khởi phát, các ngày gần đây chưa đủ ca (chậm báo cáo): Rt cuối có thể thấp hơn thực tế',
    en: 'By onset date, recent days are incomplete (reporting delay): the latest Rt may be too low',
  },
} as const;

/** A curve with its Rt and projection. */
export type CurveEstimates = { epicurve: Epicurve } & AreaEstimate;
export interface NationalEstimates {
  from: string;
  to: string;
  serialInterval: DashboardView['serialInterval'];
  country: CurveEstimates;
  provinces: ({ code: string } & CurveEstimates)[];
}

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
    const epicurve = denseCurve(rows, from, to);
    const si = await this.serialInterval();
    const notes: DashboardView['notes'] = q.by === 'onset' ? [text.onsetDelay] : [];
    const { rt, projection, notes: estimated } = estimateArea(epicurve, si);
    notes.push(...estimated);
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

  /**
   * The national hub (issue 21): each province's curve by confirmation date from the daily counts it
   * replicated here, the country's as their sum, and Rt and the projection of each by the same rules
   * as a province's dashboard. The counts are the provinces' own (recounted there), never here.
   */
  async national(
    actor: Actor,
    provinces: readonly string[],
    q: { from?: string | undefined; to?: string | undefined },
    now = new Date(),
  ): Promise<NationalEstimates> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const to = q.to ?? vietnamToday(now);
    const from = q.from ?? addDays(to, -89);
    const span = daysFrom(from, to);
    if (span < 0 || span >= MAX_DAYS)
      throw new AppError('VALIDATION_FAILED', [{ path: 'from', message: text.range[actor.locale] }]);
    const si = await this.serialInterval();
    const curves = await Promise.all(
      provinces.map(async (code) => ({
        code,
        epicurve: denseCurve(
          await this.indicators.dailyByConfirmation(this.db, { path: `VN/${code}` }, from, to),
          from,
          to,
        ),
      })),
    );
    const country = denseCurve([], from, to).map((d, i) => {
      for (const c of curves) {
        const p = c.epicurve[i]!;
        d.community += p.community;
        d.inQuarantine += p.inQuarantine;
        d.imported += p.imported;
      }
      return d;
    });
    return {
      from,
      to,
      serialInterval: { ...si, profileCode: defaultDiseaseProfile.code },
      country: { epicurve: country, ...estimateArea(country, si) },
      provinces: curves.map((c) => ({ ...c, ...estimateArea(c.epicurve, si) })),
    };
  }

  private async serialInterval(): Promise<{ meanDays: number; sdDays: number }> {
    const stored = await this.profiles.find(this.db, defaultDiseaseProfile.code);
    return stored?.serialInterval ?? defaultDiseaseProfile.serialInterval ?? covidSerialInterval;
  }
}
