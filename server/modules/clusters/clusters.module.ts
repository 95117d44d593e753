import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { ClustersRepository } from './clusters.repository.ts';
import { ClustersService } from './clusters.service.ts';

export interface ClustersServices {
  clusters: ClustersService;
}

export function createClustersModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): ClustersServices {
  return { clusters: new ClustersService(o.db, new ClustersRepository(), o.localities, o.audit) };
}
