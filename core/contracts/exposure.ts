import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { okBody, pageOf } from '../schemas/common.ts';
import {
  mySelfReportsView,
  caseStaysView,
  listPendingExposureQuery,
  markTransmissionRiskRequest,
  markTransmissionRiskResult,
  pendingExposureView,
  exposureCounts,
  exposureCountsQuery,
  exposureKeyView,
  handleSelfReportRequest,
  selfReportRequest,
  selfReportResult,
  selfReportView,
} from '../schemas/exposure.ts';

const province = z.object({ province: z.string().regex(/^\d{2}$/, 'Mã tỉnh / Province code') });
const reportId = z.object({ id: z.uuid() });
const caseId = z.object({ id: z.uuid() });

export const exposureContract = defineRoutes(['exposure'], {
  getPublicExposureKey: {
    method: 'GET',
    path: '/public/exposure/key',
    summary: "The feed's Ed25519 public key (the phone pins it)",
    answer: exposureKeyView,
  },
  getPublicExposureFeed: {
    method: 'GET',
    path: '/public/exposure/feeds/:province',
    summary: "A province's exposure entries (identifier and window, never a person): signed, ETag, compressed",
    params: province,
    fileAnswer: [mediaTypes.json],
  },
  postPublicSelfReports: {
    method: 'POST',
    path: '/public/self-reports',
    summary: 'Self-report of symptoms or a positive rapid test, with consent (session of the phone)',
    body: selfReportRequest,
    answer: selfReportResult,
    status: 201,
    citizenSession: true,
  },
  putPublicSelfReportsPhoto: {
    method: 'PUT',
    path: '/public/self-reports/:id/photo',
    summary: 'The photo of the rapid test (JPEG, PNG or WebP as the body, ≤ 2 MB)',
    params: reportId,
    upload: [mediaTypes.jpeg, mediaTypes.png, mediaTypes.webp],
    answer: okBody,
    citizenSession: true,
  },
  postSelfReportsHandle: {
    method: 'POST',
    path: '/self-reports/:id/handle',
    summary: 'A self-report handled by the commune; its published entries confirmed or withdrawn',
    params: reportId,
    body: handleSelfReportRequest,
    answer: selfReportView,
  },
  getSelfReportsPhoto: {
    method: 'GET',
    path: '/self-reports/:id/photo',
    summary: 'The photo of a self-reported test',
    params: reportId,
    fileAnswer: [mediaTypes.jpeg, mediaTypes.png, mediaTypes.webp],
  },
  getExposureCounts: {
    method: 'GET',
    path: '/exposure/counts',
    summary: 'Counts only: entries published per venue and day, feed fetches, self-reports received and handled',
    query: exposureCountsQuery,
    answer: exposureCounts,
  },
  getExposurePending: {
    method: 'GET',
    path: '/exposure/pending',
    summary: 'Self-reports whose published check-ins wait in the feed as pending: confirm or withdraw them',
    query: listPendingExposureQuery,
    answer: pageOf(pendingExposureView),
  },
  ...sheetExportRoutes('getExposurePendingExport', '/exposure/pending/export', {
    summary: 'Pending exposure entries by self-report',
    query: listPendingExposureQuery.omit({ after: true, limit: true }),
  }),
  getCasesExposureStays: {
    method: 'GET',
    path: '/cases/:id/exposure-stays',
    summary: "The case's own check-ins over the retention period, and whether each is in the exposure feed",
    params: caseId,
    answer: caseStaysView,
  },
  postCasesExposureStays: {
    method: 'POST',
    path: '/cases/:id/exposure-stays',
    summary: 'A stay of the case at a venue marked as a transmission risk: published to the feed (never who)',
    params: caseId,
    body: markTransmissionRiskRequest,
    answer: markTransmissionRiskResult,
    status: 201,
  },
  postPublicMeSelfReports: {
    method: 'POST',
    path: '/public/me/self-reports',
    summary: 'My self-reports and what became of them (session of the phone; the latest 50)',
    body: z.object({}),
    answer: mySelfReportsView,
    citizenSession: true,
  },
});
