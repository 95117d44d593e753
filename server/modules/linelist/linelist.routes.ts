import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { lineListFields } from '../../../core/rules/linelist.ts';
import { linelistImportResult } from '../../../core/schemas/cases.ts';
import { actorOf } from '../../http/context.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../shared/tabular-file.ts';
import type { LinelistFormat } from './linelist.service.ts';

/** Line lists are big: a million-row CSV is ~80 MB, so uploads up to 50 MB go through HTTP, more through the CLI. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const mappingJson = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Ánh xạ cột phải là JSON / The column mapping must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.enum(lineListFields, 'Trường không tồn tại / Unknown field')));

const importQuery = z.object({
  source: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Nhãn nguồn: chữ, số, dấu chấm, gạch / Source label: letters, digits, dots, dashes').default('linelist'),
  /** Table column → field, e.g. {"Mã BN":"caseNumber"}; unmapped columns are recognised by name. */
  mapping: mappingJson.optional(),
  profile: z.string().max(64).optional(),
});

const formats: Record<string, LinelistFormat> = { 'application/json': 'vn2020', [CSV_TYPE]: 'csv', 'text/plain': 'csv', [XLSX_TYPE]: 'xlsx' };

export const linelistRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { services }) => {
  // This plugin is encapsulated: only its routes take JSON as raw bytes (streamed row by row by
  // the service, instead of one giant parsed tree).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.post('/cases/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { stepUp: true },
    schema: {
      tags: ['cases'],
      summary: 'Import a line list (vn-2020 JSON, CSV or .xlsx): all rows or none; the same file again updates',
      querystring: importQuery,
      response: { 200: linelistImportResult },
    },
  }, async (req) => {
    const format = formats[(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
    if (!format || !Buffer.isBuffer(req.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    return services.linelist.import(actorOf(req), { format, body: req.body }, {
      source: req.query.source, mapping: req.query.mapping, profileCode: req.query.profile,
    });
  });
};
