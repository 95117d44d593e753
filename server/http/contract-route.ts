import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from 'fastify';
import { z } from 'zod';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SwaggerTransform } from '@fastify/swagger';
import { mediaTypes, type MediaType, type RouteContract } from '../../core/contracts/contract.ts';
import { errorAnswersOf, errorHeadlines } from '../../core/contracts/error-answers.ts';
import type { ErrorStatus } from '../../core/errors.ts';
import type { SheetExport } from '../shared/excel.ts';
import { sendCsv, sendXlsx } from './context.ts';

type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

type StatusOf<C extends RouteContract> = C extends { readonly status: infer S extends number } ? S : 200;

/** The Fastify schema an entry stands for: what validates the request and serialises the answer. */
export type SchemaOf<C extends RouteContract> = {
  tags: string[];
  summary: string;
  description?: string;
  params: C['params'];
  querystring: C['query'];
  body: C['body'];
  response: C['answer'] extends undefined ? undefined : { [S in StatusOf<C>]: NonNullable<C['answer']> };
};

export type ContractHandler<C extends RouteContract> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  SchemaOf<C>,
  ZodTypeProvider,
  FastifyBaseLogger
>;

/** Route options besides the schema: `config` (access, step-up, rate limit), `bodyLimit`, hooks. */
export type ContractRouteOptions = Omit<RouteShorthandOptions, 'schema'>;

/** A route without query parameters refuses any, as a route with some refuses unknown ones. */
const noQuery = z.object({}).strict();

function schemaOf(entry: RouteContract, options: ContractRouteOptions) {
  const access = options.config?.access ?? 'user';
  const errors = errorAnswersOf(entry, { access, rateLimited: options.config?.rateLimit !== undefined });
  return {
    tags: [...entry.tags],
    summary: entry.summary,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.params ? { params: entry.params } : {}),
    querystring: entry.query ?? noQuery,
    ...(entry.body ? { body: entry.body } : {}),
    response: { ...(entry.answer ? { [entry.status ?? 200]: entry.answer } : {}), ...errors },
    // Public routes need no staff session; those acting for a citizen need theirs.
    ...(access === 'public' ? { security: entry.citizenSession ? [{ citizenSession: [] }] : [] } : {}),
  };
}

const fileExtensions: Record<string, MediaType> = {
  xlsx: mediaTypes.xlsx,
  csv: mediaTypes.csv,
  pdf: mediaTypes.pdf,
  png: mediaTypes.png,
};
const binary = { type: 'string', format: 'binary' };

/** The media types of a file answer: the entry's, else its path's extension; none for a JSON answer. */
export function fileAnswerOf(entry: RouteContract): readonly MediaType[] {
  if (entry.answer) return [];
  const byExtension = fileExtensions[/\.(\w+)$/.exec(entry.path)?.[1] ?? ''];
  return entry.fileAnswer ?? (byExtension ? [byExtension] : []);
}

/**
 * The OpenAPI operation of an entry: the zod schemas converted as for every route, plus what no
 * zod schema says: an import's body is the file itself, a file answer is binary (raw JSON: an object).
 */
function describedBy(entry: RouteContract): SwaggerTransform {
  return (input) => {
    const converted = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
    const schema = converted.schema as Record<string, unknown> & { response?: Record<string, unknown> };
    const media = (types: readonly MediaType[], description: string) => ({
      description,
      content: Object.fromEntries(
        types.map((t) => [t, { schema: t === mediaTypes.json ? { type: 'object' } : binary }]),
      ),
    });
    if (entry.upload) schema.body = media(entry.upload, 'The file itself, sent as the request body');
    const response = { ...schema.response };
    for (const [status, answer] of Object.entries(response)) {
      const headline = errorHeadlines[Number(status) as ErrorStatus];
      if (headline) response[status] = { description: headline, content: { [mediaTypes.json]: { schema: answer } } };
    }
    const files = fileAnswerOf(entry);
    schema.response = files.length ? { [entry.status ?? 200]: media(files, 'The file'), ...response } : response;
    return { schema, url: converted.url };
  };
}

/**
 * Registers a route from its contract entry: the entry gives the method, path and schemas, the
 * caller the handler and any options. The handler's request and answer are typed from the entry.
 */
export function route<C extends RouteContract>(app: ZodApp, entry: C, handler: ContractHandler<C>): void;
export function route<C extends RouteContract>(
  app: ZodApp,
  entry: C,
  options: ContractRouteOptions,
  handler: ContractHandler<C>,
): void;
export function route<C extends RouteContract>(
  app: ZodApp,
  entry: C,
  optionsOrHandler: ContractRouteOptions | ContractHandler<C>,
  maybeHandler?: ContractHandler<C>,
): void {
  const options = typeof optionsOrHandler === 'function' ? {} : optionsOrHandler;
  const handler = typeof optionsOrHandler === 'function' ? optionsOrHandler : maybeHandler!;
  app.route({
    ...options,
    config: { ...options.config, swaggerTransform: describedBy(entry) },
    method: entry.method,
    url: entry.path,
    schema: schemaOf(entry, options),
    handler: handler as RouteHandlerMethod,
  });
}

/**
 * An export's two routes, .xlsx and its CSV twin (declared together by `sheetExportRoutes`), from
 * one function that builds the export for the request.
 */
export function sheetRoutes<C extends RouteContract>(
  app: ZodApp,
  xlsx: C,
  csv: Omit<C, 'path'> & { readonly path: string },
  build: (req: Parameters<ContractHandler<C>>[0]) => Promise<SheetExport>,
): void {
  // A file answer has no answer schema: the reply is the stream, whatever C's answer type says.
  const handler = (send: typeof sendXlsx) =>
    async function (this: unknown, req: Parameters<ContractHandler<C>>[0], reply: FastifyReply) {
      return send(reply, await build(req));
    } as unknown as ContractHandler<C>;
  route(app, xlsx, handler(sendXlsx));
  // Same schemas as the workbook's entry: only the path differs.
  route(app, csv as C, handler(sendCsv));
}
