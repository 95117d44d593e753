import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { pageOf, pageQuery } from '../schemas/common.ts';
import { campaignProgress, campaignSamplesRequest, campaignSamplesResult, campaignView, caseProposalView, createCampaignRequest, createOrderRequest, listCampaignsQuery, listCaseProposalsQuery, listOrdersQuery, orderView, poolResultsRequest, poolView, recordSampleRequest, resultsOutcome, sampleResultsRequest, sampleView } from '../schemas/testing.ts';

const idParams = z.object({ id: z.string().uuid() });
const codeParams = z.object({ code: z.string().max(40) });

export const testingContract = defineRoutes(['testing'], {
  getTestingOrders: {
    method: 'GET',
    path: '/testing/orders',
    summary: 'Test orders in scope, earliest due first (keyset paged)',
    query: listOrdersQuery,
    answer: pageOf(orderView),
  },
  getTestingOrdersExport: {
    method: 'GET',
    path: '/testing/orders/export.xlsx',
    summary: 'Export test orders to Excel',
    query: listOrdersQuery.omit({ after: true, limit: true }),
  },
  postTestingOrders: {
    method: 'POST',
    path: '/testing/orders',
    summary: 'Order a test for a person',
    body: createOrderRequest,
    answer: orderView,
    status: 201,
  },
  postTestingSamples: {
    method: 'POST',
    path: '/testing/samples',
    summary: 'Record a sample taken (for an order, or from a person)',
    body: recordSampleRequest,
    answer: sampleView,
    status: 201,
  },
  getTestingSamplesByCode: {
    method: 'GET',
    path: '/testing/samples/:code',
    summary: 'One sample and its result (the read is logged)',
    params: codeParams,
    answer: sampleView,
  },
  postTestingResults: {
    method: 'POST',
    path: '/testing/results',
    summary: 'Individual results; a positive RT-PCR proposes a case',
    body: sampleResultsRequest,
    answer: resultsOutcome,
  },
  postTestingPoolsResults: {
    method: 'POST',
    path: '/testing/pools/results',
    summary: 'Pool results; positive or failed pools order individual re-tests of their members',
    body: poolResultsRequest,
    answer: resultsOutcome,
  },
  postTestingImport: {
    method: 'POST',
    path: '/testing/:kind/import',
    summary: "A lab's result sheet (.xlsx or .csv, columns code and result) for samples or pools",
    params: z.object({ kind: z.enum(['samples', 'pools']) }),
    answer: resultsOutcome,
  },
  getTestingCampaigns: {
    method: 'GET',
    path: '/testing/campaigns',
    summary: 'Mass-testing campaigns in scope',
    query: listCampaignsQuery,
    answer: pageOf(campaignView),
  },
  getTestingCampaignsExport: {
    method: 'GET',
    path: '/testing/campaigns/export.xlsx',
    summary: 'Export campaigns with their counts to Excel',
    query: listCampaignsQuery.omit({ after: true, limit: true }),
  },
  postTestingCampaigns: {
    method: 'POST',
    path: '/testing/campaigns',
    summary: 'Plan a mass-testing campaign for a commune or an area',
    body: createCampaignRequest,
    answer: campaignView,
    status: 201,
  },
  getTestingCampaignsById: {
    method: 'GET',
    path: '/testing/campaigns/:id',
    summary: 'One campaign with its counts',
    params: idParams,
    answer: campaignView,
  },
  getTestingCampaignsProgress: {
    method: 'GET',
    path: '/testing/campaigns/:id/progress',
    summary: 'Sampled, resulted and positive per day, coverage of the target population',
    params: idParams,
    answer: campaignProgress,
  },
  getTestingCampaignsPools: {
    method: 'GET',
    path: '/testing/campaigns/:id/pools',
    summary: "A campaign's pools with their results (keyset paged by code)",
    params: idParams,
    query: pageQuery,
    answer: pageOf(poolView),
  },
  postTestingCampaignsSamples: {
    method: 'POST',
    path: '/testing/campaigns/:id/samples',
    summary: 'Record a batch of campaign samples, pooled in the order given',
    params: idParams,
    body: campaignSamplesRequest,
    answer: campaignSamplesResult,
    status: 201,
  },
  getTestingCaseProposals: {
    method: 'GET',
    path: '/testing/case-proposals',
    summary: 'Positive RT-PCR results of people who are not cases yet',
    query: listCaseProposalsQuery,
    answer: pageOf(caseProposalView),
  },
  getTestingCaseProposalsExport: {
    method: 'GET',
    path: '/testing/case-proposals/export.xlsx',
    summary: 'Export case proposals to Excel',
    query: listCaseProposalsQuery.omit({ after: true, limit: true }),
  },
  postTestingCaseProposalsAccept: {
    method: 'POST',
    path: '/testing/case-proposals/:id/accept',
    summary: 'Register the proposed case (tracing starts)',
    params: idParams,
    answer: caseProposalView,
  },
  postTestingCaseProposalsDismiss: {
    method: 'POST',
    path: '/testing/case-proposals/:id/dismiss',
    summary: 'Dismiss a proposal (e.g. an old infection, a lab error)',
    params: idParams,
    answer: caseProposalView,
  },
});
