import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { AppServices } from '../services.ts';
import { needsStepUp, registerAuthHook } from './auth-hook.ts';
import { registerCompression } from './compression.ts';
import { registerFacilityBinding } from './facility-binding.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import type { RouteEntry } from './context.ts';
import { classifyError, errorResponse } from './errors.ts';
import { IMMUTABLE, unmatchedAnswer } from './page-answers.ts';
import { apiRoutes } from './routes.ts';
import { CSV_TYPE, XLSX_TYPE } from '../shared/tabular-file.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildServerOptions {
  config: Config;
  services: AppServices;
  version: string;
  /** Silence request logs (tests, benchmarks). */
  quiet?: boolean;
}

export async function buildServer(o: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.quiet ? false : { level: o.config.logLevel },
    trustProxy: o.config.trustProxy,
    bodyLimit: o.config.bodyLimitBytes,
  }).withTypeProvider<ZodTypeProvider>();
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method !== 'HEAD')
        catalogue.push({
          method,
          url: r.url,
          access: r.config?.access ?? 'user',
          stepUp: needsStepUp(r.url, r.config),
        });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err, req, reply) => {
    const locale = req.locale ?? 'vi';
    let response;
    try {
      const { appError, unexpected } = classifyError(err, locale);
      if (unexpected) req.log.error({ err }, 'unexpected error');
      response = errorResponse(appError.code, locale, appError.details);
    } catch (mappingError) {
      req.log.error({ err, mappingError }, 'error while mapping an error');
      response = errorResponse('INTERNAL', locale);
    }
    const { status, body } = response;
    // Throttled sign-ins say how long to wait.
    const retryAfter = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const answer = unmatchedAnswer(req, catalogue, hasWebBuild());
    if (answer.kind === 'page')
      return reply
        .status(answer.status)
        .header('cache-control', 'no-cache')
        .type('text/html')
        .sendFile(answer.file, webDist);
    const { status, body } =
      answer.kind === 'method'
        ? errorResponse('METHOD_NOT_ALLOWED', req.locale ?? 'vi')
        : errorResponse('ROUTE_NOT_FOUND', req.locale ?? 'vi');
    if (answer.kind === 'method') reply.header('allow', answer.allow);
    return reply.status(status).send(body);
  });

  registerSecurityHeaders(app, { tls: o.config.secureCookies });
  await registerCompression(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED' }),
  });
  // Imports, the text of a directive (a PDF), inspection photos and task evidence arrive as the request body itself.
  for (const type of [CSV_TYPE, XLSX_TYPE, 'application/pdf', 'image/jpeg', 'image/png', 'image/webp', DOCX_TYPE]) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  }
  registerAuthHook(app, o.services.auth, o.config);
  registerFacilityBinding(app, o.services.facilityStaff);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'phongdich API',
        version: o.version,
        description: 'Phòng, chống dịch — epidemic prevention and control',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: o.config.secureCookies ? '__Host-pd_session' : 'pd_session' },
          citizenSession: {
            type: 'http',
            scheme: 'bearer',
            description: "A citizen's session, opened with a one-time code sent to their phone",
          },
        },
      },
      // Staff routes need the session cookie; public ones say `security: []` (contract-route.ts).
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // The schemas registered with an id (the error answers) become components the routes refer to.
    transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(apiRoutes, { prefix: '/api', services: o.services, config: o.config, version: o.version });

  if (hasWebBuild()) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      // Built files carry a hash of their content in their name; the pages (and robots.txt) do not.
      setHeaders: (res, file) =>
        res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache'),
    });
  }
  return app;
}

/** Drops the components no operation refers to (the input forms of the error answers, which are only answered). */
function withoutUnusedSchemas<D extends { paths?: object; components?: { schemas?: Record<string, unknown> } }>(
  doc: D,
): D {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  // A schema never holds a reference to itself, so one referred to by another component is kept too.
  const used = JSON.stringify([doc.paths ?? {}, schemas]);
  const kept = Object.entries(schemas).filter(([id]) => used.includes(`"#/components/schemas/${id}"`));
  return { ...doc, components: { ...doc.components, schemas: Object.fromEntries(kept) } };
}

/** Whether `npm run build:web` has been run: without it the server answers the API only. */
export function hasWebBuild(): boolean {
  return fs.existsSync(path.join(webDist, 'index.html'));
}
