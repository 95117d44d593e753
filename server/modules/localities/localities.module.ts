import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { LocalitiesRepository } from './localities.repository.ts';
import { LocalitiesService } from './localities.service.ts';
import { NationalPlacesService } from './national-places.service.ts';

export type { LocalitiesService } from './localities.service.ts';
export type { NationalPlacesService } from './national-places.service.ts';

export interface LocalitiesServices {
  localities: LocalitiesService;
  nationalPlaces: NationalPlacesService;
}

export function createLocalitiesModule(o: { db: Db; audit: AuditTrailService }): LocalitiesServices {
  return {
    localities: new LocalitiesService(o.db, new LocalitiesRepository(), o.audit),
    nationalPlaces: new NationalPlacesService(),
  };
}
