import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../shared/tabular-file.ts';
import type { LinelistFormat } from './linelist.service.ts';
import { linelistContract } from '../../../core/contracts/linelist.ts';
import { route } from '../../http/contract-route.ts';

/** Line lists are big: a million-row CSV is ~80 MB, so uploads up to 50 MB go through HTTP, more through the CLI. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const formats: Record<string, LinelistFormat> = {
  'application/json': 'vn2020',
  [CSV_TYPE]: 'csv',
  'text/plain': 'csv',
  [XLSX_TYPE]: 'xlsx',
};

export const linelistRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  // This plugin is encapsulated: only its routes take JSON as raw bytes (streamed row by row by
  // the service, instead of one giant parsed tree).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  route(
    app,
    linelistContract.postCasesImport,
    { bodyLimit: IMPORT_BODY_LIMIT, config: { stepUp: true } },
    async (req) => {
      const format = formats[(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
      if (!format || !Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      return services.linelist.import(
        actorOf(req),
        { format, body: req.body },
        {
          source: req.query.source,
          mapping: req.query.mapping,
          profileCode: req.query.profile,
        },
      );
    },
  );
};
