import { useEffect, useState } from 'react';
import { localitiesContract } from '../../../core/contracts/localities.ts';
import { api, errorMessage } from './api.ts';
import type { BoundaryCollection } from './map.tsx';

/** The boundaries of an area's communes (raw GeoJSON: its shape is ./map.tsx's), for a map. */
export function useBoundaries(code: string | null) {
  const [state, setState] = useState<{ data: BoundaryCollection | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  useEffect(() => {
    if (!code) return;
    let live = true;
    setState({ data: null, error: null, loading: true });
    api(localitiesContract.getLocalitiesBoundaries, { params: { code } })
      .then((fc) => live && setState({ data: fc as BoundaryCollection, error: null, loading: false }))
      .catch((e: unknown) => live && setState({ data: null, error: errorMessage(e), loading: false }));
    return () => {
      live = false;
    };
  }, [code]);
  return state;
}
