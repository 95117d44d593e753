import { AppError } from '../../../core/errors.ts';
import { addDays, vietnamDayEnd, vietnamToday } from '../../../core/vietnam-calendar.ts';
import { measuresFor } from '../../../core/rules/risk/evaluate.ts';
import type { EvaluationView, IndicatorsView } from '../../../core/schemas/risk.ts';
import type { RiskMapQuery, RiskMapView } from '../../../core/schemas/risk-map.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { mapColumns } from './risk.export.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { AreaAssessment, RiskAreaService } from './risk-area.service.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RuleSetsService } from './rule-sets.service.ts';
import type { ZonesService } from './zones.service.ts';

/**
 * The moment a day's figures describe: now for today, the last instant of the day (Vietnam time)
 * for a past day, so "the level on 12 August" is the decision in force at the end of 12 August.
 */
export function momentOf(day: string, now: Date): Date {
  if (day >= vietnamToday(now)) return now;
  return vietnamDayEnd(day);
}

export const legendOf = (r: RiskRuleSet) =>
  r.levels.map((l) => ({ key: l.key, number: l.number, colour: l.colour, name: l.name }));

/**
 * A locality's indicators on a day and the level a rule set gives them — "what would the level be
 * under rule set X" for any commune or province and date — and the map of a province's communes.
 */
export class RiskService {
  constructor(
    private readonly db: Db,
    private readonly area: RiskAreaService,
    private readonly ruleSets: RuleSetsService,
    private readonly localities: LocalitiesService,
    private readonly zones: ZonesService,
  ) {}

  /** Not within a transaction: the assessment first recounts stale cells in a transaction of its own. */
  private async assessed(
    actor: Actor,
    code: string,
    q: { date?: string; ruleSet?: string },
    now: Date,
    overview = false,
  ): Promise<{ place: LocalityRow; a: AreaAssessment }> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const ruleSet = await this.ruleSets.resolve(actor, q.ruleSet);
    const place = overview
      ? await this.localities.findOverviewOrThrow(actor, code, this.db)
      : await this.localities.findReadableOrThrow(actor, code, this.db);
    const day = q.date ?? vietnamToday(now);
    return { place, a: await this.area.assess(this.db, place, ruleSet, day, momentOf(day, now)) };
  }

  async indicators(actor: Actor, q: { locality: string; date?: string }, now = new Date()): Promise<IndicatorsView> {
    const { place, a } = await this.assessed(actor, q.locality, q, now);
    return indicatorsView(place, a);
  }

  async evaluate(
    actor: Actor,
    q: { locality: string; date?: string; ruleSet?: string },
    now = new Date(),
  ): Promise<EvaluationView> {
    const { place, a } = await this.assessed(actor, q.locality, q, now);
    const commune = place.level === 'commune' ? a.communes[0] : undefined;
    const result = commune ? commune.computed : a.aggregate;
    const decided = commune ? commune.decided : a.decided;
    return {
      ruleSet: { code: a.ruleSet.code, version: a.ruleSet.version, name: a.ruleSet.name },
      level: {
        key: result.level.key,
        number: result.level.number,
        colour: result.level.colour,
        name: result.level.name,
        measures: measuresFor(a.ruleSet, decided ?? result.level.key),
      },
      matchedRule: result.matchedRule,
      reasons: result.reasons,
      conditions: result.conditions,
      missingIndicators: commune ? commune.computed.missingIndicators : [],
      ...(commune ? {} : { childLevels: countBy(a.communes.map((c) => c.level)) }),
      decidedLevel: decided,
      indicators: indicatorsView(place, a),
    };
  }

  /**
   * Communes of an area whose computed level awaits the steering committee: no decision yet while
   * the rules give more than the lowest level, or a decision the rules no longer agree with.
   * Highest computed level first.
   */
  async levelsToDecide(
    actor: Actor,
    path: string,
    limit: number,
    now = new Date(),
  ): Promise<{ total: number; items: { code: string; label: string }[] }> {
    const { a } = await this.assessed(actor, path.split('/').pop()!, {}, now);
    const pending = awaitingDecision(a).sort(
      (x, y) => y.computed.level.number - x.computed.level.number || x.name.localeCompare(y.name, 'vi'),
    );
    return {
      total: pending.length,
      items: pending
        .slice(0, limit)
        .map((c) => ({ code: c.code, label: `${c.name}: ${c.computed.level.name[actor.locale]}` })),
    };
  }

  /**
   * Every commune's level today in an area the actor reads (a commune, a district, a province), and
   * how many communes await a decision today and at the end of yesterday: the home page's map.
   */
  async levelSituation(
    actor: Actor,
    code: string,
    now = new Date(),
  ): Promise<{
    ruleSet: { code: string; version: number; levels: ReturnType<typeof legendOf> };
    communes: { code: string; level: string; computedLevel: string; decidedLevel: string | null }[];
    awaitingDecision: { today: number; yesterday: number };
  }> {
    const { place, a } = await this.assessed(actor, code, {}, now);
    const yesterday = addDays(a.day, -1);
    // Same place and rule set, already checked: only the day's figures are read again.
    const before = await this.area.assess(this.db, place, a.ruleSet, yesterday, momentOf(yesterday, now));
    return {
      ruleSet: { code: a.ruleSet.code, version: a.ruleSet.version, levels: legendOf(a.ruleSet) },
      communes: a.communes.map((c) => ({
        code: c.code,
        level: c.level,
        computedLevel: c.computed.level.key,
        decidedLevel: c.decided,
      })),
      awaitingDecision: { today: awaitingDecision(a).length, yesterday: awaitingDecision(before).length },
    };
  }

  async map(actor: Actor, q: RiskMapQuery, now = new Date()): Promise<RiskMapView> {
    const { place, a } = await this.assessed(actor, q.province, q, now, true);
    const zoned = new Set((await this.zones.inForce(place.code, a.at)).flatMap((z) => z.communeCodes));
    return {
      date: a.day,
      ruleSet: { code: a.ruleSet.code, version: a.ruleSet.version, name: a.ruleSet.name, levels: legendOf(a.ruleSet) },
      province: {
        code: place.code,
        name: place.full_name,
        computedLevel: a.aggregate.level.key,
        decidedLevel: a.decided,
        level: a.decided ?? a.aggregate.level.key,
        cases7d: a.measures.community7,
        cases14d: a.measures.community14,
        per100k7d: a.indicators.community_cases_7d_per_100k ?? null,
        peopleInQuarantine: a.measures.peopleInQuarantine,
        bedOccupancy: a.indicators.bed_occupancy ?? null,
      },
      levelCounts: countBy(a.communes.map((c) => c.level)),
      communes: a.communes.map((c) => ({
        code: c.code,
        name: c.name,
        computedLevel: c.computed.level.key,
        decidedLevel: c.decided,
        level: c.level,
        inZone: zoned.has(c.code),
        cases7d: c.measures.community7,
        cases14d: c.measures.community14,
        per100k7d: c.indicators.community_cases_7d_per_100k ?? null,
      })),
    };
  }
}

export async function mapExport(view: RiskMapView, locale: Actor['locale']): Promise<SheetExport> {
  const names = new Map(view.ruleSet.levels.map((l) => [l.key, l.name[locale]]));
  return sheetExport({
    filename: `cap-do-dich-${view.province.code}-${view.date}.xlsx`,
    sheetName: locale === 'vi' ? 'Cấp độ dịch' : 'Risk levels',
    locale,
    columns: mapColumns(locale, (k) => (k === null ? null : (names.get(k) ?? k))),
    pages: await allPages(async () => ({ items: view.communes, nextCursor: null })),
  });
}

/**
 * Communes whose computed level awaits the steering committee: no decision yet while the rules
 * give more than the lowest level, or a decision the rules no longer agree with.
 */
function awaitingDecision(a: AreaAssessment) {
  return a.communes.filter((c) =>
    c.decided === null ? c.computed.level.number > a.ruleSet.levels[0]!.number : c.decided !== c.computed.level.key,
  );
}

export function countBy(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function indicatorsView(place: LocalityRow, a: AreaAssessment): IndicatorsView {
  return {
    localityCode: place.code,
    localityName: place.full_name,
    date: a.day,
    population: a.measures.population,
    populationIsDemo: place.population === null ? a.communes.some((c) => c.populationIsDemo) : place.population_is_demo,
    indicators: a.indicators,
  };
}
