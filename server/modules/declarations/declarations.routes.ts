import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okBody, pageOf } from '../../../core/schemas/common.ts';
import {
  arrivalRequest, arrivalResult, arrivalRow, declarationRequest, declarationResult, declarationRow, followUpRequest,
  listArrivalsQuery, listDeclarationsQuery, otpAnswer, otpChallenge, otpRequest, residenceRequest, statusView,
} from '../../../core/schemas/declarations.ts';
import { AppError } from '../../../core/errors.ts';
import { actorOf, citizenMetaOf, citizenSessionOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const tokenBody = z.object({ qrToken: z.string().max(200) });

export const declarationsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services, config }) => {
  const tags = ['declarations'];
  const pub = { access: 'public' as const };
  const otpLimit = { max: config.publicRateLimit.otpPerMinute, timeWindow: '1 minute' };
  const submitLimit = { max: config.publicRateLimit.submitPerMinute, timeWindow: '1 minute' };
  const meta = citizenMetaOf;

  app.post('/public/otp', {
    config: { ...pub, rateLimit: otpLimit },
    schema: { tags, summary: 'Send a one-time code to a phone', body: otpRequest, response: { 200: otpChallenge } },
  }, async (req) => services.otp.request(req.body.phone, req.body.purpose, req.locale));

  app.post('/public/declarations', {
    config: { ...pub, rateLimit: submitLimit },
    schema: { tags, summary: 'Submit a health declaration; answers the personal QR', body: declarationRequest, response: { 200: declarationResult } },
  }, async (req) => services.declarations.declare(req.body, meta(req)));

  app.post('/public/status', {
    config: pub,
    schema: { tags, summary: 'Status colour behind a personal QR (all a QR proves: no history, no identity)', body: tokenBody, response: { 200: statusView } },
  }, async (req) => {
    const view = await services.people.ownStatus(req.body.qrToken);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  });

  app.post('/public/arrivals', {
    config: { ...pub, rateLimit: submitLimit },
    schema: { tags, summary: 'Declare an arrival in the province (session of the phone)', body: arrivalRequest, response: { 200: arrivalResult } },
  }, async (req) => services.declarations.arrival(citizenSessionOf(req), req.body, meta(req)));

  app.post('/public/residence', {
    config: { ...pub, rateLimit: submitLimit },
    schema: { tags, summary: 'A host declares its guests', body: residenceRequest, response: { 200: z.object({ arrivals: z.number().int(), repeated: z.boolean() }) } },
  }, async (req) => services.declarations.residence(req.body, meta(req)));

  app.post('/public/me/erase', {
    config: { ...pub, rateLimit: otpLimit },
    schema: { tags, summary: 'Erase my data where the law allows (session of the phone and a fresh code)', body: z.object({ otp: otpAnswer }), response: { 200: z.object({ erased: z.literal(true) }) } },
  }, async (req) => services.declarationsOfficials.erase(citizenSessionOf(req), req.body, meta(req)));

  app.get('/declarations', {
    schema: { tags, summary: 'Health declarations in a locality (keyset paged; the read is logged)', querystring: listDeclarationsQuery, response: { 200: pageOf(declarationRow) } },
  }, async (req) => services.declarationsOfficials.listDeclarations(actorOf(req), req.query));

  app.get('/declarations/export.xlsx', {
    schema: { tags, summary: 'Export health declarations', querystring: listDeclarationsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.declarationsOfficials.exportDeclarations(actorOf(req), req.query)));

  app.get('/arrivals', {
    schema: { tags, summary: 'Arrivals to follow up (keyset paged; the read is logged)', querystring: listArrivalsQuery, response: { 200: pageOf(arrivalRow) } },
  }, async (req) => services.declarationsOfficials.listArrivals(actorOf(req), req.query));

  app.get('/arrivals/export.xlsx', {
    schema: { tags, summary: 'Export arrivals', querystring: listArrivalsQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await services.declarationsOfficials.exportArrivals(actorOf(req), req.query)));

  app.patch('/arrivals/:id', {
    schema: { tags, summary: 'Record the follow-up of an arrival', params: z.object({ id: z.string().uuid() }), body: followUpRequest, response: { 200: okBody } },
  }, async (req) => {
    await services.declarationsOfficials.setFollowUp(actorOf(req), req.params.id, req.body.followUpStatus);
    return { ok: true as const };
  });
};
