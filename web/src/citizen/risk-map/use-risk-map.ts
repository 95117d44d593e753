import { useEffect, useState } from 'react';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';
import { api, ApiError } from '../api.ts';
import { useT } from '../i18n/index.ts';
import type { BoundaryCollection } from './svg-paths.ts';
import { publicBoundaries, publicRiskMap } from '../endpoints.ts';

/**
 * The public map of one province: its levels (`GET /api/public/risk-map?province=`) and its
 * communes' boundaries (`GET /api/public/boundaries/<code>`, up to ~1 MB gzipped), fetched in
 * parallel. Boundaries do not change during a visit: they are kept per province (a failure is
 * fetched again on retry); the levels are asked for each time the page opens.
 */
export type RiskMapLoad =
  | { state: 'loading' }
  /** A 400/404 (unknown province, no map there): the server's message, no retry. */
  | { state: 'missing'; message: string }
  | { state: 'failed'; message: string }
  | { state: 'ok'; view: PublicRiskMapView; boundaries: BoundaryCollection };

const boundaries = new Map<string, Promise<BoundaryCollection>>();

function loadBoundaries(province: string): Promise<BoundaryCollection> {
  let p = boundaries.get(province);
  if (!p) {
    // Raw GeoJSON (no answer schema: too big to run through one); its shape is svg-paths.ts's.
    p = api(publicBoundaries, { params: { code: province } }) as Promise<BoundaryCollection>;
    p.catch(() => boundaries.delete(province));
    boundaries.set(province, p);
  }
  return p;
}

/** Nothing is fetched while `province` is null (it is still being chosen). */
export function useRiskMap(province: string | null): { load: RiskMapLoad; retry: () => void } {
  const t = useT();
  // Which province the answer is for: after a change, the previous map is not shown a moment.
  const [{ key, load }, setState] = useState<{ key: string | null; load: RiskMapLoad }>({
    key: null,
    load: { state: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (province === null) return;
    let live = true;
    const setLoad = (l: RiskMapLoad) => setState({ key: province, load: l });
    setLoad({ state: 'loading' });
    Promise.all([api(publicRiskMap, { query: { province } }), loadBoundaries(province)]).then(
      ([view, geo]) =>
        live && setLoad({ state: 'ok', view, boundaries: Array.isArray(geo?.features) ? geo : { features: [] } }),
      (e: unknown) => {
        if (!live) return;
        const message = e instanceof ApiError ? e.message : t('app.unexpected');
        const missing = e instanceof ApiError && (e.status === 404 || e.status === 400);
        setLoad({ state: missing ? 'missing' : 'failed', message });
      },
    );
    return () => {
      live = false;
    };
  }, [province, attempt]);
  return {
    load: province !== null && key === province ? load : { state: 'loading' },
    retry: () => setAttempt((n) => n + 1),
  };
}
