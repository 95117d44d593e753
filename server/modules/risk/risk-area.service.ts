import { localityIndicators, sumMeasures, type LocalityMeasures } from '../../../core/rules/risk/commune-indicators.ts';
import {
  aggregateLevel,
  communeLevel,
  type AggregateLevelResult,
  type CommuneLevelResult,
} from '../../../core/rules/risk/evaluate.ts';
import type { RiskIndicators, RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import type { IndicatorsRepository } from './indicators.repository.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';

export interface CommuneAssessment {
  code: string;
  name: string;
  population: number | null;
  populationIsDemo: boolean;
  measures: LocalityMeasures;
  indicators: RiskIndicators;
  computed: CommuneLevelResult;
  /** The decision in force, if any (a level key of the rule set). */
  decided: string | null;
  /** decided ?? computed: what the map shows and the upper level aggregates. */
  level: string;
}

export interface AreaAssessment {
  day: string;
  at: Date;
  ruleSet: RiskRuleSet;
  communes: CommuneAssessment[];
  /** The area's own counts (the sum of its communes) and indicators. */
  measures: LocalityMeasures;
  indicators: RiskIndicators;
  /** The area's level from its communes' levels (aggregation rules). */
  aggregate: AggregateLevelResult;
  decided: string | null;
}

/** `VN/12/03388` → `VN/12`: treatment capacity (C3) is a provincial figure. */
export const provincePathOf = (path: string) => path.split('/').slice(0, 2).join('/');

/**
 * Assesses every commune of an area (a province, a district or one commune) on a day: measures,
 * rule inputs, computed level, the decision in force, and the area's aggregated level. Counts come
 * from the stored daily counts, recounted first where a write made them stale.
 */
export class RiskAreaService {
  constructor(
    private readonly indicators: IndicatorsRepository,
    private readonly context: RiskContextRepository,
  ) {}

  async assess(db: Db, place: LocalityRow, ruleSet: RiskRuleSet, day: string, at: Date): Promise<AreaAssessment> {
    await this.indicators.refreshDirty(db);
    const [communes, totals, quarantine, coverage, beds, decisions] = await Promise.all([
      this.context.communes(db, place.path),
      this.indicators.windowTotals(db, { path: place.path }, day),
      this.context.peopleInQuarantine(db, place.path, day),
      this.context.coverage(db, place.path, day),
      this.context.beds(db, provincePathOf(place.path), at),
      this.context.decisionsInForce(db, place.path, ruleSet.code, at),
    ]);
    const totalsBy = new Map(totals.map((t) => [t.code, t]));
    const assessed = communes.map((c): CommuneAssessment => {
      const t = totalsBy.get(c.code);
      const v = coverage.get(c.code);
      const measures: LocalityMeasures = {
        population: c.population,
        community7: t?.community7 ?? 0,
        community14: t?.community14 ?? 0,
        known14: t?.known14 ?? 0,
        inQuarantine7: t?.inQuarantine7 ?? 0,
        imported7: t?.imported7 ?? 0,
        tests7: t?.tests7 ?? 0,
        positives7: t?.positives7 ?? 0,
        peopleInQuarantine: quarantine.get(c.code) ?? 0,
        vaccination: v ? { adults1Dose: v.adults1Dose, adultsFull: v.adultsFull, highRisk: v.highRisk } : null,
        beds,
      };
      const indicators = localityIndicators(measures);
      const computed = communeLevel(ruleSet, indicators);
      const decided = validLevel(ruleSet, decisions.get(c.code));
      return {
        code: c.code,
        name: c.full_name,
        population: c.population,
        populationIsDemo: c.population_is_demo,
        measures,
        indicators,
        computed,
        decided,
        level: decided ?? computed.level.key,
      };
    });
    const population =
      place.population ??
      (assessed.some((c) => c.population !== null) ? assessed.reduce((s, c) => s + (c.population ?? 0), 0) : null);
    const measures =
      place.level === 'commune' && assessed[0]
        ? assessed[0].measures
        : sumMeasures(
            assessed.map((c) => c.measures),
            population,
            beds,
          );
    return {
      day,
      at,
      ruleSet,
      communes: assessed,
      measures,
      indicators: localityIndicators(measures),
      aggregate: aggregateLevel(
        ruleSet,
        assessed.map((c) => c.level),
      ),
      decided: validLevel(ruleSet, decisions.get(place.code)),
    };
  }
}

/** A decision taken under an earlier version may name a level the current version no longer has. */
function validLevel(ruleSet: RiskRuleSet, key: string | undefined): string | null {
  return key !== undefined && ruleSet.levels.some((l) => l.key === key) ? key : null;
}
