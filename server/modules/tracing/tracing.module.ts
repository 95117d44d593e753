import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CasesService } from '../cases/cases.module.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import { TracingRepository } from './tracing.repository.ts';
import { TracingService } from './tracing.service.ts';

export type { TracingService } from './tracing.service.ts';

export interface TracingServices {
  tracing: TracingService;
}

export function createTracingModule(o: {
  db: Db;
  cases: CasesService;
  diseaseProfiles: DiseaseProfilesService;
  registry: PeopleRegistryService;
  audit: AuditTrailService;
  localities: LocalitiesService;
}): TracingServices {
  return {
    tracing: new TracingService(
      o.db,
      new TracingRepository(),
      o.cases,
      o.diseaseProfiles,
      o.registry,
      o.audit,
      o.localities,
    ),
  };
}
