import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localityCode, pageOf } from '../../../core/schemas/common.ts';
import {
  listLocalitiesQuery, localityEventView, publicLocalitiesQuery, publicLocality, localityView, mergeLocalitiesRequest, populationImportResult, renameLocalityRequest,
} from '../../../core/schemas/localities.ts';
import { AppError } from '../../../core/errors.ts';
import { actorOf, sendXlsx } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';

const codeParams = z.object({ code: localityCode });
const importQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).default(new Date().getFullYear()) });

export const localitiesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  const tags = ['localities'];
  const svc = services.localities;

  app.get('/localities', {
    schema: { tags, summary: 'Children of a unit (keyset paged)', querystring: listLocalitiesQuery, response: { 200: pageOf(localityView) } },
  }, async (req) => svc.list(actorOf(req), req.query));

  app.get('/public/localities', {
    config: { access: 'public' },
    schema: { tags, summary: 'Provinces loaded here, or the active units of one (address pickers)', querystring: publicLocalitiesQuery, response: { 200: z.object({ items: z.array(publicLocality) }) } },
  }, async (req, reply) => reply.header('cache-control', 'public, max-age=300').send({ items: await svc.publicChildren(req.query.parent) }));

  app.get('/localities/tree', {
    schema: { tags, summary: "The caller's scope and every active unit below it", response: { 200: z.object({ root: localityView, descendants: z.array(localityView) }) } },
  }, async (req) => svc.tree(actorOf(req)));

  app.get('/localities/export.xlsx', {
    schema: { tags, summary: 'Export units to Excel', querystring: listLocalitiesQuery.omit({ after: true, limit: true }) },
  }, async (req, reply) => sendXlsx(reply, await svc.exportXlsx(actorOf(req), req.query)));

  app.post('/localities/merge', {
    schema: { tags, summary: 'Merge two communes (the source code closes for ever)', body: mergeLocalitiesRequest, response: { 200: localityView } },
  }, async (req) => svc.merge(actorOf(req), req.body));

  app.post('/localities/population/import', {
    bodyLimit: 10 * 1024 * 1024,
    config: { stepUp: true },
    schema: { tags, summary: 'Import populations from .xlsx or .csv (columns code, population)', querystring: importQuery, response: { 200: populationImportResult } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    return svc.importPopulation(actorOf(req), req.body, req.headers['content-type'] ?? '', req.query.year);
  });

  app.get('/localities/:code', {
    schema: { tags, summary: 'One unit', params: codeParams, response: { 200: localityView } },
  }, async (req) => svc.get(actorOf(req), req.params.code));

  app.patch('/localities/:code', {
    schema: { tags, summary: 'Rename a unit (kept in its history)', params: codeParams, body: renameLocalityRequest, response: { 200: localityView } },
  }, async (req) => svc.rename(actorOf(req), req.params.code, req.body));

  app.get('/localities/:code/history', {
    schema: { tags, summary: 'Renames, merges and population changes of a unit', params: codeParams, response: { 200: z.array(localityEventView) } },
  }, async (req) => svc.history(actorOf(req), req.params.code));

  app.get('/localities/:code/boundaries', {
    schema: { tags, summary: 'GeoJSON of the active communes at or below a unit', params: codeParams },
  }, async (req, reply) => reply.header('cache-control', 'private, max-age=300').send(await svc.boundaries(actorOf(req), req.params.code)));

  app.get('/public/boundaries/:code', {
    config: { access: 'public' },
    schema: { tags, summary: "GeoJSON of a province's communes (code, name, outline) for public maps", params: z.object({ code: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits') }) },
  }, async (req, reply) => reply.header('cache-control', 'public, max-age=3600').send(await svc.publicBoundaries(req.params.code)));
};
