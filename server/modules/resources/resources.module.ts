import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { AvailabilityRepository } from './availability.repository.ts';
import { AvailabilityService } from './availability.service.ts';

export type { Availability, AvailabilityOptions, AvailabilityService } from './availability.service.ts';

export interface ResourcesServices {
  /** What a unit has (forces by kind, usable stock by item): read by the plans module's readiness. */
  resources: AvailabilityService;
}

export function createResourcesModule(o: {
  db: Db;
  units: UnitsService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  clock?: () => Date;
}): ResourcesServices {
  return {
    resources: new AvailabilityService(new AvailabilityRepository(), o.localities, o.clock),
  };
}
