import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { OrganisationsService } from './organisations.service.ts';

export type { OrganisationsService } from './organisations.service.ts';

export interface OrganisationsServices {
  organisations: OrganisationsService;
}

export function createOrganisationsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): OrganisationsServices {
  return { organisations: new OrganisationsService(o.db, new OrganisationsRepository(), o.localities, o.audit) };
}
