import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { pageOf, pageQuery } from '../../../core/schemas/common.ts';
import {
  campaignProgress, campaignSamplesRequest, campaignSamplesResult, campaignView, caseProposalView, createCampaignRequest, createOrderRequest,
  listCampaignsQuery, listCaseProposalsQuery, listOrdersQuery, orderView, poolResultsRequest, poolView, recordSampleRequest, resultsOutcome,
  sampleResultsRequest, sampleView,
} from '../../../core/schemas/testing.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const idParams = z.object({ id: z.string().uuid() });
const codeParams = z.object({ code: z.string().max(40) });
const LAB_SHEET_LIMIT = 20 * 1024 * 1024;

export const testingRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['testing'];
  const svc = services.testing;
  const campaigns = services.campaigns;

  app.get('/testing/orders', {
    schema: { tags, summary: 'Test orders in scope, earliest due first (keyset paged)', querystring: listOrdersQuery, response: { 200: pageOf(orderView) } },
  }, async (req) => svc.listOrders(actorOf(req), req.query));

  app.get('/testing/orders/export.xlsx', {
    schema: { tags, summary: 'Export test orders to Excel', querystring: listOrdersQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportOrders(actorOf(req), req.query)));

  app.post('/testing/orders', {
    schema: { tags, summary: 'Order a test for a person', body: createOrderRequest, response: { 201: orderView } },
  }, async (req, reply) => reply.status(201).send(await svc.createOrder(actorOf(req), req.body)));

  app.post('/testing/samples', {
    schema: { tags, summary: 'Record a sample taken (for an order, or from a person)', body: recordSampleRequest, response: { 201: sampleView } },
  }, async (req, reply) => reply.status(201).send(await svc.recordSample(actorOf(req), req.body)));

  app.get('/testing/samples/:code', {
    schema: { tags, summary: 'One sample and its result (the read is logged)', params: codeParams, response: { 200: sampleView } },
  }, async (req) => svc.getSample(actorOf(req), req.params.code));

  app.post('/testing/results', {
    schema: { tags, summary: 'Individual results; a positive RT-PCR proposes a case', body: sampleResultsRequest, response: { 200: resultsOutcome } },
  }, async (req) => svc.sampleResults(actorOf(req), req.body));

  app.post('/testing/pools/results', {
    schema: { tags, summary: 'Pool results; positive or failed pools order individual re-tests of their members', body: poolResultsRequest, response: { 200: resultsOutcome } },
  }, async (req) => svc.poolResults(actorOf(req), req.body));

  app.post('/testing/:kind/import', {
    bodyLimit: LAB_SHEET_LIMIT,
    schema: { tags, summary: "A lab's result sheet (.xlsx or .csv, columns code and result) for samples or pools", params: z.object({ kind: z.enum(['samples', 'pools']) }), response: { 200: resultsOutcome } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    return svc.importResults(actorOf(req), req.params.kind, req.body, req.headers['content-type'] ?? '');
  });

  app.get('/testing/campaigns', {
    schema: { tags, summary: 'Mass-testing campaigns in scope', querystring: listCampaignsQuery, response: { 200: pageOf(campaignView) } },
  }, async (req) => campaigns.list(actorOf(req), req.query));

  app.get('/testing/campaigns/export.xlsx', {
    schema: { tags, summary: 'Export campaigns with their counts to Excel', querystring: listCampaignsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await campaigns.exportXlsx(actorOf(req), req.query)));

  app.post('/testing/campaigns', {
    schema: { tags, summary: 'Plan a mass-testing campaign for a commune or an area', body: createCampaignRequest, response: { 201: campaignView } },
  }, async (req, reply) => reply.status(201).send(await campaigns.create(actorOf(req), req.body)));

  app.get('/testing/campaigns/:id', {
    schema: { tags, summary: 'One campaign with its counts', params: idParams, response: { 200: campaignView } },
  }, async (req) => campaigns.get(actorOf(req), req.params.id));

  app.get('/testing/campaigns/:id/progress', {
    schema: { tags, summary: 'Sampled, resulted and positive per day, coverage of the target population', params: idParams, response: { 200: campaignProgress } },
  }, async (req) => campaigns.progress(actorOf(req), req.params.id));

  app.get('/testing/campaigns/:id/pools', {
    schema: { tags, summary: "A campaign's pools with their results (keyset paged by code)", params: idParams, querystring: pageQuery, response: { 200: pageOf(poolView) } },
  }, async (req) => campaigns.pools(actorOf(req), req.params.id, req.query));

  app.post('/testing/campaigns/:id/samples', {
    schema: { tags, summary: 'Record a batch of campaign samples, pooled in the order given', params: idParams, body: campaignSamplesRequest, response: { 201: campaignSamplesResult } },
  }, async (req, reply) => reply.status(201).send(await campaigns.addSamples(actorOf(req), req.params.id, req.body)));

  app.get('/testing/case-proposals', {
    schema: { tags, summary: 'Positive RT-PCR results of people who are not cases yet', querystring: listCaseProposalsQuery, response: { 200: pageOf(caseProposalView) } },
  }, async (req) => svc.listProposals(actorOf(req), req.query));

  app.get('/testing/case-proposals/export.xlsx', {
    schema: { tags, summary: 'Export case proposals to Excel', querystring: listCaseProposalsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportProposals(actorOf(req), req.query)));

  app.post('/testing/case-proposals/:id/accept', {
    schema: { tags, summary: 'Register the proposed case (tracing starts)', params: idParams, response: { 200: caseProposalView } },
  }, async (req) => svc.acceptProposal(actorOf(req), req.params.id));

  app.post('/testing/case-proposals/:id/dismiss', {
    schema: { tags, summary: 'Dismiss a proposal (e.g. an old infection, a lab error)', params: idParams, response: { 200: caseProposalView } },
  }, async (req) => svc.dismissProposal(actorOf(req), req.params.id));
};
