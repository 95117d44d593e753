import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { DiseaseProfilesRepository } from './disease-profiles.repository.ts';
import { DiseaseProfilesService } from './disease-profiles.service.ts';

export type { DiseaseProfileSummary } from './disease-profiles.service.ts';
export type { DiseaseProfilesService } from './disease-profiles.service.ts';

export interface DiseaseProfilesServices {
  diseaseProfiles: DiseaseProfilesService;
}

export function createDiseaseProfilesModule(o: { db: Db; audit: AuditTrailService }): DiseaseProfilesServices {
  return { diseaseProfiles: new DiseaseProfilesService(o.db, new DiseaseProfilesRepository(), o.audit) };
}
