import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { ChainsRepository } from './chains.repository.ts';
import { ChainsService } from './chains.service.ts';

export interface ChainsServices {
  chains: ChainsService;
}

export function createChainsModule(o: {
  db: Db;
  localities: LocalitiesService;
  audit: AuditTrailService;
}): ChainsServices {
  return { chains: new ChainsService(o.db, new ChainsRepository(), o.localities, o.audit) };
}
