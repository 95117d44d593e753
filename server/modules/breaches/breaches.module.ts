import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { BreachesRepository } from './breaches.repository.ts';
import { BreachesService } from './breaches.service.ts';

export interface BreachesServices {
  breaches: BreachesService;
}

export function createBreachesModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): BreachesServices {
  return { breaches: new BreachesService(o.db, new BreachesRepository(), o.localities, o.audit) };
}
