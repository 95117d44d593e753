import type { JobQueue } from '../../jobs/job-queue.ts';
import type { FacilitiesService } from '../facilities/facilities.module.ts';
import { ActivationService, type DecidedLevels } from './activation.service.ts';
import { ReportFiguresService } from '../../shared/report-figures.ts';
import { CommitteesService } from './committees.service.ts';
import { planFigures } from './plan-figures.ts';
import { facilityPlaces, resourceHoldings, type UnitsAvailability } from './place-capacity.ts';
import { PlansContext, type PlansDeps } from './plans-context.ts';
import { PlansRepository } from './plans.repository.ts';
import { PlansService } from './plans.service.ts';
import { ReadinessService } from './readiness.service.ts';

export type { ActivationService } from './activation.service.ts';
export type { CommitteesService } from './committees.service.ts';
export type { PlansService } from './plans.service.ts';
export type { ReadinessService, ResourceHoldings, UnitHoldings } from './readiness.service.ts';

export interface PlansServices {
  plans: PlansService;
  committees: CommitteesService;
  planActivation: ActivationService;
  readiness: ReadinessService;
  /** The weekly report's readiness figures. */
  planFigures: ReportFiguresService;
}

/** Response plans, steering committees, activation by level and readiness (issue 18). */
export function createPlansModule(
  o: PlansDeps & {
    jobQueue: JobQueue;
    decidedLevels: DecidedLevels;
    /** The resources module: what each unit has. */
    resources: UnitsAvailability;
    facilities: FacilitiesService;
  },
): PlansServices {
  const c = new PlansContext(o, new PlansRepository());
  const readiness = new ReadinessService(c, resourceHoldings(o.resources), facilityPlaces(o.facilities));
  return {
    plans: new PlansService(c),
    committees: new CommitteesService(c),
    planActivation: new ActivationService(c, o.jobQueue, o.decidedLevels, readiness),
    readiness,
    planFigures: new ReportFiguresService(planFigures(readiness, o.units)),
  };
}
