import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NationalPlacesService } from '../localities/national-places.service.ts';
import { ReferralsRepository } from './referrals.repository.ts';
import { ReferralsService } from './referrals.service.ts';

export type { IncomingReferral, ReferralInput } from './referrals.service.ts';
export type { ReferralsService };

export interface FederationServices {
  referrals: ReferralsService;
}

export function createFederationModule(o: {
  db: Db;
  audit: AuditTrailService;
  nationalPlaces: NationalPlacesService;
  federation: FederationConfig | undefined;
}): FederationServices {
  return { referrals: new ReferralsService(o.db, new ReferralsRepository(), o.audit, o.nationalPlaces, o.federation) };
}
