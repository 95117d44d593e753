import { useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';
import { useT } from './i18n/index.ts';

/** What a citizen page fetched by its address: a venue behind a poster, a daily report link… */
export type Resource<T> = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ok'; value: T };

/**
 * Loads a public resource once per address (and again on `retry`), not on a language change: the
 * answer does not depend on it. A 404 or 400 is "this link is wrong", anything else can be retried.
 */
export function usePublicResource<T>(path: string): { load: Resource<T>; retry: () => void; set: (value: T) => void } {
  const t = useT();
  const [load, setLoad] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    api<T>(path).then(
      (value) => live && setLoad({ state: 'ok', value }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setLoad({ state: 'missing' });
        else setLoad({ state: 'failed', message: e instanceof ApiError ? e.message : t('app.unexpected') });
      },
    );
    return () => {
      live = false;
    };
  }, [path, attempt]);
  return { load, retry: () => setAttempt((n) => n + 1), set: (value) => setLoad({ state: 'ok', value }) };
}
