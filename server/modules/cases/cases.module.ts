import { ReportFiguresService } from '../../shared/report-figures.ts';
import { CaseFiguresRepository } from './case-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.module.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { CaseCareRepository } from './case-care.repository.ts';
import { CaseCareService } from './case-care.service.ts';
import { CasesRepository } from './cases.repository.ts';
import { CasesService, type ContactCountsOf } from './cases.service.ts';

export type { CaseLink, CaseRecord } from './cases.repository.ts';
export { caseAuditSnapshot } from './cases.presenter.ts';
export type { CareMove, CareMoved, CaseCareService } from './case-care.service.ts';
export type { CaseSubject, CasesService, ContactCountsOf } from './cases.service.ts';

export interface CasesServices {
  /** What the weekly report counts from this module (issue 16). */
  caseFigures: ReportFiguresService;
  cases: CasesService;
  /** A case's care state (status and setting) and its history; commands pair it with treatment stays. */
  caseCare: CaseCareService;
}

export function createCasesModule(o: {
  db: Db;
  diseaseProfiles: DiseaseProfilesService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  contactCounts: ContactCountsOf;
}): CasesServices {
  const caseCare = new CaseCareService(new CaseCareRepository());
  return {
    caseFigures: new ReportFiguresService(new CaseFiguresRepository()),
    caseCare,
    cases: new CasesService({
      db: o.db,
      cases: new CasesRepository(),
      diseaseProfiles: o.diseaseProfiles,
      localities: o.localities,
      audit: o.audit,
      contactCounts: o.contactCounts,
      care: caseCare,
    }),
  };
}
