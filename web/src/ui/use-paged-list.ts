import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../core/schemas/common.ts';
import { api, errorMessage, type Query } from './api.ts';

export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Fetches the next page (`after=nextCursor`) and appends it. */
  loadMore(): void;
  /** Starts again from the first page. */
  reload(): void;
  /** Replaces one loaded item in place (after an edit). */
  replace(match: (item: T) => boolean, next: T): void;
}

/**
 * Keyset paging over a `Page<T>` endpoint. The first page is fetched whenever `path` or `query`
 * change (query values compared by content); answers of superseded requests are dropped.
 */
export function usePagedList<T>(path: string | null, query: Query, limit = 50): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const requestId = useRef(0);
  const key = path === null ? null : JSON.stringify([path, query, limit]);
  const keyRef = useRef(key);
  keyRef.current = key;

  const fetchPage = useCallback(
    async (after: string | null, append: boolean) => {
      const currentKey = keyRef.current;
      if (currentKey === null) return;
      const [p, q] = JSON.parse(currentKey) as [string, Query];
      const id = ++requestId.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api<Page<T>>(p, { query: { ...q, limit, after: after ?? undefined } });
        if (id !== requestId.current) return;
        setItems((prev) => (append ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (e) {
        if (id !== requestId.current) return;
        if (!append) setItems([]);
        setError(errorMessage(e));
      } finally {
        if (id === requestId.current) setLoading(false);
      }
    },
    [limit],
  );

  useEffect(() => {
    if (key === null) {
      requestId.current++;
      setItems([]);
      setNextCursor(null);
      return;
    }
    void fetchPage(null, false);
  }, [key, generation, fetchPage]);

  return {
    items,
    nextCursor,
    loading,
    error,
    loadMore: () => {
      if (nextCursor && !loading) void fetchPage(nextCursor, true);
    },
    reload: () => setGeneration((g) => g + 1),
    replace: (match, next) => setItems((prev) => prev.map((it) => (match(it) ? next : it))),
  };
}
