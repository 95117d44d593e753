import { z } from 'zod';
import { defineRoutes, mediaTypes } from './contract.ts';
import { assessmentTemplate } from '../schemas/assessment-template.ts';
import { otpAnswer, otpChallenge } from '../schemas/declarations.ts';
import { pageOf } from '../schemas/common.ts';
import {
  assessmentView,
  decideOrganisationRequest,
  listAssessmentsQuery,
  listOrganisationsQuery,
  organisationView,
  registerOrganisationRequest,
  submitAssessmentRequest,
  templateSummaryView,
} from '../schemas/organisations.ts';

const idParams = z.object({ id: z.string().uuid() });
const exportQuery = listOrganisationsQuery.omit({ after: true, limit: true });

export const organisationsContract = defineRoutes(['organisations'], {
  getOrganisations: {
    method: 'GET',
    path: '/organisations',
    summary: 'Organisations in scope, newest first (keyset paged); an organisation sees its own',
    query: listOrganisationsQuery,
    answer: pageOf(organisationView),
  },
  getOrganisationsExport: {
    method: 'GET',
    path: '/organisations/export.xlsx',
    summary: 'Export organisations to Excel',
    query: exportQuery,
  },
  getOrganisationsExportCsv: {
    method: 'GET',
    path: '/organisations/export.csv',
    summary: 'Export organisations to CSV',
    query: exportQuery,
  },
  postOrganisations: {
    method: 'POST',
    path: '/organisations',
    summary: 'Register an organisation (pending until the commune approves it); one per tax code',
    body: registerOrganisationRequest,
    answer: organisationView,
    status: 201,
  },
  postOrganisationsImport: {
    method: 'POST',
    path: '/organisations/import',
    summary: 'Import organisations (approved) from an .xlsx or .csv sent as the body: all rows or none',
    answer: z.object({ created: z.number().int() }),
    upload: [mediaTypes.xlsx, mediaTypes.csv],
  },
  getOrganisationsById: {
    method: 'GET',
    path: '/organisations/:id',
    summary: 'One organisation with its latest self-assessment',
    params: idParams,
    answer: organisationView,
  },
  postOrganisationsDecision: {
    method: 'POST',
    path: '/organisations/:id/decision',
    summary: 'Approve, reject, suspend or reinstate an organisation',
    params: idParams,
    body: decideOrganisationRequest,
    answer: organisationView,
  },
  postOrganisationsAssessments: {
    method: 'POST',
    path: '/organisations/:id/assessments',
    summary: 'Submit a COVID-safety self-assessment (scored on the template; a resend stores one)',
    params: idParams,
    body: submitAssessmentRequest,
    answer: assessmentView,
    status: 201,
  },
  getOrganisationsAssessments: {
    method: 'GET',
    path: '/organisations/:id/assessments',
    summary: "An organisation's self-assessments, newest first (keyset paged)",
    params: idParams,
    query: listAssessmentsQuery,
    answer: pageOf(assessmentView),
  },
  postOrganisationsPhoneOtp: {
    method: 'POST',
    path: '/organisations/:id/phone-otp',
    summary: "Send a code to the COVID-safety contact's phone (as for venues)",
    params: idParams,
    answer: otpChallenge,
    /** Codes to one phone are limited per 10 minutes. */
    errors: [429],
  },
  postOrganisationsVerifyPhone: {
    method: 'POST',
    path: '/organisations/:id/verify-phone',
    summary: "Verify the COVID-safety contact's phone with the code",
    params: idParams,
    body: otpAnswer,
    answer: z.object({ verifiedAt: z.string() }),
  },
  getAssessmentTemplates: {
    method: 'GET',
    path: '/assessment-templates',
    summary: 'Self-assessment templates (latest version of each)',
    answer: z.object({ items: z.array(templateSummaryView) }),
  },
  getAssessmentTemplatesByCode: {
    method: 'GET',
    path: '/assessment-templates/:code',
    summary: 'A self-assessment template, latest version: its items, options, points and consequences',
    params: z.object({ code: z.string().max(48) }),
    answer: assessmentTemplate,
  },
});
