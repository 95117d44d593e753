import type { Db } from '../db/database.ts';
import type { AuditTrailService } from '../modules/audit/audit.module.ts';
import type { CasesService } from '../modules/cases/cases.module.ts';
import type { ExposureService } from '../modules/exposure/exposure.module.ts';
import type { PeopleRegistryService } from '../modules/people/people.module.ts';
import type { TracingService } from '../modules/tracing/tracing.module.ts';

/** The services a case command uses; `AppServices` has them all, so callers pass it as it is. */
export interface CaseCommandDeps {
  db: Db;
  cases: CasesService;
  tracing: TracingService;
  peopleRegistry: PeopleRegistryService;
  auditTrail: AuditTrailService;
  /** Publishes the case's stays at venues as exposure entries (issue 20). */
  exposure: ExposureService;
}
