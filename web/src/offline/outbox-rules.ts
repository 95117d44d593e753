/**
 * The outbox's decisions, apart from IndexedDB and the network so they can be tested alone: what a
 * server's answer means for a stored request, when a failed one is tried again, and which stored
 * requests may go now.
 */

export type OutboxState = 'waiting' | 'rejected' | 'conflict';

/** The part of a stored request the rules read. */
export interface Queued {
  key: string;
  state: OutboxState;
  savedAt: string;
  /** Epoch milliseconds before which it is not tried again (after a failure). */
  nextAt: number;
  after?: string;
}

export type Outcome =
  | { kind: 'sent' }
  | { kind: 'conflict' }
  | { kind: 'rejected'; message: string }
  /** Not the request's fault (no network, server down, signed out, throttled): kept and tried again. */
  | { kind: 'retry' };

function errorOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return null;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

/**
 * - 2xx: accepted (a resend of an accepted client key answers 2xx too, so nothing is recorded twice);
 * - 409 CONFLICT ("changed meanwhile") on a request that says where the server's copy is read: a
 *   person chooses, nothing is overwritten silently;
 * - 401 (the session ended while the phone was away), 408, 429, 5xx and no answer at all: kept;
 * - any other 4xx: the server refuses this content; kept with its message for a person to correct or
 *   discard, never dropped.
 */
export function outcomeOf(status: number, body: unknown, hasCurrentPath: boolean, fallbackMessage: string): Outcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  const error = errorOf(body);
  if (status === 409 && error?.code === 'CONFLICT' && hasCurrentPath) return { kind: 'conflict' };
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return { kind: 'retry' };
  return { kind: 'rejected', message: error?.message ?? fallbackMessage };
}

const firstDelayMs = 2_000;
const longestDelayMs = 5 * 60_000;

/** 2 s, 4 s, 8 s … up to 5 minutes: a phone on a weak signal is not kept busy, nor left waiting long. */
export function retryDelayMs(attempts: number): number {
  return Math.min(longestDelayMs, firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The requests that may go now, oldest first: waiting, due, and not behind a request still in the
 * outbox (a photo waits for its visit, even when that visit waits for a person's decision).
 */
export function dueNow<T extends Queued>(items: readonly T[], now: number): T[] {
  const present = new Set(items.map((i) => i.key));
  return items
    .filter((i) => i.state === 'waiting' && i.nextAt <= now && !(i.after && present.has(i.after)))
    .sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
}

/** The body to resend when the person keeps their own version over the server's current one. */
export function overCurrent(body: unknown, current: unknown): unknown {
  const version =
    typeof current === 'object' && current !== null && 'version' in current
      ? (current as { version: unknown }).version
      : undefined;
  if (typeof body !== 'object' || body === null || typeof version !== 'number') return body;
  return { ...(body as Record<string, unknown>), baseVersion: version };
}
