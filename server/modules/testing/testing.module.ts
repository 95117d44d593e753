import { ReportFiguresService } from '../../shared/report-figures.ts';
import { TestingFiguresRepository } from './testing-figures.repository.ts';
import type { CaseView, CreateCaseRequest } from '../../../core/schemas/cases.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people.module.ts';
import { CampaignsRepository } from './campaigns.repository.ts';
import { CampaignsService } from './campaigns.service.ts';
import { ScreeningCampaignsService } from './screening-campaigns.service.ts';
import { TestingRepository } from './testing.repository.ts';
import { TestingService } from './testing.service.ts';

export type { NewOrder } from './testing.repository.ts';
export type { TestingService } from './testing.service.ts';
export type { ScreeningCampaignsService } from './screening-campaigns.service.ts';

export interface TestingServices {
  /** What the weekly report counts from this module (issue 16). */
  testingFigures: ReportFiguresService;
  testing: TestingService;
  campaigns: CampaignsService;
  /** An organisation's screening campaign (issue 15): the screening order command opens and names it. */
  screeningCampaigns: ScreeningCampaignsService;
}

export function createTestingModule(o: {
  db: Db;
  peopleRegistry: PeopleRegistryService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  /** How an accepted case proposal becomes a case: the case registration command. */
  registerCase: (actor: Actor, req: CreateCaseRequest) => Promise<CaseView>;
}): TestingServices {
  const testingRepo = new TestingRepository();
  const campaignsRepo = new CampaignsRepository();
  return {
    testingFigures: new ReportFiguresService(new TestingFiguresRepository()),
    testing: new TestingService({
      db: o.db,
      testing: testingRepo,
      campaigns: campaignsRepo,
      registry: o.peopleRegistry,
      localities: o.localities,
      audit: o.audit,
      registerCase: o.registerCase,
    }),
    campaigns: new CampaignsService(o.db, campaignsRepo, testingRepo, o.peopleRegistry, o.localities, o.audit),
    screeningCampaigns: new ScreeningCampaignsService(campaignsRepo, o.audit),
  };
}
