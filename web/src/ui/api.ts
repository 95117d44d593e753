import { currentLang, i18n } from '../i18n/index.ts';

/**
 * The one way the web client talks to the server.
 * - JSON in and out, cookies on the same origin, `Accept-Language` = the chosen language;
 * - every non-GET request carries `x-csrf-token` (the token from login / GET /api/auth/me);
 * - a 401 calls the handler installed by the session (which goes to the login page), unless the
 *   caller asks not to (the login and "who am I" calls);
 * - a CSRF_INVALID answer refreshes the token once through GET /api/auth/me and retries;
 * - a REAUTH_REQUIRED answer (exports, administrators' actions) asks the installed handler to
 *   confirm the password (and code), then retries once;
 * - PASSWORD_CHANGE_REQUIRED / TWO_FACTOR_ENROLMENT_REQUIRED tell the session to reload (the app
 *   then shows the page that sets the account up).
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
let onReauthRequired: () => Promise<boolean> = async () => false;
let onSetupRequired: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Asks the user to confirm their password (and code); resolves true once the server accepted it. */
export function setReauthHandler(handler: () => Promise<boolean>): void {
  onReauthRequired = handler;
}

export function setSetupRequiredHandler(handler: () => void): void {
  onSetupRequired = handler;
}

const setupCodes = new Set(['PASSWORD_CHANGE_REQUIRED', 'TWO_FACTOR_ENROLMENT_REQUIRED']);

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

/** Sends, retrying once after a refreshed CSRF token or a confirmed re-authentication. */
async function sendWithRetries(path: string, opts: RequestOptions, fileAnswer = false): Promise<{ res: Response; body: unknown }> {
  // A file answer's body is left unread for the caller; error answers are JSON either way.
  const read = (r: Response) => (fileAnswer && r.ok ? Promise.resolve(null) : readBody(r));
  let res = await send(path, opts);
  let body = await read(res);
  if (
    !res.ok &&
    (opts.method ?? 'GET') !== 'GET' &&
    isErrorBody(body) &&
    body.error.code === 'CSRF_INVALID' &&
    (await refreshCsrfToken())
  ) {
    res = await send(path, opts);
    body = await read(res);
  }
  if (!res.ok && isErrorBody(body) && body.error.code === 'REAUTH_REQUIRED' && (await onReauthRequired())) {
    res = await send(path, opts);
    body = await read(res);
  }
  return { res, body };
}

function failure(res: Response, body: unknown, opts: RequestOptions): ApiError {
  if (res.status === 401 && !opts.noAuthRedirect) onUnauthenticated();
  if (isErrorBody(body)) {
    if (setupCodes.has(body.error.code)) onSetupRequired();
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
  }
  return new ApiError(res.status, 'INTERNAL', i18n.t('errors.unexpected'));
}

/** Calls the API; resolves with the parsed JSON body (typed by the caller from core/schemas). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { res, body } = await sendWithRetries(path, opts);
  if (res.ok) return body as T;
  throw failure(res, body, opts);
}

/**
 * Downloads a file answer (an Excel export) with the same session handling as `api`, including
 * the re-authentication exports need; resolves with the file and the name the server gave it.
 */
export async function downloadFile(href: string): Promise<{ blob: Blob; filename: string }> {
  const url = new URL(href, window.location.origin);
  const opts: RequestOptions = {};
  const { res, body } = await sendWithRetries(url.pathname + url.search, opts, true);
  if (!res.ok) throw failure(res, body, opts);
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) ?? (url.pathname.split('/').pop() || 'export') };
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

/** Message to show for anything caught around an API call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return i18n.t('errors.unexpected');
}
