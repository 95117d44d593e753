import { z } from 'zod';
import { defineRoutes, mediaTypes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import { listRosterQuery, rosterImportResult, rosterWorkerView } from '../schemas/workforce.ts';

const idParams = z.object({ id: z.string().uuid() });

/** "No declaration, no work" (issue 15): an organisation's roster, its gate and the daily compliance. */
export const workforceContract = defineRoutes(['workforce'], {
  postOrganisationsRosterImport: {
    method: 'POST',
    path: '/organisations/:id/roster/import',
    summary: 'Import the workforce roster from an .xlsx or .csv sent as the body: all rows or none',
    params: idParams,
    answer: rosterImportResult,
    upload: [mediaTypes.xlsx, mediaTypes.csv],
  },
  getOrganisationsRoster: {
    method: 'GET',
    path: '/organisations/:id/roster',
    summary: "An organisation's workforce roster by department and name (keyset paged)",
    params: idParams,
    query: listRosterQuery,
    answer: pageOf(rosterWorkerView),
  },
  ...sheetExportRoutes('getOrganisationsRosterExport', '/organisations/:id/roster/export', {
    summary: 'Export the workforce roster (it imports back as it is)',
    params: idParams,
    query: listRosterQuery.omit({ after: true, limit: true }),
  }),
});
