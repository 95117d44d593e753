import { defineRoutes } from './contract.ts';
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
  getAuditExport: {
    method: 'GET',
    path: '/audit/export.xlsx',
    summary: 'Export the audit log to Excel',
    query: listAuditQuery.omit({ after: true, limit: true }),
  },
  getAuditExportCsv: {
    method: 'GET',
    path: '/audit/export.csv',
    summary: 'Export the audit log to CSV',
    query: listAuditQuery.omit({ after: true, limit: true }),
  },
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
  getAuditAlertsExport: {
    method: 'GET',
    path: '/audit/alerts/export.xlsx',
    summary: 'Export the alerts to Excel',
    query: listAuditAlertsQuery.omit({ after: true, limit: true }),
  },
  getAuditAlertsExportCsv: {
    method: 'GET',
    path: '/audit/alerts/export.csv',
    summary: 'Export the alerts to CSV',
    query: listAuditAlertsQuery.omit({ after: true, limit: true }),
  },
});
