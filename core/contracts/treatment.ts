import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  admitStayRequest,
  dischargeStayRequest,
  listStaysQuery,
  occupancyQuery,
  occupancyView,
  stayView,
  transferStayRequest,
} from '../schemas/facilities.ts';

const idParams = z.object({ id: z.string().uuid() });

export const treatmentContract = defineRoutes(['treatment'], {
  getTreatmentStays: {
    method: 'GET',
    path: '/treatment/stays',
    summary: 'Treatment stays at facilities in scope, latest admission first (keyset paged)',
    query: listStaysQuery,
    answer: pageOf(stayView),
  },
  ...sheetExportRoutes('getTreatmentStaysExport', '/treatment/stays/export', {
    summary: 'Export treatment stays',
    query: listStaysQuery.omit({ after: true, limit: true }),
  }),
  postTreatmentStays: {
    method: 'POST',
    path: '/treatment/stays',
    summary:
      'Admit a case to a bed of a facility: the case is then in treatment (refused when no bed of that kind is free)',
    body: admitStayRequest,
    answer: stayView,
    status: 201,
  },
  postTreatmentStaysDischarge: {
    method: 'POST',
    path: '/treatment/stays/:id/discharge',
    summary: 'End a stay: recovered, died or transferred out of the province; the case takes that status',
    params: idParams,
    body: dischargeStayRequest,
    answer: stayView,
  },
  postTreatmentStaysTransfer: {
    method: 'POST',
    path: '/treatment/stays/:id/transfer',
    summary: 'Move a case in a bed to another facility or bed kind: the stay ends as transferred, a new one opens',
    params: idParams,
    body: transferStayRequest,
    answer: stayView,
  },
  getTreatmentOccupancy: {
    method: 'GET',
    path: '/treatment/occupancy',
    summary: 'Places and beds of an area by kind and by facility, with facilities past their alert threshold',
    query: occupancyQuery,
    answer: occupancyView,
  },
});
