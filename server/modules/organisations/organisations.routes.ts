import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationsContract as c } from '../../../core/contracts/organisations.ts';
import { route } from '../../http/contract-route.ts';
import { actorOf, sendCsv, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

export const organisationsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const svc = services.organisations;
  const assessments = services.organisationAssessments;

  route(app, c.getOrganisations, async (req) => svc.list(actorOf(req), req.query));
  route(app, c.getOrganisationsExport, async (req, reply) =>
    sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)),
  );
  route(app, c.getOrganisationsExportCsv, async (req, reply) =>
    sendCsv(reply, await svc.exportXlsx(actorOf(req), req.query)),
  );
  route(app, c.postOrganisations, async (req, reply) =>
    reply.status(201).send(await svc.register(actorOf(req), req.body)),
  );
  route(app, c.postOrganisationsImport, async (req) =>
    svc.importFile(actorOf(req), req.body as Buffer, req.headers['content-type'] ?? ''),
  );
  route(app, c.getOrganisationsById, async (req) => svc.get(actorOf(req), req.params.id));
  route(app, c.postOrganisationsDecision, async (req) => svc.decide(actorOf(req), req.params.id, req.body));
  route(app, c.postOrganisationsAssessments, async (req, reply) =>
    reply.status(201).send(await assessments.submitAssessment(actorOf(req), req.params.id, req.body)),
  );
  route(app, c.getOrganisationsAssessments, async (req) =>
    assessments.assessments(actorOf(req), req.params.id, req.query),
  );
  route(app, c.postOrganisationsPhoneOtp, async (req) =>
    services.organisationPhone.sendCode(actorOf(req), req.params.id),
  );
  route(app, c.postOrganisationsVerifyPhone, async (req) =>
    services.organisationPhone.verify(actorOf(req), req.params.id, req.body),
  );
  route(app, c.getAssessmentTemplates, async (req) => assessments.templates(actorOf(req)));
  route(app, c.getAssessmentTemplatesByCode, async (req) => assessments.template(actorOf(req), req.params.code));
};
