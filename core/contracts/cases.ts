import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  caseRow,
  caseView,
  createCaseRequest,
  dischargeCaseRequest,
  homeTreatmentRequest,
  listCasesQuery,
  updateCaseRequest,
} from '../schemas/cases.ts';
import { pageOf } from '../schemas/common.ts';
import { diseaseProfile } from '../schemas/disease-profile.ts';

const idParams = z.object({ id: z.string().uuid() });
const codeParams = z.object({ code: z.string().max(64) });
const profileSummary = z.object({
  code: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  version: z.number().int(),
  expandLevels: z.number().int(),
});

export const casesContract = defineRoutes(['cases'], {
  getCases: {
    method: 'GET',
    path: '/cases',
    summary: 'Cases in scope, newest confirmation first (keyset paged; the read is logged)',
    query: listCasesQuery,
    answer: pageOf(caseRow),
  },
  ...sheetExportRoutes('getCasesExport', '/cases/export', {
    summary: 'Export cases',
    query: listCasesQuery.omit({ after: true, limit: true }),
  }),
  postCases: {
    method: 'POST',
    path: '/cases',
    summary: 'Register a case (F0): its person turns red and F1s are proposed',
    body: createCaseRequest,
    answer: caseView,
    status: 201,
  },
  getCasesById: {
    method: 'GET',
    path: '/cases/:id',
    summary: 'One case (the read is logged)',
    params: idParams,
    answer: caseView,
  },
  patchCasesById: {
    method: 'PATCH',
    path: '/cases/:id',
    summary:
      'Update status, isolation, classification, cluster, treatment place ("treating" only through an admission; a case in treatment closes by discharge)',
    params: idParams,
    body: updateCaseRequest,
    answer: caseView,
  },
  postCasesHomeTreatment: {
    method: 'POST',
    path: '/cases/:id/home-treatment',
    summary:
      'Treat a case at home, without a bed (from a bed: the stay ends as a transfer home); the change is kept in its history',
    params: idParams,
    body: homeTreatmentRequest,
    answer: caseView,
  },
  postCasesDischarge: {
    method: 'POST',
    path: '/cases/:id/discharge',
    summary: 'End the treatment of a case, in a bed or at home: recovered, died or transferred out of the province',
    params: idParams,
    body: dischargeCaseRequest,
    answer: caseView,
  },
  getDiseaseProfiles: {
    method: 'GET',
    path: '/disease-profiles',
    summary: 'Disease profiles a case can be traced under',
    answer: z.array(profileSummary),
  },
  getDiseaseProfilesByCode: {
    method: 'GET',
    path: '/disease-profiles/:code',
    summary: 'One disease profile in full',
    params: codeParams,
    answer: diseaseProfile,
  },
  putDiseaseProfilesByCode: {
    method: 'PUT',
    path: '/disease-profiles/:code',
    summary: 'Save a disease profile as its next version (system administrators)',
    params: codeParams,
    body: diseaseProfile,
    answer: diseaseProfile,
  },
});
