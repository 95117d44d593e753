import { z, type ZodType } from 'zod';
import { errorCodes, errorStatus, type ErrorCode, type ErrorStatus } from '../errors.ts';
import type { RouteContract } from './contract.ts';

/**
 * The error answers of the API, as the OpenAPI description documents them: one envelope
 * (`{ error: { code, message, details? } }`) whose `code` is one of the closed set (core/errors.ts),
 * narrowed per status to the codes that status stands for. Every route answers its errors through
 * these schemas (server/http/contract-route.ts puts them in the route's response schema), so an
 * answer that left the closed set would fail to serialise instead of going out undocumented.
 */
const codesOf = (status: ErrorStatus): [ErrorCode, ...ErrorCode[]] => {
  const codes = errorCodes.filter((code) => errorStatus[code] === status);
  if (!codes.length) throw new Error(`No error code answers ${status}`);
  return codes as [ErrorCode, ...ErrorCode[]];
};

/** What each error status means, for the description. */
export const errorHeadlines: Record<ErrorStatus, string> = {
  400: 'The request is not valid (VALIDATION_FAILED): `details` names each field or parameter and why',
  401: 'No session, or the session or credentials are not valid',
  403: 'Not allowed, or the session must first be set up, confirmed again or its CSRF token sent',
  404: 'A record named by the path, a filter or the body does not exist or is outside the caller’s area',
  405: 'The address does not accept this method (see Allow)',
  409: 'Already exists, changed meanwhile, or the record’s state refuses the change',
  413: 'The body is larger than the route accepts',
  415: 'The body’s content type is not one the route accepts',
  422: 'The imported file has errors: no row was saved; `details` lists them by row',
  429: 'Too many requests (see Retry-After)',
  500: 'Unexpected failure (nothing is leaked)',
  503: 'The query ran too long and was stopped: narrow the filter and retry',
};

const statuses = [...new Set(Object.values(errorStatus))].sort((a, b) => a - b);

/** The documented answer of each error status, registered once (the description refers to it). */
export const errorAnswers = Object.fromEntries(
  statuses.map((status) => [
    status,
    z
      .object({
        error: z.object({
          code: z.enum(codesOf(status)),
          message: z.string().describe("The code's sentence in the caller's language (vi by default, en on request)"),
          details: z
            .array(z.object({ path: z.string(), message: z.string() }))
            .optional()
            .describe('Per field (dotted path), per parameter, or per file row (`row:N`)'),
        }),
      })
      .meta({ id: `Error${status}`, description: errorHeadlines[status] }),
  ]),
) as unknown as Record<ErrorStatus, ZodType>;

/** What the server side knows of a route beyond its contract entry (its registration options). */
export interface RouteExposure {
  /** `public` routes need no staff session. */
  access: 'public' | 'user';
  /** Throttled per address (answers 429). */
  rateLimited: boolean;
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The error statuses a route can answer, from its shape:
 * - every route: 400 (its path, query and body are validated; an unknown query parameter too),
 *   500, and 503 when a query overruns its time limit;
 * - a staff session (not public): 401 without one, 403 for what the role, area or session state
 *   does not allow; a citizen's session: 401;
 * - any input (path, query, body, file): 404 for a record it names (a case, a venue's code, a
 *   locality filter) that does not exist or is out of the caller's reach;
 * - writes: 409 (duplicates, concurrent changes, states that refuse the change);
 * - a body (JSON or an uploaded file): 413 too large, 415 wrong content type; an upload: 422;
 * - throttled routes: 429;
 * plus the statuses the entry lists in `errors`.
 */
export function errorStatusesOf(entry: RouteContract, exposure: RouteExposure): ErrorStatus[] {
  const found = new Set<ErrorStatus>([400, 500, 503, ...(entry.errors ?? [])]);
  if (exposure.access === 'user') found.add(401).add(403);
  if (entry.citizenSession) found.add(401);
  if (entry.params || entry.query || entry.body || entry.upload) found.add(404);
  if (writes.has(entry.method)) found.add(409);
  if (entry.body || entry.upload) found.add(413).add(415);
  if (entry.upload) found.add(422);
  if (exposure.rateLimited) found.add(429);
  return [...found].sort((a, b) => a - b);
}

/** The error part of a route's response schema: status → documented answer. */
export function errorAnswersOf(entry: RouteContract, exposure: RouteExposure): Record<number, ZodType> {
  return Object.fromEntries(errorStatusesOf(entry, exposure).map((status) => [status, errorAnswers[status]]));
}
