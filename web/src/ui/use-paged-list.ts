import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerOf, Endpoint, ParamsOf, QueryOf } from '../../../core/contracts/contract.ts';
import { api, apiHref, errorMessage, type Call, type QueryArg } from './api.ts';

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

/** The items of a paged entry's answer. */
export type ItemOf<E> = AnswerOf<E> extends { items: readonly (infer T)[] } ? T : never;
/** A paged entry's query without the cursor and page size (the hook sets them). */
export type PageQueryArg<E> = Omit<QueryArg<QueryOf<E>>, 'after' | 'limit'>;

/**
 * Keyset paging over a paged contract entry (`{ items, nextCursor }`). The first page is fetched
 * whenever the entry, its params or `query` change (compared by content); answers of superseded
 * requests are dropped. A null entry fetches nothing (e.g. until a locality is chosen).
 */
export function usePagedList<E extends Endpoint>(
  entry: E | null,
  query: PageQueryArg<E>,
  options: { params?: ParamsOf<E>; limit?: number } = {},
): PagedList<ItemOf<E>> {
  type T = ItemOf<E>;
  const limit = options.limit ?? 50;
  const entryRef = useRef(entry);
  entryRef.current = entry;
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const requestId = useRef(0);
  // The address with its params identifies the list (the entry object alone does not).
  const address =
    entry === null
      ? null
      : (apiHref as (e: Endpoint, c: { params?: unknown }) => string)(entry, { params: options.params });
  const key = address === null ? null : JSON.stringify([address, options.params, query, limit]);
  const keyRef = useRef(key);
  keyRef.current = key;

  const fetchPage = useCallback(
    async (after: string | null, append: boolean) => {
      const currentKey = keyRef.current;
      if (currentKey === null) return;
      const current = entryRef.current;
      if (current === null) return;
      const [, params, q] = JSON.parse(currentKey) as [string, unknown, object];
      const id = ++requestId.current;
      setLoading(true);
      setError(null);
      try {
        // The entry's type is generic here; the call is checked where the hook is used.
        const call = { params, query: { ...q, limit, after: after ?? undefined } } as unknown as Call<E>;
        const page = (await (api as (e: E, c: Call<E>) => Promise<unknown>)(current, call)) as {
          items: T[];
          nextCursor: string | null;
        };
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
