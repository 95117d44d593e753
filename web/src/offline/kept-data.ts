import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../ui/api.ts';
import { fieldDb } from './field-db.ts';
import { fieldOwner } from './field-owner.ts';

/**
 * The read side of field work: what a field page needs to open without a signal (today's visits, a
 * checklist, a post's roster), kept on the phone each time it was read online and read back from there
 * when the network is not. The page says how old it is (`keptAt`).
 */
export async function keepRead(key: string, data: unknown): Promise<void> {
  const owner = fieldOwner();
  if (!owner) return;
  await (await fieldDb()).put('kept', { id: `${owner}|${key}`, owner, data, keptAt: new Date().toISOString() });
}

export async function readKept<T>(key: string): Promise<{ data: T; keptAt: string } | null> {
  const owner = fieldOwner();
  if (!owner) return null;
  const row = await (await fieldDb()).get('kept', `${owner}|${key}`);
  return row ? { data: row.data as T, keptAt: row.keptAt } : null;
}

/**
 * Drops what this account read (at sign-out: the data is personal and the phone may be shared). The
 * outbox is kept: unsent work is sent when the same account signs in again.
 */
export async function forgetKeptReads(owner: string): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction('kept', 'readwrite');
  for (const id of await tx.store.index('owner').getAllKeys(owner)) await tx.store.delete(id);
  await tx.done;
}

export interface KeptData<T> {
  data?: T;
  /** When the shown data was read from the server, if it comes from the phone. */
  keptAt?: string;
  fromKept: boolean;
  error?: unknown;
  loading: boolean;
  reload(): void;
}

const unreachable = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

/** Reads from the server and keeps the answer; without a network, shows what was kept last. */
export function useKeptData<T>(key: string, load: () => Promise<T>): KeptData<T> {
  const [state, setState] = useState<Omit<KeptData<T>, 'reload'>>({ fromKept: false, loading: true });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const fromPhone = async (error: unknown) => {
      const kept = await readKept<T>(key).catch(() => null);
      if (!live) return;
      if (kept) setState({ data: kept.data, keptAt: kept.keptAt, fromKept: true, loading: false });
      else setState({ error, fromKept: false, loading: false });
    };
    load().then(
      async (data) => {
        if (!live) return;
        setState({ data, fromKept: false, loading: false });
        await keepRead(key, data).catch(() => {
          // storage full or blocked: the page still works online
        });
      },
      (error: unknown) => {
        if (!live) return;
        if (unreachable(error)) void fromPhone(error);
        else setState({ error, fromKept: false, loading: false });
      },
    );
    return () => {
      live = false;
    };
    // `load` is the page's function of the moment; the key names what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);

  return { ...state, reload };
}
