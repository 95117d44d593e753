import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { AvailabilityRepository } from './availability.repository.ts';
import { AvailabilityService } from './availability.service.ts';
import { ForcesRepository } from './forces.repository.ts';
import { ForcesService } from './forces.service.ts';
import { StockMovementsService } from './stock-movements.service.ts';
import { StockRepository } from './stock.repository.ts';
import { StockService } from './stock.service.ts';
import { SupportRepository } from './support.repository.ts';
import { SupportService } from './support.service.ts';

export type { Availability, AvailabilityOptions, AvailabilityService } from './availability.service.ts';
export type { StockService } from './stock.service.ts';
export type { ForcesService } from './forces.service.ts';
export type { SupportService } from './support.service.ts';
export type { StockMovementsService } from './stock-movements.service.ts';

export interface ResourcesServices {
  /** What a unit has (forces by kind, usable stock by item): read by the plans module's readiness. */
  resources: AvailabilityService;
  resourceStock: StockService;
  resourceMovements: StockMovementsService;
  resourceForces: ForcesService;
  resourceSupport: SupportService;
}

export function createResourcesModule(o: {
  db: Db;
  units: UnitsService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  clock?: () => Date;
}): ResourcesServices {
  const repo = new StockRepository();
  const stock = new StockService({ ...o, repo });
  return {
    resources: new AvailabilityService(new AvailabilityRepository(), o.localities, o.clock),
    resourceStock: stock,
    resourceMovements: new StockMovementsService({ db: o.db, repo, audit: o.audit, stock, clock: o.clock }),
    resourceForces: new ForcesService({ ...o, repo: new ForcesRepository() }),
    resourceSupport: new SupportService({ ...o, repo: new SupportRepository() }),
  };
}
