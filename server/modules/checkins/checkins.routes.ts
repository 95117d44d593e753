import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkinCountRow, checkinCountsQuery, checkinResult, checkoutRequest, gateScanRequest, gateScanResult, myCheckinRow,
  venueEntriesQuery, venueEntryRow, visitorCheckinRequest,
} from '../../../core/schemas/checkins.ts';
import { pageOf, pageQuery } from '../../../core/schemas/common.ts';
import { actorOf, citizenSessionOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const venueParams = z.object({ id: z.string().uuid() });

export const checkinsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['checkins'];
  const svc = services.checkins;
  // No per-IP limit on check-ins: a whole market can sit behind one carrier NAT address.
  app.post('/public/checkins', {
    config: { access: 'public' },
    schema: { tags, summary: 'Visitor scanned the venue poster (mode 1; session of the phone)', body: visitorCheckinRequest, response: { 200: checkinResult } },
  }, async (req) => svc.visitorCheckin(citizenSessionOf(req), req.body, req.locale));

  app.post('/public/checkins/checkout', {
    config: { access: 'public' },
    schema: { tags, summary: 'Check out (session of the phone)', body: checkoutRequest, response: { 200: z.object({ checkedOutAt: z.string() }) } },
  }, async (req) => svc.checkout(citizenSessionOf(req), req.body, req.locale));

  app.post('/public/me/checkins', {
    config: { access: 'public' },
    schema: { tags, summary: 'My check-in history (session of the phone: a QR alone does not open it)', body: pageQuery, response: { 200: pageOf(myCheckinRow) } },
  }, async (req) => svc.myHistory(citizenSessionOf(req), req.body.after, req.body.limit, req.locale));

  app.post('/venues/:id/gate-scans', {
    schema: { tags, summary: 'Gate scan of a personal QR (mode 2): allowed or refused, at once', params: venueParams, body: gateScanRequest, response: { 200: gateScanResult } },
  }, async (req) => svc.gateScan(actorOf(req), req.params.id, req.body.token));

  app.get('/venues/:id/entries', {
    schema: { tags, summary: "A venue's entries of a day (masked names)", params: venueParams, querystring: venueEntriesQuery, response: { 200: pageOf(venueEntryRow) } },
  }, async (req) => svc.entries(actorOf(req), req.params.id, req.query));

  app.get('/checkins/counts', {
    schema: { tags, summary: 'Check-ins per venue and day in a locality (keyset paged)', querystring: checkinCountsQuery, response: { 200: pageOf(checkinCountRow) } },
  }, async (req) => svc.counts(actorOf(req), req.query));

  app.get('/checkins/counts/export.xlsx', {
    schema: { tags, summary: 'Export check-in counts per venue and day', querystring: checkinCountsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportCounts(actorOf(req), req.query)));
};
