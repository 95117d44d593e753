import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { OrganisationsRepository } from './organisations.repository.ts';
import { OrganisationsService } from './organisations.service.ts';
import { RostersRepository } from './rosters.repository.ts';
import { RostersService } from './rosters.service.ts';

export type { OrganisationsService } from './organisations.service.ts';
export type { RostersService } from './rosters.service.ts';

export interface OrganisationsServices {
  organisations: OrganisationsService;
  rosters: RostersService;
}

export function createOrganisationsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): OrganisationsServices {
  const repo = new OrganisationsRepository();
  return {
    organisations: new OrganisationsService(o.db, repo, o.localities, o.audit),
    rosters: new RostersService(o.db, repo, new RostersRepository(), o.audit),
  };
}
