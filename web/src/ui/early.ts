import type { AnswerOf, Endpoint } from '../../../core/contracts/contract.ts';
import { api, type CallArgs } from './api.ts';

/**
 * GET answers asked for before the page that reads them has loaded. A page's code is a lazy chunk,
 * and its effects run only once that chunk has loaded, run and rendered: the home page's data
 * would wait for all of that after the session is known. The router asks for them as soon as it
 * knows the page, and the page's hooks take the answer (once) instead of asking again.
 */
const kept = new Map<string, { at: number; answer: Promise<unknown> }>();

/** An answer older than this is not used: the page asks again. */
const FRESH_MS = 10_000;

function keyOf(entry: Endpoint, call: object | undefined): string {
  const c = (call ?? {}) as { params?: object; query?: Record<string, unknown> };
  const query = Object.entries(c.query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${entry.method} ${entry.path} ${JSON.stringify(c.params ?? null)} ${JSON.stringify(query)}`;
}

/** Sends the request now; the first `takeEarly` of the same call within 10 s gets its answer. */
export function askEarly<E extends Endpoint>(entry: E, ...args: CallArgs<E>): void {
  const key = keyOf(entry, args[0]);
  if (kept.has(key)) return;
  const answer = api(entry, ...args);
  // Nobody may take it: a failure then stays silent (the page, if it comes, asks again or shows it).
  answer.catch(() => {});
  kept.set(key, { at: Date.now(), answer });
}

/** The answer asked for early (once), else a new request. */
export function takeEarly<E extends Endpoint>(entry: E, ...args: CallArgs<E>): Promise<AnswerOf<E>> {
  const key = keyOf(entry, args[0]);
  const early = kept.get(key);
  kept.delete(key);
  if (early && Date.now() - early.at < FRESH_MS) return early.answer as Promise<AnswerOf<E>>;
  return api(entry, ...args);
}

/**
 * Drops every answer asked for early: the user went elsewhere first, and by the time they come
 * back it may be stale (a bed taken meanwhile). The page then asks again.
 */
export function forgetEarly(): void {
  kept.clear();
}
