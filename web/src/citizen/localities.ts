import { useEffect, useState } from 'react';
import type { PublicLocality } from '../../../core/schemas/localities.ts';
import { api } from './api.ts';
import { publicLocalities } from './endpoints.ts';

/**
 * Address pickers: `GET /api/public/localities` (the provinces loaded in this installation) and
 * `?parent=<code>` (the communes of one). Answers are kept for the visit; a failure is retried
 * on the next use.
 */
const cache = new Map<string, Promise<PublicLocality[]>>();

function load(parent: string): Promise<PublicLocality[]> {
  let p = cache.get(parent);
  if (!p) {
    p = api(publicLocalities, { query: { parent: parent || undefined } }).then((r) => r.items);
    p.catch(() => cache.delete(parent));
    cache.set(parent, p);
  }
  return p;
}

export interface LocalityList {
  items: PublicLocality[];
  loading: boolean;
  failed: boolean;
  retry: () => void;
}

/** The provinces (no parent) or the units under `parent`; nothing while `parent` is null. */
export function useLocalities(parent: string | null): LocalityList {
  const [state, setState] = useState<{ key: string | null; items: PublicLocality[]; failed: boolean }>({
    key: null,
    items: [],
    failed: false,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (parent === null) return;
    let live = true;
    load(parent).then(
      (items) => live && setState({ key: parent, items, failed: false }),
      () => live && setState({ key: parent, items: [], failed: true }),
    );
    return () => {
      live = false;
    };
  }, [parent, attempt]);
  if (parent === null) return { items: [], loading: false, failed: false, retry: () => {} };
  const current = state.key === parent;
  return {
    items: current ? state.items : [],
    loading: !current,
    failed: current && state.failed,
    retry: () => setAttempt((n) => n + 1),
  };
}
