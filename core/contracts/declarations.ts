import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { okBody, pageOf } from '../schemas/common.ts';
import {
  arrivalRequest,
  arrivalResult,
  arrivalRow,
  declarationRequest,
  declarationResult,
  declarationRow,
  followUpRequest,
  listArrivalsQuery,
  listDeclarationsQuery,
  otpAnswer,
  otpChallenge,
  otpRequest,
  residenceRequest,
  statusView,
} from '../schemas/declarations.ts';

const tokenBody = z.object({ qrToken: z.string().max(200) });

export const declarationsContract = defineRoutes(['declarations'], {
  postPublicOtp: {
    method: 'POST',
    path: '/public/otp',
    summary: 'Send a one-time code to a phone',
    body: otpRequest,
    answer: otpChallenge,
  },
  postPublicDeclarations: {
    method: 'POST',
    path: '/public/declarations',
    summary: 'Submit a health declaration; answers the personal QR',
    body: declarationRequest,
    answer: declarationResult,
  },
  postPublicStatus: {
    method: 'POST',
    path: '/public/status',
    summary: 'Status colour behind a personal QR (all a QR proves: no history, no identity)',
    body: tokenBody,
    answer: statusView,
  },
  postPublicArrivals: {
    method: 'POST',
    path: '/public/arrivals',
    summary: 'Declare an arrival in the province (session of the phone)',
    body: arrivalRequest,
    answer: arrivalResult,
    citizenSession: true,
  },
  postPublicResidence: {
    method: 'POST',
    path: '/public/residence',
    summary: 'A host declares its guests',
    body: residenceRequest,
    answer: z.object({ arrivals: z.number().int(), repeated: z.boolean() }),
  },
  postPublicMeErase: {
    method: 'POST',
    path: '/public/me/erase',
    summary: 'Erase my data where the law allows (session of the phone and a fresh code)',
    body: z.object({ otp: otpAnswer }),
    answer: z.object({ erased: z.literal(true) }),
    citizenSession: true,
  },
  getDeclarations: {
    method: 'GET',
    path: '/declarations',
    summary: 'Health declarations in a locality (keyset paged; the read is logged)',
    query: listDeclarationsQuery,
    answer: pageOf(declarationRow),
  },
  ...sheetExportRoutes('getDeclarationsExport', '/declarations/export', {
    summary: 'Export health declarations',
    query: listDeclarationsQuery.omit({ after: true, limit: true }),
  }),
  getArrivals: {
    method: 'GET',
    path: '/arrivals',
    summary: 'Arrivals to follow up (keyset paged; the read is logged)',
    query: listArrivalsQuery,
    answer: pageOf(arrivalRow),
  },
  ...sheetExportRoutes('getArrivalsExport', '/arrivals/export', {
    summary: 'Export arrivals',
    query: listArrivalsQuery.omit({ after: true, limit: true }),
  }),
  patchArrivalsById: {
    method: 'PATCH',
    path: '/arrivals/:id',
    summary: 'Record the follow-up of an arrival',
    params: z.object({ id: z.string().uuid() }),
    body: followUpRequest,
    answer: okBody,
  },
});
