import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import { pageOf } from '../schemas/common.ts';
import { otpAnswer, otpChallenge } from '../schemas/declarations.ts';
import {
  decideVenueRequest,
  listVenuesQuery,
  posterAddressView,
  publicVenueCode,
  publicVenueView,
  registerVenueRequest,
  updateVenueRequest,
  venueView,
} from '../schemas/venues.ts';

const idParams = z.object({ id: z.string().uuid() });
const publicCodeParams = z.object({ publicCode: publicVenueCode });

export const venuesContract = defineRoutes(['venues'], {
  getVenues: {
    method: 'GET',
    path: '/venues',
    summary: 'Venues in scope, newest first (keyset paged); organisations see their own',
    query: listVenuesQuery,
    answer: pageOf(venueView),
  },
  ...sheetExportRoutes('getVenuesExport', '/venues/export', {
    summary: 'Export venues',
    query: listVenuesQuery.omit({ after: true, limit: true }),
  }),
  postVenues: {
    method: 'POST',
    path: '/venues',
    summary: 'Register a venue (pending until an official approves it)',
    body: registerVenueRequest,
    answer: venueView,
    status: 201,
  },
  getVenuesById: {
    method: 'GET',
    path: '/venues/:id',
    summary: 'One venue',
    params: idParams,
    answer: venueView,
  },
  patchVenuesById: {
    method: 'PATCH',
    path: '/venues/:id',
    summary: 'Change a venue (not its address or commune); the status stays',
    params: idParams,
    body: updateVenueRequest,
    answer: venueView,
  },
  postVenuesDecision: {
    method: 'POST',
    path: '/venues/:id/decision',
    summary: 'Approve, reject, suspend or reinstate a venue',
    params: idParams,
    body: decideVenueRequest,
    answer: venueView,
  },
  getVenuesPosterAddress: {
    method: 'GET',
    path: '/venues/poster-address',
    summary: 'The address venue QR codes carry, and whether posters can be printed with it',
    answer: posterAddressView,
  },
  getVenuesPoster: {
    method: 'GET',
    path: '/venues/:id/poster.pdf',
    summary: 'Printable A4 check-in poster of an approved venue',
    params: idParams,
    errors: [409],
  },
  getVenuesQr: {
    method: 'GET',
    path: '/venues/:id/qr.png',
    summary: 'Check-in QR code of an approved venue, as an image',
    params: idParams,
    errors: [409],
  },
  postVenuesPhoneOtp: {
    method: 'POST',
    path: '/venues/:id/phone-otp',
    summary: "Send a code to the venue's contact phone",
    params: idParams,
    answer: otpChallenge,
    /** Codes to one phone are limited per 10 minutes. */
    errors: [429],
  },
  postVenuesVerifyPhone: {
    method: 'POST',
    path: '/venues/:id/verify-phone',
    summary: "Verify the venue's contact phone with the code",
    params: idParams,
    body: otpAnswer,
    answer: z.object({ verifiedAt: z.string() }),
  },
  getPublicVenuesByPublicCode: {
    method: 'GET',
    path: '/public/venues/:publicCode',
    summary: 'What a scanned venue QR shows (approved venues only)',
    params: publicCodeParams,
    answer: publicVenueView,
  },
});
