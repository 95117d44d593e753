import { useEffect, useState } from 'react';
import type { AnswerOf, Endpoint, ParamsOf } from '../../../core/contracts/contract.ts';
import { api, ApiError, type Call } from './api.ts';
import { useT } from './i18n/index.ts';

/** What a citizen page fetched by its address: a venue behind a poster, a daily report link… */
export type Resource<T> =
  { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ok'; value: T };

/**
 * Loads a public resource once per address (and again on `retry`), not on a language change: the
 * answer does not depend on it. A 404 or 400 is "this link is wrong", anything else can be retried.
 */
export function usePublicResource<E extends Endpoint>(
  endpoint: E,
  params: ParamsOf<E>,
): { load: Resource<AnswerOf<E>>; retry: () => void; set: (value: AnswerOf<E>) => void } {
  type T = AnswerOf<E>;
  const t = useT();
  const [load, setLoad] = useState<Resource<T>>({ state: 'loading' });
  // The params by content: the address they make is what the resource is.
  const key = JSON.stringify(params);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    (api as (e: E, c: Call<E>) => Promise<T>)(endpoint, { params } as Call<E>).then(
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
  }, [endpoint, key, attempt]);
  return { load, retry: () => setAttempt((n) => n + 1), set: (value) => setLoad({ state: 'ok', value }) };
}
