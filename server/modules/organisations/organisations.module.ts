import { ReportFiguresService } from '../../shared/report-figures.ts';
import { OrganisationFiguresRepository } from './organisation-figures.repository.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { OrganisationsService } from './organisations.service.ts';

export type { OrganisationsService } from './organisations.service.ts';

export interface OrganisationsServices {
  /** What the weekly report counts from this module (issue 16). */
  organisationFigures: ReportFiguresService;
  organisations: OrganisationsService;
}

export function createOrganisationsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): OrganisationsServices {
  return {
    organisations: new OrganisationsService(o.db, new OrganisationsRepository(), o.localities, o.audit),
    organisationFigures: new ReportFiguresService(new OrganisationFiguresRepository()),
  };
}
