import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  completenessQuery,
  consolidatedReportQuery,
  completenessView,
  reportFormQuery,
  reportView,
  reviewReportRequest,
  saveDraftRequest,
  submitReportRequest,
} from '../schemas/reports.ts';

const idParams = z.object({ id: z.string().uuid() });

export const reportsContract = defineRoutes(['reports'], {
  getReportsForm: {
    method: 'GET',
    path: '/reports/form',
    summary: "A unit's report for a period, prefilled with what phongdich counted for its area",
    query: reportFormQuery,
    answer: reportView,
  },
  postReportsDrafts: {
    method: 'POST',
    path: '/reports/drafts',
    summary: 'Save the draft (a changed computed figure needs its reason)',
    body: saveDraftRequest,
    answer: reportView,
  },
  postReportsSubmissions: {
    method: 'POST',
    path: '/reports/submissions',
    summary: 'Submit the report (one submission per client key; later versions need a reason)',
    body: submitReportRequest,
    answer: reportView,
    status: 201,
  },
  getReportsById: {
    method: 'GET',
    path: '/reports/:id',
    summary: 'A report with its versions and reviews',
    params: idParams,
    answer: reportView,
  },
  postReportsReview: {
    method: 'POST',
    path: '/reports/:id/review',
    summary: 'Accept (locks) or return (with a comment) the submitted version',
    params: idParams,
    body: reviewReportRequest,
    answer: reportView,
  },
  getReportsCompleteness: {
    method: 'GET',
    path: '/reports/completeness',
    summary: 'Expected, submitted, on time, late and missing units of a period (keyset paged by unit code)',
    query: completenessQuery,
    answer: completenessView,
  },
  ...sheetExportRoutes('getReportsCompletenessExport', '/reports/completeness/export', {
    summary: 'Completeness of a period',
    query: completenessQuery.omit({ after: true, limit: true }),
  }),
  getReportsConsolidatedPdf: {
    method: 'GET',
    path: '/reports/consolidated.pdf',
    summary: "The province's consolidated report of a period (BÁO CÁO, Decree 30 layout)",
    query: consolidatedReportQuery,
  },
  getReportsConsolidatedXlsx: {
    method: 'GET',
    path: '/reports/consolidated.xlsx',
    summary: "The province's consolidated report of a period as a workbook: figures, units' texts, completeness",
    query: consolidatedReportQuery,
  },
});
