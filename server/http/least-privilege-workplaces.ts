import { one, type Entry } from './least-privilege-governance.ts';

/** The least-privilege walk's entries of workers' screening, workers who became a case and the screening rule (issue 15). */
export const workplaceScreeningWalk = (organisationId: () => string): Record<string, Entry> => ({
  'GET /api/organisations/:id/screening-due': { urls: () => [`/api/organisations/${organisationId()}/screening-due`] },
  'GET /api/organisations/:id/screening-due/export.xlsx': {
    urls: () => [`/api/organisations/${organisationId()}/screening-due/export.xlsx`],
  },
  'GET /api/organisations/:id/symptom-reports': {
    urls: () => [`/api/organisations/${organisationId()}/symptom-reports`],
  },
  'GET /api/organisations/:id/worker-cases': {
    urls: () => [`/api/organisations/${organisationId()}/worker-cases`],
  },
  'GET /api/organisations/:id/worker-cases/export.xlsx': {
    urls: () => [`/api/organisations/${organisationId()}/worker-cases/export.xlsx`],
  },
  'GET /api/organisations/:id/screening-settings': {
    urls: () => [`/api/organisations/${organisationId()}/screening-settings`],
  },
  'GET /api/workplace-screening': { urls: one('/api/workplace-screening') },
  'GET /api/workplace-screening/export.xlsx': { urls: one('/api/workplace-screening/export.xlsx') },
});
