import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { plansContract as c } from '../../../core/contracts/plans.ts';
import { route, sheetRoutes } from '../../http/contract-route.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const plansRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const { plans, committees, planActivation, readiness } = services;
  route(app, c.getPlans, async (req) => plans.list(actorOf(req), req.query));
  sheetRoutes(app, c.getPlansExport, c.getPlansExportCsv, (req) => plans.exportXlsx(actorOf(req), req.query));
  route(app, c.getPlansUnit, async (req) => plans.unitPlan(actorOf(req), req.params.unitId));
  route(app, c.postPlansUnitVersions, async (req, reply) =>
    reply.status(201).send(await plans.save(actorOf(req), req.params.unitId, req.body)),
  );
  route(app, c.postPlansVersionSubmit, async (req) => plans.submit(actorOf(req), req.params.id));
  route(app, c.postPlansVersionReview, async (req) => plans.review(actorOf(req), req.params.id, req.body));
  route(app, c.getPlansCommittee, async (req) => committees.get(actorOf(req), req.params.unitId));
  route(app, c.putPlansCommitteeMembers, async (req) =>
    committees.putMembers(actorOf(req), req.params.unitId, req.body),
  );
  route(app, c.postPlansCommitteeState, async (req) => committees.setState(actorOf(req), req.params.unitId, req.body));
  route(app, c.getPlansActivations, async (req) =>
    planActivation.list(actorOf(req), req.query.unit, req.query.open ?? false),
  );
  route(app, c.postPlansActivationTaskDone, async (req) => planActivation.completeTask(actorOf(req), req.params.id));
  route(app, c.getPlansWhatIf, async (req) => planActivation.whatIf(actorOf(req), req.query.unit, req.query.level));
  route(app, c.getPlansReadiness, async (req) => readiness.forUnit(actorOf(req), req.query));
  route(app, c.getPlansReadinessArea, async (req) => readiness.forArea(actorOf(req), req.query));
  sheetRoutes(app, c.getPlansReadinessAreaExport, c.getPlansReadinessAreaExportCsv, (req) =>
    readiness.exportArea(actorOf(req), req.query),
  );
};
