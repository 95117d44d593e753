import { f } from './audit-coverage-fixtures.ts';
import type { Entry } from './audit-coverage-routes.ts';

const cdc = (url: () => string, shows: 'people' | 'none' = 'people'): Entry => ({ as: 'cdc', url, shows });

/** The audit coverage entries of workers who became a case and of the screening rule (issue 15). */
export const workplaceScreeningAudit: Record<string, Entry> = {
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
