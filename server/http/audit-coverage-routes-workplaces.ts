import { DOAN_KET, LAI_CHAU } from '../testing/test-platform.ts';
import { anyone, cdc, type Entry } from './audit-coverage-entry.ts';
import { f } from './audit-coverage-fixtures.ts';

/** The organisations' GET routes (issue 15) and how the audit coverage test calls them. */
export const workplaceRoutes: Record<string, Entry> = {
  'GET /api/organisations': cdc(`/api/organisations?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisations/export.xlsx': cdc(`/api/organisations/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisations/export.csv': cdc(`/api/organisations/export.csv?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisations/:id': cdc(() => `/api/organisations/${f.organisationId}`, 'none'),
  'GET /api/organisations/:id/assessments': cdc(() => `/api/organisations/${f.organisationId}/assessments`, 'none'),
  // Roster workers are the organisation's list, not person records: the export is logged as such.
  'GET /api/organisations/:id/compliance': cdc(() => `/api/organisations/${f.organisationId}/compliance`, 'none'),
  'GET /api/workplace-compliance': cdc(`/api/workplace-compliance?locality=${DOAN_KET}`, 'none'),
  'GET /api/workplace-compliance/export.xlsx': cdc(
    `/api/workplace-compliance/export.xlsx?locality=${DOAN_KET}`,
    'none',
  ),
  'GET /api/workplace-compliance/export.csv': cdc(`/api/workplace-compliance/export.csv?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisations/:id/sites': cdc(() => `/api/organisations/${f.organisationId}/sites`, 'none'),
  // Counts per commune and group; the public list names organisations, never a person.
  'GET /api/organisation-map': cdc(`/api/organisation-map?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisation-map/export.xlsx': cdc(`/api/organisation-map/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/organisation-map/export.csv': cdc(`/api/organisation-map/export.csv?locality=${DOAN_KET}`, 'none'),
  'GET /api/public/safe-organisations': anyone(`/api/public/safe-organisations?province=${LAI_CHAU}`),
  'GET /api/organisations/:id/roster': cdc(() => `/api/organisations/${f.organisationId}/roster`, 'none'),
  'GET /api/organisations/:id/roster/export.xlsx': cdc(
    () => `/api/organisations/${f.organisationId}/roster/export.xlsx`,
    'none',
  ),
  'GET /api/organisations/:id/roster/export.csv': cdc(
    () => `/api/organisations/${f.organisationId}/roster/export.csv`,
    'none',
  ),
  'GET /api/assessment-templates': cdc('/api/assessment-templates', 'none'),
  'GET /api/assessment-templates/:code': cdc('/api/assessment-templates/qd2194', 'none'),
  // Workers due a screening and the area's due counts: the organisation's roster, not person records.
  'GET /api/organisations/:id/screening-due': cdc(() => `/api/organisations/${f.organisationId}/screening-due`, 'none'),
  'GET /api/organisations/:id/screening-due/export.xlsx': cdc(
    () => `/api/organisations/${f.organisationId}/screening-due/export.xlsx`,
    'none',
  ),
  'GET /api/organisations/:id/screening-due/export.csv': cdc(
    () => `/api/organisations/${f.organisationId}/screening-due/export.csv`,
    'none',
  ),
  'GET /api/workplace-screening': cdc(`/api/workplace-screening?locality=${DOAN_KET}`, 'none'),
  'GET /api/workplace-screening/export.xlsx': cdc(`/api/workplace-screening/export.xlsx?locality=${DOAN_KET}`, 'none'),
  'GET /api/workplace-screening/export.csv': cdc(`/api/workplace-screening/export.csv?locality=${DOAN_KET}`, 'none'),
  // The organisation's reports of workers with symptoms (each read is logged with the workers named).
  'GET /api/organisations/:id/symptom-reports': cdc(
    () => `/api/organisations/${f.organisationId}/symptom-reports`,
    'none',
  ),
  // Workers who became a case: the read names them in the audit log.
  'GET /api/organisations/:id/worker-cases': cdc(() => `/api/organisations/${f.organisationId}/worker-cases`),
  'GET /api/organisations/:id/worker-cases/export.xlsx': cdc(
    () => `/api/organisations/${f.organisationId}/worker-cases/export.xlsx`,
  ),
  'GET /api/organisations/:id/worker-cases/export.csv': cdc(
    () => `/api/organisations/${f.organisationId}/worker-cases/export.csv`,
  ),
  // The organisation's screening rule: three figures, no one's data.
  'GET /api/organisations/:id/screening-settings': cdc(
    () => `/api/organisations/${f.organisationId}/screening-settings`,
    'none',
  ),
};
