import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  createFacilityRequest,
  facilityView,
  listFacilitiesQuery,
  placementQuery,
  placementView,
  updateFacilityRequest,
} from '../schemas/facilities.ts';

const idParams = z.object({ id: z.string().uuid() });

export const facilitiesContract = defineRoutes(['facilities'], {
  getFacilities: {
    method: 'GET',
    path: '/facilities',
    summary: 'Quarantine and treatment facilities in scope with their occupancy, newest first (keyset paged)',
    query: listFacilitiesQuery,
    answer: pageOf(facilityView),
  },
  ...sheetExportRoutes('getFacilitiesExport', '/facilities/export', {
    summary: 'Export facilities and their occupancy',
    query: listFacilitiesQuery.omit({ after: true, limit: true }),
  }),
  getFacilitiesPlacement: {
    method: 'GET',
    path: '/facilities/placement',
    summary: 'Where to place N people: free places of a kind, nearest first, with a suggested split',
    query: placementQuery,
    answer: placementView,
  },
  postFacilities: {
    method: 'POST',
    path: '/facilities',
    summary: 'Open a facility with its capacity',
    body: createFacilityRequest,
    answer: facilityView,
    status: 201,
  },
  getFacilitiesById: {
    method: 'GET',
    path: '/facilities/:id',
    summary: 'One facility with its occupancy',
    params: idParams,
    answer: facilityView,
  },
  patchFacilitiesById: {
    method: 'PATCH',
    path: '/facilities/:id',
    summary: 'Change a facility, its capacity or alert threshold; close or reopen it',
    params: idParams,
    body: updateFacilityRequest,
    answer: facilityView,
  },
});
