import { i18n } from '../i18n/index.ts';
import { ApiError, sendStored } from '../ui/api.ts';
import { newClientKey } from '../ui/client-key.ts';
import { fieldDb, type StoredRequest } from './field-db.ts';
import { fieldOwner, onOwnerChange } from './field-owner.ts';
import { dueNow, outcomeOf, overCurrent, retryDelayMs, type OutboxState } from './outbox-rules.ts';

/**
 * The outbox of field work: every write a field page makes is stored on the phone first, then sent,
 * in the order it was made, whenever the network is there (at once, when the browser says it is back
 * online, when the page comes back to the front, and every 30 s). Each request carries its client key,
 * so a resend after a lost answer is recorded once by the server. What the server refuses stays here
 * with its message until a person corrects or discards it; nothing is dropped silently.
 */
export interface OutboxRequest {
  /** The client key (the JSON body carries it as `clientKey` too); made here when absent. */
  key?: string;
  /** What the waiting list shows, in the user's language at the time of saving. */
  label: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  /** A JSON value, or a Blob sent as is with `contentType`. */
  body: unknown;
  contentType?: string;
  /** Not sent before the request with this key has been accepted (a photo after its visit). */
  after?: string;
  /** Where the server's current copy is read when it answers 409 CONFLICT (its answer has `version`). */
  currentPath?: string;
  /** The page's group ('inspections', 'border'…): each page lists its own. */
  group: string;
}

export type { OutboxState };
export type OutboxItem = Omit<StoredRequest, 'owner' | 'nextAt'>;

const changes = new EventTarget();
const otherTabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('pd-outbox') : null;
otherTabs?.addEventListener('message', () => changes.dispatchEvent(new Event('change')));

function changed(): void {
  changes.dispatchEvent(new Event('change'));
  otherTabs?.postMessage('change');
}

export function onOutboxChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

function visible(item: StoredRequest): OutboxItem {
  const { owner: _owner, nextAt: _nextAt, ...rest } = item;
  return rest;
}

async function ownItems(): Promise<StoredRequest[]> {
  const owner = fieldOwner();
  if (!owner) return [];
  return (await fieldDb()).getAllFromIndex('outbox', 'owner', owner);
}

export async function listOutbox(group?: string): Promise<OutboxItem[]> {
  const items = await ownItems();
  return items
    .filter((i) => !group || i.group === group)
    .sort((a, b) => (a.savedAt < b.savedAt ? -1 : 1))
    .map(visible);
}

/** Stores the request (the work is safe from here on), then tries to send it. */
export async function enqueue(request: OutboxRequest): Promise<OutboxItem> {
  const owner = fieldOwner();
  if (!owner) throw new ApiError(401, 'UNAUTHENTICATED', i18n.t('offline.signedOut'));
  const item: StoredRequest = {
    ...request,
    key: request.key ?? newClientKey(),
    owner,
    state: 'waiting',
    attempts: 0,
    nextAt: 0,
    savedAt: new Date().toISOString(),
  };
  await (await fieldDb()).put('outbox', item);
  changed();
  void flushOutbox();
  return visible(item);
}

async function update(key: string, change: (item: StoredRequest) => StoredRequest | null): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction('outbox', 'readwrite');
  const item = await tx.store.get(key);
  if (item && item.owner === fieldOwner()) {
    const next = change(item);
    if (next) await tx.store.put(next);
    else await tx.store.delete(key);
  }
  await tx.done;
  changed();
}

/** A person's choice: the request (refused, or in conflict) is given up. */
export function discard(key: string): Promise<void> {
  return update(key, () => null);
}

/** A refused request corrected by a person (or sent again as it was), back in the queue. */
export async function resend(key: string, body?: unknown): Promise<void> {
  await update(key, (i) => ({
    ...i,
    body: body ?? i.body,
    state: 'waiting',
    attempts: 0,
    nextAt: 0,
    message: undefined,
  }));
  void flushOutbox();
}

/** A conflict settled for this phone's version: sent again over the server's current one. */
export async function keepMine(key: string): Promise<void> {
  await update(key, (i) => ({
    ...i,
    body: overCurrent(i.body, i.current),
    state: 'waiting',
    attempts: 0,
    nextAt: 0,
    current: undefined,
  }));
  void flushOutbox();
}

async function readCurrent(path: string): Promise<unknown> {
  try {
    const res = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return res.ok ? ((await res.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function sendOne(item: StoredRequest): Promise<'stop' | 'next'> {
  let status = 0;
  let body: unknown = null;
  try {
    const isBlob = item.body instanceof Blob;
    ({ status, body } = await sendStored(item.path, {
      method: item.method,
      ...(isBlob ? { raw: item.body as Blob, contentType: item.contentType } : { json: item.body }),
    }));
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 0)) throw e;
  }
  const outcome = outcomeOf(status, body, Boolean(item.currentPath), i18n.t('errors.unexpected'));
  if (outcome.kind === 'sent') {
    await update(item.key, () => null);
    return 'next';
  }
  if (outcome.kind === 'retry') {
    const attempts = item.attempts + 1;
    await update(item.key, (i) => ({ ...i, attempts, nextAt: Date.now() + retryDelayMs(attempts) }));
    // No network or the server is down: the rest would fail the same way.
    return 'stop';
  }
  if (outcome.kind === 'conflict') {
    const current = await readCurrent(item.currentPath!);
    await update(item.key, (i) => ({ ...i, state: 'conflict', current }));
    return 'next';
  }
  await update(item.key, (i) => ({ ...i, state: 'rejected', message: outcome.message }));
  return 'next';
}

let flushing: Promise<void> | null = null;
let sending = false;

export function isSending(): boolean {
  return sending;
}

async function flushNow(): Promise<void> {
  sending = true;
  changed();
  try {
    // One request at a time, re-reading the queue after each: a later one may have been freed by it.
    for (;;) {
      const [next] = dueNow(await ownItems(), Date.now());
      if (!next || (await sendOne(next)) === 'stop') break;
    }
  } finally {
    sending = false;
    changed();
  }
}

/** Sends what is due; one flush at a time in this tab, and across tabs where the browser has locks. */
export function flushOutbox(): Promise<void> {
  if (!fieldOwner() || (typeof navigator !== 'undefined' && navigator.onLine === false)) return Promise.resolve();
  flushing ??= (async () => {
    try {
      if (navigator.locks) await navigator.locks.request('pd-outbox', () => flushNow());
      else await flushNow();
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

let started = false;

/** Sends on the browser's signals and every 30 s; once per page. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const flush = () => void flushOutbox();
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && flush());
  window.setInterval(flush, 30_000);
  onOwnerChange(flush);
  flush();
}

/** How many requests of each state this account has on the phone. */
export function countByState(items: readonly OutboxItem[]): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { waiting: 0, rejected: 0, conflict: 0 };
  for (const i of items) counts[i.state] += 1;
  return counts;
}
