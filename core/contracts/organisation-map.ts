import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  organisationMapQuery,
  organisationMapView,
  publicationRequest,
  safeOrganisationsQuery,
  safeOrganisationView,
} from '../schemas/organisation-map.ts';
import { organisationView } from '../schemas/organisations.ts';

/** The safety map of organisations and the public list of safe ones (issue 15). */
export const organisationMapContract = defineRoutes(['organisations'], {
  getOrganisationMap: {
    method: 'GET',
    path: '/organisation-map',
    summary: "An area's approved organisations counted per commune and group (the safety map's clusters)",
    query: organisationMapQuery,
    answer: organisationMapView,
  },
  ...sheetExportRoutes('getOrganisationMapExport', '/organisation-map/export', {
    summary: "The safety map's counts per commune",
    query: organisationMapQuery,
  }),
  putOrganisationsPublication: {
    method: 'PUT',
    path: '/organisations/:id/publication',
    summary: 'Choose whether the organisation shows its valid low-risk status on the public list',
    params: z.object({ id: z.string().uuid() }),
    body: publicationRequest,
    answer: organisationView,
  },
  getPublicSafeOrganisations: {
    method: 'GET',
    path: '/public/safe-organisations',
    summary:
      "A province's organisations that publish a valid low or very low self-assessment, by name (keyset paged) — no person named",
    query: safeOrganisationsQuery,
    answer: pageOf(safeOrganisationView),
  },
});
