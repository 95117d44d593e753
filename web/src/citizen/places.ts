import { useEffect, useState } from 'react';
import type { NationalPlace } from '../../../core/schemas/localities.ts';
import { api } from './api.ts';
import { nationalCommunes, nationalProvinces } from './endpoints.ts';

/**
 * Origin pickers: the 34 provinces of the country, and the communes of one fetched only once it
 * is chosen (a few KB each; the 3,321 communes never travel together). Answers are public and
 * cached a day by the browser; here they are kept for the visit, and a failure is retried on the
 * next use.
 */
const cache = new Map<string, Promise<NationalPlace[]>>();

function load(province: string): Promise<NationalPlace[]> {
  let p = cache.get(province);
  if (!p) {
    p = (province ? api(nationalCommunes, { params: { code: province } }) : api(nationalProvinces, {})).then(
      (r) => r.items,
    );
    p.catch(() => cache.delete(province));
    cache.set(province, p);
  }
  return p;
}

export interface PlaceList {
  items: NationalPlace[];
  loading: boolean;
  failed: boolean;
  retry: () => void;
}

/** The provinces (`''`) or the communes of `province`; nothing while it is null. */
export function useNationalPlaces(province: string | null): PlaceList {
  const [state, setState] = useState<{ key: string | null; items: NationalPlace[]; failed: boolean }>({
    key: null,
    items: [],
    failed: false,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (province === null) return;
    let live = true;
    load(province).then(
      (items) => live && setState({ key: province, items, failed: false }),
      () => live && setState({ key: province, items: [], failed: true }),
    );
    return () => {
      live = false;
    };
  }, [province, attempt]);
  if (province === null) return { items: [], loading: false, failed: false, retry: () => {} };
  const current = state.key === province;
  return {
    items: current ? state.items : [],
    loading: !current,
    failed: current && state.failed,
    retry: () => setAttempt((n) => n + 1),
  };
}
