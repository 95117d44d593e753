import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  admissionRow,
  admissionView,
  admitRequest,
  extendRequest,
  listAdmissionsQuery,
  missingReportsQuery,
  monitoringReport,
  monitoringStatus,
  releaseRequest,
  transferRequest,
} from '../schemas/quarantine.ts';

const idParams = z.object({ id: z.string().uuid() });
const tokenParams = z.object({ token: z.string().max(100) });

export const quarantineContract = defineRoutes(['quarantine'], {
  getQuarantineAdmissions: {
    method: 'GET',
    path: '/quarantine/admissions',
    summary: 'Quarantine stays in scope, earliest end first (releases due); the read is logged',
    query: listAdmissionsQuery,
    answer: pageOf(admissionRow),
  },
  ...sheetExportRoutes('getQuarantineAdmissionsExport', '/quarantine/admissions/export', {
    summary: 'Export the quarantine register (one logged read)',
    query: listAdmissionsQuery.omit({ after: true, limit: true }),
  }),
  postQuarantineAdmissions: {
    method: 'POST',
    path: '/quarantine/admissions',
    summary: 'Admit a person: plan from the disease profile, tests ordered, QR red',
    body: admitRequest,
    answer: admissionView,
    status: 201,
  },
  getQuarantineAdmissionsById: {
    method: 'GET',
    path: '/quarantine/admissions/:id',
    summary: 'One stay with its tests and release check (the read is logged)',
    params: idParams,
    answer: admissionView,
  },
  postQuarantineAdmissionsExtend: {
    method: 'POST',
    path: '/quarantine/admissions/:id/extend',
    summary: 'Extend a stay; the release test moves to the new last day',
    params: idParams,
    body: extendRequest,
    answer: admissionView,
  },
  postQuarantineAdmissionsTransfer: {
    method: 'POST',
    path: '/quarantine/admissions/:id/transfer',
    summary: 'Move a stay to another facility',
    params: idParams,
    body: transferRequest,
    answer: admissionView,
  },
  postQuarantineAdmissionsRelease: {
    method: 'POST',
    path: '/quarantine/admissions/:id/release',
    summary: 'Release (needs the negative release test) or release early with a reason',
    params: idParams,
    body: releaseRequest,
    answer: admissionView,
  },
  getQuarantineAdmissionsDecision: {
    method: 'GET',
    path: '/quarantine/admissions/:id/decision.pdf',
    summary: 'Quarantine decision (QUYẾT ĐỊNH), Decree 30 layout',
    params: idParams,
  },
  getQuarantineAdmissionsCertificate: {
    method: 'GET',
    path: '/quarantine/admissions/:id/certificate.pdf',
    summary: 'Certificate of completed quarantine (GIẤY XÁC NHẬN), after a completed release',
    params: idParams,
    errors: [409],
  },
  getQuarantineMissingReports: {
    method: 'GET',
    path: '/quarantine/missing-reports',
    summary: 'People in quarantine who have not reported today: the calling list',
    query: missingReportsQuery,
    answer: pageOf(admissionRow),
  },
  getPublicMonitoringByToken: {
    method: 'GET',
    path: '/public/monitoring/:token',
    summary: 'What the daily report link shows (initials only)',
    params: tokenParams,
    answer: monitoringStatus,
  },
  postPublicMonitoringByToken: {
    method: 'POST',
    path: '/public/monitoring/:token',
    summary: "Today's temperature and symptoms; symptoms or fever order a test",
    params: tokenParams,
    body: monitoringReport,
    answer: monitoringStatus,
  },
});
