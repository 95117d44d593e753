import { currentLang, translate } from './i18n/index.ts';
import { stored } from './storage.ts';

/**
 * The citizens' pages talk to the public API only: JSON in and out, `Accept-Language` on every
 * call. Failures are thrown as `ApiError` with the server's message (already in the language
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
}

/** The raw answer of a successful call (a file download); failures throw as `api` does. */
export async function request(path: string, json: unknown, o: ApiOptions = {}): Promise<Response> {
  const lang = currentLang();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const session = o.session ? stored.session() : null;
  let res: Response;
  try {
    res = await fetch(`/api/public${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: {
        Accept: 'application/json',
        'Accept-Language': lang,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
      credentials: 'same-origin',
      signal: controller.signal,
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
  throw new ApiError(res.status, 'HTTP_' + res.status, translate(lang, res.status >= 500 ? 'app.network' : 'app.unexpected'));
}

export async function api<T>(path: string, json?: unknown, o: ApiOptions = {}): Promise<T> {
  const res = await request(path, json, o);
  try {
    return (await res.json()) as T;
  } catch {
    return null as T;
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
