import { z } from 'zod';
import { defineRoutes, sheetExportRoutes } from './contract.ts';
import {
  checkinCountRow,
  checkinCountsQuery,
  checkinResult,
  checkoutRequest,
  gateScanRequest,
  gateScanResult,
  myCheckinRow,
  venueEntriesQuery,
  venueEntryRow,
  visitorCheckinRequest,
} from '../schemas/checkins.ts';
import { pageOf, pageQuery } from '../schemas/common.ts';

const venueParams = z.object({ id: z.string().uuid() });

export const checkinsContract = defineRoutes(['checkins'], {
  postPublicCheckins: {
    method: 'POST',
    path: '/public/checkins',
    summary: 'Visitor scanned the venue poster (mode 1; session of the phone)',
    body: visitorCheckinRequest,
    answer: checkinResult,
    citizenSession: true,
  },
  postPublicCheckinsCheckout: {
    method: 'POST',
    path: '/public/checkins/checkout',
    summary: 'Check out (session of the phone)',
    body: checkoutRequest,
    answer: z.object({ checkedOutAt: z.string() }),
    citizenSession: true,
  },
  postPublicMeCheckins: {
    method: 'POST',
    path: '/public/me/checkins',
    summary: 'My check-in history (session of the phone: a QR alone does not open it)',
    body: pageQuery,
    answer: pageOf(myCheckinRow),
    citizenSession: true,
  },
  postVenuesGateScans: {
    method: 'POST',
    path: '/venues/:id/gate-scans',
    summary: 'Gate scan of a personal QR (mode 2): allowed or refused, at once',
    params: venueParams,
    body: gateScanRequest,
    answer: gateScanResult,
  },
  getVenuesEntries: {
    method: 'GET',
    path: '/venues/:id/entries',
    summary: "A venue's entries of a day (masked names)",
    params: venueParams,
    query: venueEntriesQuery,
    answer: pageOf(venueEntryRow),
  },
  getCheckinsCounts: {
    method: 'GET',
    path: '/checkins/counts',
    summary: 'Check-ins per venue and day in a locality (keyset paged)',
    query: checkinCountsQuery,
    answer: pageOf(checkinCountRow),
  },
  ...sheetExportRoutes('getCheckinsCountsExport', '/checkins/counts/export', {
    summary: 'Export check-in counts per venue and day',
    query: checkinCountsQuery.omit({ after: true, limit: true }),
  }),
});
