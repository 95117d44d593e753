import type {
  ContextConfigDefault,
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteContract } from '../../core/contracts/contract.ts';

type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

type StatusOf<C extends RouteContract> = C extends { readonly status: infer S extends number } ? S : 200;
type Errors<C extends RouteContract> = C extends { readonly errors: infer E } ? E : unknown;

/** The Fastify schema an entry stands for: what validates the request and serialises the answer. */
export type SchemaOf<C extends RouteContract> = {
  tags: string[];
  summary: string;
  description?: string;
  params: C['params'];
  querystring: C['query'];
  body: C['body'];
  response: C['answer'] extends undefined ? undefined : { [S in StatusOf<C>]: NonNullable<C['answer']> } & Errors<C>;
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

function schemaOf(entry: RouteContract) {
  const response = entry.answer ? { [entry.status ?? 200]: entry.answer, ...entry.errors } : undefined;
  return {
    tags: [...entry.tags],
    summary: entry.summary,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.params ? { params: entry.params } : {}),
    ...(entry.query ? { querystring: entry.query } : {}),
    ...(entry.body ? { body: entry.body } : {}),
    ...(response ? { response } : {}),
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
    method: entry.method,
    url: entry.path,
    schema: schemaOf(entry),
    handler: handler as RouteHandlerMethod,
  });
}
