import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { LinelistStagingRepository } from './linelist-staging.repository.ts';
import { LinelistRepository } from './linelist.repository.ts';
import { LinelistService } from './linelist.service.ts';

export interface LinelistServices {
  linelist: LinelistService;
}

export function createLinelistModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
  diseaseProfiles: DiseaseProfilesService;
}): LinelistServices {
  return {
    linelist: new LinelistService(
      o.db,
      new LinelistRepository(),
      o.localities,
      o.audit,
      o.diseaseProfiles,
      new LinelistStagingRepository(),
    ),
  };
}
