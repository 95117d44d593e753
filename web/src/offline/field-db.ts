import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxState } from './outbox-rules.ts';

/**
 * What field work keeps on the phone, in IndexedDB: the requests made without a signal (the outbox,
 * photos included as Blobs) and the data the field pages need to open without one (kept reads).
 * Both carry the account they belong to: a shared phone never sends one officer's work with another's
 * session, nor shows them what another read.
 */
export interface StoredRequest {
  key: string;
  owner: string;
  group: string;
  label: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: unknown;
  contentType?: string;
  after?: string;
  currentPath?: string;
  state: OutboxState;
  attempts: number;
  nextAt: number;
  savedAt: string;
  message?: string;
  current?: unknown;
}

export interface KeptRead {
  /** `${owner}|${key}` */
  id: string;
  owner: string;
  data: unknown;
  keptAt: string;
}

interface FieldDb extends DBSchema {
  outbox: { key: string; value: StoredRequest; indexes: { owner: string } };
  kept: { key: string; value: KeptRead; indexes: { owner: string } };
}

let opening: Promise<IDBPDatabase<FieldDb>> | null = null;

export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  opening ??= openDB<FieldDb>('pd-field', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('owner', 'owner');
      d.createObjectStore('kept', { keyPath: 'id' }).createIndex('owner', 'owner');
    },
  });
  return opening;
}
