import { useEffect, useState } from 'react';
import type { Page } from '../../../core/schemas/common.ts';
import { ApiError } from './api.ts';
import { useT } from './i18n/index.ts';

/**
 * A public list a page at a time ("load more"): started again whenever `key` changes (a new province
 * or commune), an answer that arrives after the key changed is dropped. `fetchPage` is null while
 * there is nothing to ask for (no province yet).
 */
export function usePublicPages<T>(
  key: string,
  fetchPage: ((after: string | undefined) => Promise<Page<T>>) | null,
): { items: T[] | null; error: string | null; more: (() => void) | null } {
  const t = useT();
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (after: string | undefined, into: T[]) => {
    if (!fetchPage) return () => {};
    let live = true;
    fetchPage(after).then(
      (page) => {
        if (!live) return;
        setItems([...into, ...page.items]);
        setNext(page.nextCursor);
      },
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : t('app.unexpected')),
    );
    return () => {
      live = false;
    };
  };
  useEffect(() => {
    setItems(null);
    setError(null);
    return load(undefined, []);
    // The key names what is listed; the fetcher is a new function at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { items, error, more: next && items ? () => load(next, items) : null };
}
