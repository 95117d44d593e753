import { AppError } from '../../../core/errors.ts';
import { caseIndicators } from '../../../core/rules/risk/case-indicators.ts';
import { communeLevel, measuresFor } from '../../../core/rules/risk/evaluate.ts';
import { riskRuleSetPresets } from '../../../core/rules/risk/rule-sets.ts';
import { vietnamToday } from '../../../core/schemas/declarations.ts';
import type { EvaluationView, IndicatorsView } from '../../../core/schemas/risk.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RiskRepository } from './risk.repository.ts';

const unknownRuleSet = { vi: 'Không có bộ quy tắc này', en: 'No such rule set' };

/**
 * A commune's risk indicators on a day, from the cases recorded, and the level a rule set gives
 * them: "what would the level be under rule set X" for any commune and date. Vaccination coverage
 * and treatment capacity are not measured yet: a rule set that tests them lists them as missing.
 */
export class RiskService {
  constructor(
    private readonly db: Db,
    private readonly repo: RiskRepository,
    private readonly localities: LocalitiesService,
  ) {}

  async indicators(actor: Actor, q: { locality: string; date?: string }, now = new Date()): Promise<IndicatorsView> {
    if (!riskPolicy.read(actor)) throw new AppError('FORBIDDEN');
    const place = await this.localities.findReadableOrThrow(actor, q.locality);
    const day = q.date ?? vietnamToday(now);
    const counts = await this.repo.communityCaseCounts(this.db, place.path, day);
    return {
      localityCode: place.code, localityName: place.full_name, date: day, population: place.population, populationIsDemo: place.population_is_demo,
      indicators: caseIndicators(counts, place.population),
    };
  }

  async evaluate(actor: Actor, q: { locality: string; date?: string; ruleSet: string }, now = new Date()): Promise<EvaluationView> {
    const ruleSet = riskRuleSetPresets.find((r) => r.code === q.ruleSet);
    if (!ruleSet) throw new AppError('VALIDATION_FAILED', [{ path: 'ruleSet', message: unknownRuleSet[actor.locale] }]);
    const indicators = await this.indicators(actor, q, now);
    const result = communeLevel(ruleSet, indicators.indicators);
    return {
      ruleSet: { code: ruleSet.code, version: ruleSet.version, name: ruleSet.name },
      level: { key: result.level.key, number: result.level.number, colour: result.level.colour, name: result.level.name, measures: measuresFor(ruleSet, result.level.key) },
      matchedRule: result.matchedRule,
      reasons: result.reasons,
      conditions: result.conditions,
      missingIndicators: result.missingIndicators,
      indicators,
    };
  }
}
