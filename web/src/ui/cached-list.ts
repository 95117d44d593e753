import { useEffect, useState } from 'react';

export interface CachedList<T> {
  items: T[];
  loading: boolean;
  failed: boolean;
  retry: () => void;
}

/**
 * A list fetched by key and kept for the visit (place pickers: the provinces, then the communes of
 * the one chosen). A failure is forgotten, so the next use (or `retry`) asks again. Shared by the
 * citizens' pages and the officials' application: each passes its own loader (its own API client).
 */
export function cachedListHook<T>(load: (key: string) => Promise<T[]>): (key: string | null) => CachedList<T> {
  const cache = new Map<string, Promise<T[]>>();
  const fetchOnce = (key: string) => {
    let p = cache.get(key);
    if (!p) {
      p = load(key);
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  };
  return function useCachedList(key: string | null): CachedList<T> {
    const [state, setState] = useState<{ key: string | null; items: T[]; failed: boolean }>({
      key: null,
      items: [],
      failed: false,
    });
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (key === null) return;
      let live = true;
      fetchOnce(key).then(
        (items) => live && setState({ key, items, failed: false }),
        () => live && setState({ key, items: [], failed: true }),
      );
      return () => {
        live = false;
      };
    }, [key, attempt]);
    if (key === null) return { items: [], loading: false, failed: false, retry: () => {} };
    const current = state.key === key;
    return {
      items: current ? state.items : [],
      loading: !current,
      failed: current && state.failed,
      retry: () => setAttempt((n) => n + 1),
    };
  };
}
