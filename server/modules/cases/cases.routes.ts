import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseRow, caseView, createCaseRequest, listCasesQuery, updateCaseRequest } from '../../../core/schemas/cases.ts';
import { pageOf } from '../../../core/schemas/common.ts';
import { diseaseProfile } from '../../../core/schemas/disease-profile.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { registerCase } from '../../commands/register-case.ts';
import { updateCase } from '../../commands/update-case.ts';

const idParams = z.object({ id: z.string().uuid() });
const codeParams = z.object({ code: z.string().max(64) });
const profileSummary = z.object({ code: z.string(), name: z.object({ vi: z.string(), en: z.string() }), version: z.number().int(), expandLevels: z.number().int() });

export const casesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['cases'];
  const svc = services.cases;

  app.get('/cases', {
    schema: { tags, summary: 'Cases in scope, newest confirmation first (keyset paged; the read is logged)', querystring: listCasesQuery, response: { 200: pageOf(caseRow) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/cases/export.xlsx', {
    schema: { tags, summary: 'Export cases to Excel', querystring: listCasesQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/cases', {
    schema: { tags, summary: 'Register a case (F0): its person turns red and F1s are proposed', body: createCaseRequest, response: { 201: caseView } },
  }, async (req, reply) => reply.status(201).send(await registerCase(services, actorOf(req), req.body)));

  app.get('/cases/:id', {
    schema: { tags, summary: 'One case (the read is logged)', params: idParams, response: { 200: caseView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.patch('/cases/:id', {
    schema: { tags, summary: 'Update status, isolation, classification, cluster, treatment place', params: idParams, body: updateCaseRequest, response: { 200: caseView } },
  }, async (req) => updateCase(services, actorOf(req), req.params.id, req.body));

  app.get('/disease-profiles', {
    schema: { tags, summary: 'Disease profiles a case can be traced under', response: { 200: z.array(profileSummary) } },
  }, async (req) => svc.diseaseProfiles(actorOf(req)));

  app.get('/disease-profiles/:code', {
    schema: { tags, summary: 'One disease profile in full', params: codeParams, response: { 200: diseaseProfile } },
  }, async (req) => svc.diseaseProfile(actorOf(req), req.params.code));

  app.put('/disease-profiles/:code', {
    config: { stepUp: true },
    schema: { tags, summary: 'Save a disease profile as its next version (system administrators)', params: codeParams, body: diseaseProfile, response: { 200: diseaseProfile } },
  }, async (req) => svc.saveDiseaseProfile(actorOf(req), req.params.code, req.body));
};
