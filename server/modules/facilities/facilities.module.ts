import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { FacilitiesRepository } from './facilities.repository.ts';
import { FacilitiesService } from './facilities.service.ts';
import { FacilityStaffRepository } from './facility-staff.repository.ts';
import { FacilityStaffService } from './facility-staff.service.ts';

export type { CapacityRow, FacilityRecord, FacilitySet } from './facilities.repository.ts';
export type { FacilitiesService } from './facilities.service.ts';
export type { FacilityStaffService } from './facility-staff.service.ts';

export interface FacilitiesServices {
  facilities: FacilitiesService;
  /** Which facilities each facility staff account serves (read on each of its requests). */
  facilityStaff: FacilityStaffService;
}

export function createFacilitiesModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): FacilitiesServices {
  const repo = new FacilitiesRepository();
  return {
    facilities: new FacilitiesService(o.db, repo, o.localities, o.audit),
    facilityStaff: new FacilityStaffService(o.db, new FacilityStaffRepository(), repo, o.localities, o.audit),
  };
}
