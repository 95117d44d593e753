import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '../../../core/schemas/common.ts';
import { otpAnswer, otpChallenge } from '../../../core/schemas/declarations.ts';
import {
  decideVenueRequest, listVenuesQuery, publicVenueCode, publicVenueView, registerVenueRequest, updateVenueRequest, venueView,
} from '../../../core/schemas/venues.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import type { VenueFile } from './venues.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const publicCodeParams = z.object({ publicCode: publicVenueCode });

/**
 * Where venue QR codes point: the configured public address, else the scheme and host the browser
 * used (behind a proxy: the forwarded ones, when trusted).
 */
const originFor = (publicUrl: string | undefined) => (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;

function sendInline(reply: FastifyReply, file: VenueFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export const venuesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const originOf = originFor(config.publicUrl);
  const tags = ['venues'];
  const svc = services.venues;

  app.get('/venues', {
    schema: { tags, summary: 'Venues in scope, newest first (keyset paged); organisations see their own', querystring: listVenuesQuery, response: { 200: pageOf(venueView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/venues/export.xlsx', {
    schema: { tags, summary: 'Export venues to Excel', querystring: listVenuesQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/venues', {
    schema: { tags, summary: 'Register a venue (pending until an official approves it)', body: registerVenueRequest, response: { 201: venueView } },
  }, async (req, reply) => reply.status(201).send(await svc.register(actorOf(req), req.body)));

  app.get('/venues/:id', {
    schema: { tags, summary: 'One venue', params: idParams, response: { 200: venueView } },
  }, async (req) => svc.get(actorOf(req), req.params.id));

  app.patch('/venues/:id', {
    schema: { tags, summary: 'Change a venue (not its address or commune); the status stays', params: idParams, body: updateVenueRequest, response: { 200: venueView } },
  }, async (req) => svc.update(actorOf(req), req.params.id, req.body));

  app.post('/venues/:id/decision', {
    schema: { tags, summary: 'Approve, reject, suspend or reinstate a venue', params: idParams, body: decideVenueRequest, response: { 200: venueView } },
  }, async (req) => svc.decide(actorOf(req), req.params.id, req.body));

  app.get('/venues/:id/poster.pdf', {
    schema: { tags, summary: 'Printable A4 check-in poster of an approved venue', params: idParams },
  }, async (req, reply) => sendInline(reply, await svc.poster(actorOf(req), req.params.id, originOf(req))));

  app.get('/venues/:id/qr.png', {
    schema: { tags, summary: 'Check-in QR code of an approved venue, as an image', params: idParams },
  }, async (req, reply) => sendInline(reply, await svc.qrPng(actorOf(req), req.params.id, originOf(req))));

  app.post('/venues/:id/phone-otp', {
    schema: { tags, summary: "Send a code to the venue's contact phone", params: idParams, response: { 200: otpChallenge } },
  }, async (req) => services.venuePhone.sendCode(actorOf(req), req.params.id));

  app.post('/venues/:id/verify-phone', {
    schema: { tags, summary: "Verify the venue's contact phone with the code", params: idParams, body: otpAnswer, response: { 200: z.object({ verifiedAt: z.string() }) } },
  }, async (req) => services.venuePhone.verify(actorOf(req), req.params.id, req.body));

  app.get('/public/venues/:publicCode', {
    config: { access: 'public' },
    schema: { tags, summary: 'What a scanned venue QR shows (approved venues only)', params: publicCodeParams, response: { 200: publicVenueView } },
  }, async (req) => svc.publicLookup(req.params.publicCode));
};
