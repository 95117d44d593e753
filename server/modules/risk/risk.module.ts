import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import { IndicatorCountsService } from './indicator-counts.service.ts';
import { IndicatorsRepository } from './indicators.repository.ts';
import { LevelSeriesRepository } from './level-series.repository.ts';
import { RiskAreaService } from './risk-area.service.ts';
import { RiskContextRepository } from './risk-context.repository.ts';
import { RiskDashboardService } from './risk-dashboard.service.ts';
import { RiskDecisionsService, type LevelDecisionListener } from './risk-decisions.service.ts';
import { RiskPublicService } from './risk-public.service.ts';
import { RiskRepository } from './risk.repository.ts';
import { RiskService } from './risk.service.ts';
import { RuleSetsRepository } from './rule-sets.repository.ts';
import { RuleSetsService } from './rule-sets.service.ts';
import { VaccinationService } from './vaccination.service.ts';
import { ZonesRepository } from './zones.repository.ts';
import { ZonesService } from './zones.service.ts';

export type { RiskService } from './risk.service.ts';
export type { DecidedLevel, LevelDecisionListener } from './risk-decisions.service.ts';
export type { IndicatorCountsService } from './indicator-counts.service.ts';

export interface RiskServices {
  risk: RiskService;
  riskDecisions: RiskDecisionsService;
  riskDashboard: RiskDashboardService;
  riskPublic: RiskPublicService;
  ruleSets: RuleSetsService;
  zones: ZonesService;
  vaccination: VaccinationService;
  /** The daily count cells behind the indicators (a job refreshes them; the CLI rebuilds them). */
  indicators: IndicatorCountsService;
}

/** The risk module's services, wired once (issue 6). */
export function createRiskModule(d: {
  db: Db;
  localities: LocalitiesService;
  profiles: DiseaseProfilesService;
  audit: AuditTrailService;
  /** Told of each level decision in the transaction recording it (plans activate their sections when it takes effect). */
  onLevelDecided?: LevelDecisionListener;
}): RiskServices {
  const indicators = new IndicatorsRepository();
  const context = new RiskContextRepository();
  const ruleSetsRepo = new RuleSetsRepository();
  const ruleSets = new RuleSetsService(d.db, ruleSetsRepo, d.audit);
  const area = new RiskAreaService(indicators, context);
  const zones = new ZonesService(d.db, new ZonesRepository(), context, d.localities, d.audit);
  const risk = new RiskService(d.db, area, ruleSets, d.localities, zones);
  return {
    risk,
    riskDecisions: new RiskDecisionsService(
      d.db,
      new RiskRepository(),
      risk,
      ruleSets,
      d.localities,
      d.audit,
      d.onLevelDecided,
    ),
    riskDashboard: new RiskDashboardService(
      d.db,
      indicators,
      context,
      d.profiles,
      d.localities,
      ruleSets,
      new LevelSeriesRepository(),
    ),
    riskPublic: new RiskPublicService(d.db, area, context, ruleSets, d.localities, zones),
    ruleSets,
    zones,
    vaccination: new VaccinationService(d.db, context, d.localities, d.audit),
    indicators: new IndicatorCountsService(indicators),
  };
}
