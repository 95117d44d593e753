import type { input, output, ZodObject, ZodType } from 'zod';
import type { ErrorStatus } from '../errors.ts';

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

/** The media types of the files the API takes (imports) and gives (exports, documents). */
export const mediaTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type MediaType = (typeof mediaTypes)[keyof typeof mediaTypes];

export interface RouteContract extends Endpoint {
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: ZodType;
  /** Closed: `defineRoutes` makes it strict, so an unknown parameter is refused, never ignored. */
  readonly query?: ZodObject;
  readonly body?: ZodType;
  /** An import: the request body is the file itself (not multipart), of one of these types. */
  readonly upload?: readonly MediaType[];
  /** The success answer; absent when the route answers a file (an export, a poster) or raw GeoJSON. */
  readonly answer?: ZodType;
  /** The types of a file answer, when the path's extension (`.xlsx`, `.pdf`, `.png`) does not say. */
  readonly fileAnswer?: readonly MediaType[];
  /** The success status, 200 unless said. */
  readonly status?: 200 | 201;
  /**
   * A public route acting for a citizen: it needs the session of their verified phone
   * (`Authorization: Bearer …`) and answers 401 without one.
   */
  readonly citizenSession?: true;
  /**
   * Error statuses the route answers besides those its shape implies (error-answers.ts derives
   * those), e.g. 401 for a wrong password at sign-in, 404 for a record named in the body.
   */
  readonly errors?: readonly ErrorStatus[];
}

type Declared = Omit<RouteContract, 'tags'>;

/**
 * A module's routes, all tagged alike in the OpenAPI document. Query schemas are made strict here,
 * once for every route: a misspelt filter (`?localty=`) is refused with its name instead of being
 * silently ignored and answering the whole unfiltered list.
 */
export function defineRoutes<const T extends Record<string, Declared>>(
  tags: readonly string[],
  routes: T,
): { readonly [K in keyof T]: T[K] & { readonly tags: readonly string[] } } {
  const tagged: Record<string, RouteContract> = {};
  for (const [name, entry] of Object.entries(routes))
    tagged[name] = { ...entry, ...(entry.query ? { query: entry.query.strict() } : {}), tags };
  return tagged as { readonly [K in keyof T]: T[K] & { readonly tags: readonly string[] } };
}

/**
 * Every list's export, in its two formats from one declaration: `name` answers the .xlsx at
 * `${path}.xlsx` and `${name}Csv` the same rows as CSV at `${path}.csv`, with the same parameters
 * (declared once, so the twins cannot drift apart).
 */
export function sheetExportRoutes<
  const N extends string,
  const P extends string,
  const E extends Omit<Declared, 'method' | 'path'>,
>(
  name: N,
  path: P,
  entry: E,
): Record<N, E & { readonly method: 'GET'; readonly path: `${P}.xlsx` }> &
  Record<`${N}Csv`, E & { readonly method: 'GET'; readonly path: `${P}.csv` }> {
  const twin = (format: 'xlsx' | 'csv') => ({
    ...entry,
    method: 'GET' as const,
    path: `${path}.${format}` as const,
    summary: `${entry.summary} (${format === 'xlsx' ? 'Excel' : 'CSV'})`,
  });
  return { [name]: twin('xlsx'), [`${name}Csv`]: twin('csv') } as Record<
    N,
    E & { readonly method: 'GET'; readonly path: `${P}.xlsx` }
  > &
    Record<`${N}Csv`, E & { readonly method: 'GET'; readonly path: `${P}.csv` }>;
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
