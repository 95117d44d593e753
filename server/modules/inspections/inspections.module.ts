import type { Db } from '../../db/database.ts';
import { ReportFiguresService } from '../../shared/report-figures.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { FollowUpService, type WorkplaceFollowUps } from './follow-up.service.ts';
import { InspectionAccess, type InspectedOrganisations } from './inspections.access.ts';
import { InspectionsRepository } from './inspections.repository.ts';
import { InspectionsService, type TeamDirectory } from './inspections.service.ts';
import { PhotoBlobsRepository } from './photo-blobs.repository.ts';
import { ViolationsRepository } from './violations.repository.ts';
import { ViolationsService, type InspectedPeople } from './violations.service.ts';
import { VisitsService } from './visits.service.ts';

export type { InspectionsService } from './inspections.service.ts';
export type { VisitsService } from './visits.service.ts';
export type { ViolationsService } from './violations.service.ts';
export type { FollowUpService } from './follow-up.service.ts';

export interface InspectionsServices {
  /** Plans, checklists and the Decree 117 catalogue (issue 17). */
  inspections: InspectionsService;
  inspectionVisits: VisitsService;
  violations: ViolationsService;
  inspectionFollowUp: FollowUpService;
  /** What the weekly report counts from this module: inspections done, violations, fines. */
  inspectionFigures: ReportFiguresService;
}

export function createInspectionsModule(o: {
  db: Db;
  units: UnitsService;
  localities: LocalitiesService;
  organisations: InspectedOrganisations;
  workplaceFollowUps: WorkplaceFollowUps;
  teamDirectory: TeamDirectory;
  people: InspectedPeople;
  audit: AuditTrailService;
  clock?: () => Date;
}): InspectionsServices {
  const repo = new InspectionsRepository();
  const violations = new ViolationsRepository();
  const access = new InspectionAccess(repo, o.units, o.organisations, o.audit);
  const inspections = new InspectionsService({ ...o, repo, violations, access });
  return {
    inspections,
    inspectionVisits: new VisitsService({
      ...o,
      repo,
      blobs: new PhotoBlobsRepository(),
      violations,
      access,
      plans: inspections,
    }),
    violations: new ViolationsService({ ...o, repo: violations, inspections: repo, access }),
    inspectionFollowUp: new FollowUpService({ ...o, repo: violations, access }),
    inspectionFigures: new ReportFiguresService(violations),
  };
}
