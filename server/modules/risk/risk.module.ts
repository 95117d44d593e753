import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesRepository } from '../localities/localities.repository.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { ProfilesRepository } from '../tracing/profiles.repository.ts';
import { IndicatorsRepository } from './indicators.repository.ts';
import { LevelSeriesRepository } from './level-series.repository.ts';
import { RiskAreaService } from './risk-area.service.ts';
import { RiskContextRepository } from './risk-context.repository.ts';
import { RiskDashboardService } from './risk-dashboard.service.ts';
import { RiskDecisionsService } from './risk-decisions.service.ts';
import { RiskPublicService } from './risk-public.service.ts';
import { RiskRepository } from './risk.repository.ts';
import { RiskService } from './risk.service.ts';
import { RuleSetsRepository } from './rule-sets.repository.ts';
import { RuleSetsService } from './rule-sets.service.ts';
import { VaccinationService } from './vaccination.service.ts';
import { ZonesRepository } from './zones.repository.ts';
import { ZonesService } from './zones.service.ts';

export interface RiskServices {
  risk: RiskService;
  riskDecisions: RiskDecisionsService;
  riskDashboard: RiskDashboardService;
  riskPublic: RiskPublicService;
  ruleSets: RuleSetsService;
  ruleSetsRepo: RuleSetsRepository;
  zones: ZonesService;
  vaccination: VaccinationService;
  indicators: IndicatorsRepository;
}

/** The risk module's services, wired once (issue 6). */
export function createRiskServices(d: { db: Db; localities: LocalitiesService; localitiesRepo: LocalitiesRepository; profiles: ProfilesRepository; audit: AuditTrailService }): RiskServices {
  const indicators = new IndicatorsRepository();
  const context = new RiskContextRepository();
  const ruleSetsRepo = new RuleSetsRepository();
  const ruleSets = new RuleSetsService(d.db, ruleSetsRepo, d.audit);
  const area = new RiskAreaService(indicators, context);
  const zones = new ZonesService(d.db, new ZonesRepository(), context, d.localities, d.audit);
  const risk = new RiskService(d.db, area, ruleSets, d.localities, zones);
  return {
    risk,
    riskDecisions: new RiskDecisionsService(d.db, new RiskRepository(), risk, ruleSets, d.localities, d.audit),
    riskDashboard: new RiskDashboardService(d.db, indicators, context, d.profiles, d.localities, ruleSets, new LevelSeriesRepository()),
    riskPublic: new RiskPublicService(d.db, area, context, ruleSets, d.localitiesRepo, zones),
    ruleSets,
    ruleSetsRepo,
    zones,
    vaccination: new VaccinationService(d.db, context, d.localitiesRepo, d.audit),
    indicators,
  };
}
