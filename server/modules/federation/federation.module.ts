import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NationalPlacesService } from '../localities/national-places.service.ts';
import type { RiskDashboardService } from '../risk/risk-dashboard.service.ts';
import { NationalDirectiveNotices, type DirectiveNoticeDeps } from './national-directive-notices.ts';
import {
  NationalDirectivePayloads,
  type DirectiveDiseaseProfiles,
  type DirectiveRuleSets,
} from './national-directive-payloads.ts';
import { NationalDirectivesRepository } from './national-directives.repository.ts';
import { NationalDirectivesService } from './national-directives.service.ts';
import { NationalViewsService, type NationalWeeklySource } from './national-views.service.ts';
import { ReferralsRepository } from './referrals.repository.ts';
import { ReferralsService } from './referrals.service.ts';

export type { IncomingReferral, ReferralInput } from './referrals.service.ts';
export type { ReferralsService, NationalDirectivesService, NationalViewsService, NationalWeeklySource };
export type { NationalDirectiveNotices };

export interface FederationServices {
  referrals: ReferralsService;
  /** National directives, rule-set and disease-profile versions: issued on the hub, acknowledged (or adopted) in a province. */
  nationalDirectives: NationalDirectivesService;
  /** A province's announcement of the national directives that arrived (a polling job). */
  nationalDirectiveNotices: NationalDirectiveNotices;
  /** The hub's national dashboard and weekly report. */
  nationalViews: NationalViewsService;
}

export function createFederationModule(o: {
  db: Db;
  audit: AuditTrailService;
  nationalPlaces: NationalPlacesService;
  federation: FederationConfig | undefined;
  riskDashboard: Pick<RiskDashboardService, 'national'>;
  ruleSets: DirectiveRuleSets;
  diseaseProfiles: DirectiveDiseaseProfiles;
  notices: DirectiveNoticeDeps;
  nationalWeekly: NationalWeeklySource;
  clock?: () => Date;
}): FederationServices {
  const referrals = new ReferralsService(o.db, new ReferralsRepository(), o.audit, o.nationalPlaces, o.federation);
  const directivesRepo = new NationalDirectivesRepository();
  return {
    referrals,
    nationalDirectives: new NationalDirectivesService(
      o.db,
      directivesRepo,
      o.audit,
      o.nationalPlaces,
      new NationalDirectivePayloads(o.db, o.audit, o.ruleSets, o.diseaseProfiles),
      o.federation,
      o.clock,
    ),
    nationalDirectiveNotices: new NationalDirectiveNotices(o.db, directivesRepo, o.notices, o.federation),
    nationalViews: new NationalViewsService(referrals, o.riskDashboard, o.nationalWeekly, o.clock),
  };
}
