import { currentLang, i18n } from '../i18n/index.ts';

/**
 * The one way the web client talks to the server.
 * - JSON in and out, cookies on the same origin, `Accept-Language` = the chosen language;
 * - every non-GET request carries `x-csrf-token` (the token from login / GET /api/auth/me);
 * - a 401 calls the handler installed by the session (which goes to the login page), unless the
 *   caller asks not to (the login and "who am I" calls);
 * - a CSRF_INVALID answer refreshes the token once through GET /api/auth/me and retries.
 * Errors are thrown as `ApiError` carrying the server's localized `message` and field `details`.
 */

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (file upload); `contentType` names its type. */
  raw?: Blob;
  contentType?: string;
  /** Do not call the unauthenticated handler on 401 (login, session probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** `path?k=v&…` without empty values; used for fetches and for export links alike. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(v: unknown): v is { error: { code: string; message: string; details?: ErrorDetail[] } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLang(),
  };
  let body: BodyInit | undefined;
  if (opts.raw) {
    body = opts.raw;
    headers['Content-Type'] = opts.contentType ?? (opts.raw.type || 'application/octet-stream');
  } else if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const res = await send('/api/auth/me', { noAuthRedirect: true });
  if (!res.ok) return false;
  const body = await readBody(res);
  if (typeof body === 'object' && body !== null && 'csrfToken' in body) {
    const token = (body as { csrfToken: unknown }).csrfToken;
    if (typeof token === 'string') {
      csrfToken = token;
      return true;
    }
  }
  return false;
}

/** Calls the API; resolves with the parsed JSON body (typed by the caller from core/schemas). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  let body = await readBody(res);
  if (
    !res.ok &&
    (opts.method ?? 'GET') !== 'GET' &&
    isErrorBody(body) &&
    body.error.code === 'CSRF_INVALID' &&
    (await refreshCsrfToken())
  ) {
    res = await send(path, opts);
    body = await readBody(res);
  }
  if (res.ok) return body as T;
  if (res.status === 401 && !opts.noAuthRedirect) onUnauthenticated();
  if (isErrorBody(body)) {
    throw new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
  }
  throw new ApiError(res.status, 'INTERNAL', i18n.t('errors.unexpected'));
}

/** Message to show for anything caught around an API call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return i18n.t('errors.unexpected');
}
