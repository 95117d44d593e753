import type { input, output, ZodType } from 'zod';

/**
 * One HTTP route as both sides see it: method, path (below `/api`), and the zod schemas of its
 * params, query, body and answer. The server registers its routes from these entries
 * (server/http/contract-route.ts) and the web client calls them (web/src/ui/api.ts), so a change
 * on one side that the other does not follow fails the type check. OpenAPI comes from the same
 * schemas. An entry's name is its method and path: `GET /cases/:id` is `getCasesById`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a caller needs at run time: no schema, so the citizens' bundle can carry it without zod. */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
}

export interface RouteContract extends Endpoint {
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: ZodType;
  readonly query?: ZodType;
  readonly body?: ZodType;
  /** The success answer; absent when the route answers a file (an export, a poster) or raw GeoJSON. */
  readonly answer?: ZodType;
  /** The success status, 200 unless said. */
  readonly status?: 200 | 201;
  /** Error answers worth documenting (e.g. 401 SECOND_FACTOR_REQUIRED, 429 throttled). */
  readonly errors?: Readonly<Record<number, ZodType>>;
}

type Declared = Omit<RouteContract, 'tags'>;

/** A module's routes, all tagged alike in the OpenAPI document. */
export function defineRoutes<const T extends Record<string, Declared>>(
  tags: readonly string[],
  routes: T,
): { readonly [K in keyof T]: T[K] & { readonly tags: readonly string[] } } {
  const tagged: Record<string, RouteContract> = {};
  for (const [name, entry] of Object.entries(routes)) tagged[name] = { ...entry, tags };
  return tagged as { readonly [K in keyof T]: T[K] & { readonly tags: readonly string[] } };
}

/**
 * A run-time endpoint typed by a contract entry, for bundles that must stay free of zod (the
 * citizens' pages): the method and path are checked against the entry, so they cannot drift.
 */
export function endpointOf<C extends RouteContract>(
  method: C['method'],
  path: C['path'],
): Endpoint & { readonly contract?: C } {
  return { method, path };
}

type Schema<C, K extends 'params' | 'query' | 'body' | 'answer'> = C extends {
  readonly [P in K]: infer S extends ZodType;
}
  ? S
  : undefined;
type ContractOf<E> = E extends { readonly contract?: infer C extends RouteContract } ? C : E;

/** What a caller sends and receives, by entry (or by an `endpointOf` endpoint). */
export type ParamsOf<E> = Schema<ContractOf<E>, 'params'> extends infer S extends ZodType ? input<S> : undefined;
export type QueryOf<E> = Schema<ContractOf<E>, 'query'> extends infer S extends ZodType ? input<S> : undefined;
export type BodyOf<E> = Schema<ContractOf<E>, 'body'> extends infer S extends ZodType ? input<S> : undefined;
export type AnswerOf<E> = Schema<ContractOf<E>, 'answer'> extends infer S extends ZodType ? output<S> : unknown;

/** The path with its `:params` filled in (each encoded). */
export function pathOf(endpoint: Endpoint, params?: Readonly<Record<string, string | number>>): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${endpoint.method} ${endpoint.path}`);
    return encodeURIComponent(String(value));
  });
}
