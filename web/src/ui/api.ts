import {
  pathOf,
  type AnswerOf,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
} from '../../../core/contracts/contract.ts';
import { authContract } from '../../../core/contracts/auth.ts';
import { currentLang, i18n } from '../i18n/index.ts';

/**
 * The one way the web client talks to the server, by contract entry (core/contracts): the entry
 * gives the method and path, and types the params, query, body and answer.
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

interface RequestOptions {
  method?: Endpoint['method'];
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
  const res = await send(addressOf(authContract.getAuthMe, undefined), { noAuthRedirect: true });
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
async function sendWithRetries(
  path: string,
  opts: RequestOptions,
  fileAnswer = false,
): Promise<{ res: Response; body: unknown }> {
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

/**
 * A query as the client may send it: the contract's keys, each optional (empty values are left
 * out of the address), so a renamed or removed parameter fails the type check. Closed lists are
 * sent as plain strings: filters come from the address bar, and the server checks the value.
 */
export type QueryArg<Q> = [Q] extends [undefined] ? never : { [K in keyof Q]?: Widened<Q[K]> | null };
type Widened<T> = T extends string ? string : T;

/** What a call sends besides the entry: its path params, query, JSON body or raw file. */
export type Call<E> = (ParamsOf<E> extends undefined ? { params?: never } : { params: ParamsOf<E> }) & {
  query?: QueryArg<QueryOf<E>>;
  body?: BodyOf<E>;
  /** Sent as is (file upload); `contentType` names its type. */
  raw?: Blob;
  contentType?: string;
  /** Do not call the unauthenticated handler on 401 (login, session probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
};

/** The call options, required when the entry has path params. */
export type CallArgs<E> = ParamsOf<E> extends undefined ? [call?: Call<E>] : [call: Call<E>];

/** The address of an entry below /api with its params filled in (no query). */
function addressOf(entry: Endpoint, params: unknown): string {
  return '/api' + pathOf(entry, params as Readonly<Record<string, string | number>> | undefined);
}

/** Calls the API; resolves with the parsed JSON body, typed by the entry's answer schema. */
export async function api<E extends Endpoint>(entry: E, ...[call]: CallArgs<E>): Promise<AnswerOf<E>> {
  const opts: RequestOptions = {
    method: entry.method,
    query: call?.query as Query | undefined,
    json: call?.body,
    raw: call?.raw,
    contentType: call?.contentType,
    noAuthRedirect: call?.noAuthRedirect,
    signal: call?.signal,
  };
  const { res, body } = await sendWithRetries(addressOf(entry, call?.params), opts);
  if (res.ok) return body as AnswerOf<E>;
  throw failure(res, body, opts);
}

/**
 * A write by address whose answer is returned as it came (status and parsed body), for the offline
 * outbox (../offline/outbox.ts): it decides itself what each answer means and never sends the user
 * to the sign-in page from a background retry. A network failure still throws ApiError(0, 'NETWORK').
 */
export async function sendStored(
  path: string,
  request: { method: Endpoint['method']; json?: unknown; raw?: Blob; contentType?: string },
): Promise<{ status: number; body: unknown }> {
  const { res, body } = await sendWithRetries(path, { ...request, noAuthRedirect: true });
  return { status: res.status, body };
}

/** The address of a GET entry with params and query, for links (exports) and cache keys. */
export function apiHref<E extends Endpoint>(
  entry: E,
  ...[call]: ParamsOf<E> extends undefined
    ? [call?: { query?: QueryArg<QueryOf<E>> }]
    : [call: { params: ParamsOf<E>; query?: QueryArg<QueryOf<E>> }]
): string {
  return withQuery(addressOf(entry, call && 'params' in call ? call.params : undefined), (call?.query ?? {}) as Query);
}

/**
 * Downloads a file answer (an Excel export) with the same session handling as `api`, including
 * the re-authentication exports need; resolves with the file and the name the server gave it.
 */
/** What a download has received so far: bytes, and rows when the file is a CSV (one per line). */
export interface DownloadProgress {
  bytes: number;
  rows: number | null;
}

/**
 * An API file read as a stream: `onProgress` hears of every chunk, and aborting `signal` cancels
 * the request (the server stops its export when the connection goes).
 */
export async function downloadFile(
  href: string,
  o: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void } = {},
): Promise<{ blob: Blob; filename: string }> {
  const url = new URL(href, window.location.origin);
  const opts: RequestOptions = o.signal ? { signal: o.signal } : {};
  const { res, body } = await sendWithRetries(url.pathname + url.search, opts, true);
  if (!res.ok) throw failure(res, body, opts);
  const type = res.headers.get('content-type') ?? '';
  const csv = type.startsWith('text/csv');
  const parts: Uint8Array[] = [];
  const progress: DownloadProgress = { bytes: 0, rows: csv ? 0 : null };
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    parts.push(r.value);
    progress.bytes += r.value.length;
    if (progress.rows !== null) for (const b of r.value) if (b === 10) progress.rows++;
    o.onProgress?.({ ...progress, rows: progress.rows === null ? null : Math.max(0, progress.rows - 1) });
  }
  return {
    blob: new Blob(parts as BlobPart[], { type }),
    filename: filenameOf(res.headers.get('content-disposition')) ?? (url.pathname.split('/').pop() || 'export'),
  };
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
