import { ReportFiguresService } from '../../shared/report-figures.ts';
import { QuarantineFiguresRepository } from './quarantine-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import { QrTokenSigner } from '../../shared/qr-token.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import type { TestingService } from '../testing/testing.module.ts';
import { QuarantineRepository } from './quarantine.repository.ts';
import { HomeMonitoringService } from './home-monitoring.service.ts';
import { QuarantineRegisterService } from './quarantine-register.service.ts';
import { QuarantineService, type QuarantineDeps } from './quarantine.service.ts';

export interface QuarantineServices {
  /** What the weekly report counts from this module (issue 16). */
  quarantineFigures: ReportFiguresService;
  quarantine: QuarantineService;
  quarantineRegister: QuarantineRegisterService;
  homeMonitoring: HomeMonitoringService;
}

/** `signing` signs the links printed on quarantine documents (previous secrets still verify). */
export function createQuarantineModule(o: {
  db: Db;
  signing: readonly [string, ...string[]];
  testing: TestingService;
  diseaseProfiles: DiseaseProfilesService;
  peopleRegistry: PeopleRegistryService;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): QuarantineServices {
  const deps: QuarantineDeps = {
    db: o.db,
    quarantine: new QuarantineRepository(),
    testing: o.testing,
    profiles: o.diseaseProfiles,
    registry: o.peopleRegistry,
    localities: o.localities,
    audit: o.audit,
    links: new QrTokenSigner(o.signing, 'M1'),
  };
  return {
    quarantineFigures: new ReportFiguresService(new QuarantineFiguresRepository()),
    quarantine: new QuarantineService(deps),
    quarantineRegister: new QuarantineRegisterService(deps),
    homeMonitoring: new HomeMonitoringService(deps),
  };
}
