import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { UnitsRepository } from './units.repository.ts';
import { UnitsService } from './units.service.ts';

export type { OfficerRecord, UnitRecord, UnitsService } from './units.service.ts';

export interface UnitsServices {
  units: UnitsService;
}

export function createUnitsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): UnitsServices {
  return { units: new UnitsService(o.db, new UnitsRepository(), o.localities, o.audit) };
}
