import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { FacilitiesService } from '../facilities/facilities.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { TreatmentRepository } from './treatment.repository.ts';
import { TreatmentService } from './treatment.service.ts';

export type { BedTaken, TreatmentService } from './treatment.service.ts';

export interface TreatmentServices {
  treatment: TreatmentService;
}

export function createTreatmentModule(o: {
  db: Db;
  facilities: FacilitiesService;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): TreatmentServices {
  return {
    treatment: new TreatmentService({
      db: o.db,
      stays: new TreatmentRepository(),
      facilities: o.facilities,
      localities: o.localities,
      audit: o.audit,
    }),
  };
}
