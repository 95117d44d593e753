import {
  pathOf,
  type AnswerOf,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
} from '../../../core/contracts/contract.ts';
import { currentLang, translate } from './i18n/index.ts';
import { stored } from './storage.ts';

/**
 * The citizens' pages talk to the public API only, by endpoint (./endpoints.ts): JSON in and out,
 * `Accept-Language` on every call. Failures are thrown as `ApiError` with the server's message (already in the language
 * asked for) and its field details; a network failure or time-out is `status` 0.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Slow networks are normal; a request that hangs this long is treated as failed (and can be resent). */
const timeoutMs = 45_000;

function isErrorBody(v: unknown): v is { error: { code: string; message: string; details?: ErrorDetail[] } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

/** `session`: act as the person, with the session kept on this phone (a 401 forgets it). */
export interface ApiOptions {
  session?: boolean;
  /** Ask the server every time, even when the browser holds a fresh copy (it answers 304 when unchanged). */
  revalidate?: boolean;
}

/** What a call sends: the endpoint's path params, query and JSON body, typed by its contract entry. */
export type Call<E> = (ParamsOf<E> extends undefined ? { params?: never } : { params: ParamsOf<E> }) & {
  query?: { [K in keyof QueryOf<E>]?: QueryOf<E>[K] | null };
  body?: BodyOf<E>;
};

function addressOf(endpoint: Endpoint, call: { params?: unknown; query?: object }): string {
  const path = '/api' + pathOf(endpoint, call.params as Readonly<Record<string, string>> | undefined);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(call.query ?? {}))
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The raw answer of a successful call (a file download); failures throw as `api` does. */
export async function request<E extends Endpoint>(endpoint: E, call: Call<E>, o: ApiOptions = {}): Promise<Response> {
  const json = call.body;
  const lang = currentLang();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const session = o.session ? stored.session() : null;
  let res: Response;
  try {
    res = await fetch(addressOf(endpoint, call), {
      method: endpoint.method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
      credentials: 'same-origin',
      signal: controller.signal,
      ...(o.revalidate ? { cache: 'no-cache' as const } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', translate(lang, 'app.network'));
  } finally {
    clearTimeout(timer);
  }
  if (res.ok) return res;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // an empty or non-JSON answer (a proxy's error page)
  }
  if (o.session && res.status === 401) stored.setSession(null);
  if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
  throw new ApiError(
    res.status,
    'HTTP_' + res.status,
    translate(lang, res.status >= 500 ? 'app.network' : 'app.unexpected'),
  );
}

/** Calls an endpoint; resolves with the parsed JSON answer, typed by its contract entry. */
export async function api<E extends Endpoint>(endpoint: E, call: Call<E>, o: ApiOptions = {}): Promise<AnswerOf<E>> {
  const res = await request(endpoint, call, o);
  try {
    return (await res.json()) as AnswerOf<E>;
  } catch {
    return null as AnswerOf<E>;
  }
}

/** True when the phone must confirm itself again (no session, or it expired or was ended). */
export function isSessionNeeded(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401;
}

/** True when the server says the personal QR sent is not (or no longer) valid. */
export function isInvalidQr(e: unknown): boolean {
  return e instanceof ApiError && e.details.some((d) => d.path === 'qrToken') && e.code === 'VALIDATION_FAILED';
}

export { newClientKey } from '../ui/client-key.ts';
