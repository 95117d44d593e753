import { z } from 'zod';
import { defineRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import {
  admitStayRequest,
  dischargeStayRequest,
  listStaysQuery,
  occupancyQuery,
  occupancyView,
  stayView,
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
  getTreatmentStaysExport: {
    method: 'GET',
    path: '/treatment/stays/export.xlsx',
    summary: 'Export treatment stays to Excel',
    query: listStaysQuery.omit({ after: true, limit: true }),
  },
  getTreatmentStaysExportCsv: {
    method: 'GET',
    path: '/treatment/stays/export.csv',
    summary: 'Export treatment stays to CSV',
    query: listStaysQuery.omit({ after: true, limit: true }),
  },
  postTreatmentStays: {
    method: 'POST',
    path: '/treatment/stays',
    summary: 'Admit a case to a bed of a facility (refused when no bed of that kind is free)',
    body: admitStayRequest,
    answer: stayView,
    status: 201,
  },
  postTreatmentStaysDischarge: {
    method: 'POST',
    path: '/treatment/stays/:id/discharge',
    summary: 'End a stay: recovered, transferred or died (the case record is not changed)',
    params: idParams,
    body: dischargeStayRequest,
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
