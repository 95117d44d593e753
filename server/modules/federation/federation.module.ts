import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NationalPlacesService } from '../localities/national-places.service.ts';
import type { RiskDashboardService } from '../risk/risk-dashboard.service.ts';
import type { RuleSetsService } from '../risk/rule-sets.service.ts';
import { NationalDirectivesRepository } from './national-directives.repository.ts';
import { NationalDirectivesService } from './national-directives.service.ts';
import { NationalViewsService, type NationalWeeklySource } from './national-views.service.ts';
import { ReferralsRepository } from './referrals.repository.ts';
import { ReferralsService } from './referrals.service.ts';

export type { IncomingReferral, ReferralInput } from './referrals.service.ts';
export type { ReferralsService, NationalDirectivesService, NationalViewsService, NationalWeeklySource };

export interface FederationServices {
  referrals: ReferralsService;
  /** National directives and rule-set versions: issued on the hub, acknowledged (or adopted) in a province. */
  nationalDirectives: NationalDirectivesService;
  /** The hub's national dashboard and weekly report. */
  nationalViews: NationalViewsService;
}

export function createFederationModule(o: {
  db: Db;
  audit: AuditTrailService;
  nationalPlaces: NationalPlacesService;
  federation: FederationConfig | undefined;
  riskDashboard: Pick<RiskDashboardService, 'national'>;
  ruleSets: Pick<RuleSetsService, 'atVersion' | 'save' | 'activate'>;
  nationalWeekly: NationalWeeklySource;
  clock?: () => Date;
}): FederationServices {
  const referrals = new ReferralsService(o.db, new ReferralsRepository(), o.audit, o.nationalPlaces, o.federation);
  return {
    referrals,
    nationalDirectives: new NationalDirectivesService(
      o.db,
      new NationalDirectivesRepository(),
      o.audit,
      o.nationalPlaces,
      o.ruleSets,
      o.federation,
      o.clock,
    ),
    nationalViews: new NationalViewsService(referrals, o.riskDashboard, o.nationalWeekly, o.clock),
  };
}
