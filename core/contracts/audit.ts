import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  auditActorView,
  auditAlertView,
  auditEventView,
  listAuditActorsQuery,
  listAuditAlertsQuery,
  listAuditQuery,
} from '../schemas/audit.ts';
import { pageOf } from '../schemas/common.ts';

export const auditContract = defineRoutes(['audit'], {
  getAudit: {
    method: 'GET',
    path: '/audit',
    summary: 'Audit log, newest first (keyset paged)',
    query: listAuditQuery,
    answer: pageOf(auditEventView),
  },
  ...sheetExportRoutes('getAuditExport', '/audit/export', {
    summary: 'Export the audit log',
    query: listAuditQuery.omit({ after: true, limit: true }),
  }),
  getAuditActors: {
    method: 'GET',
    path: '/audit/actors',
    summary: "Accounts of the reader's area found by name (the audit log's user filter), keyset paged",
    query: listAuditActorsQuery,
    answer: pageOf(auditActorView),
  },
  getAuditAlerts: {
    method: 'GET',
    path: '/audit/alerts',
    summary: 'Alerts: every export, and accounts reading unusually many people (keyset paged)',
    query: listAuditAlertsQuery,
    answer: pageOf(auditAlertView),
  },
  ...sheetExportRoutes('getAuditAlertsExport', '/audit/alerts/export', {
    summary: 'Export the alerts',
    query: listAuditAlertsQuery.omit({ after: true, limit: true }),
  }),
});
