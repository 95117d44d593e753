import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { OtpService } from '../otp/otp.module.ts';
import { VenuePhoneService } from './venue-phone.service.ts';
import { VenuesRepository } from './venues.repository.ts';
import { VenuesService } from './venues.service.ts';

export interface VenuesServices {
  venues: VenuesService;
  venuePhone: VenuePhoneService;
}

export function createVenuesModule(o: {
  db: Db;
  localities: LocalitiesService;
  otp: OtpService;
  audit: AuditTrailService;
}): VenuesServices {
  const repo = new VenuesRepository();
  return {
    venues: new VenuesService(o.db, repo, o.localities, o.audit),
    venuePhone: new VenuePhoneService(o.db, repo, o.otp, o.audit),
  };
}
