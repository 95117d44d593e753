import { useEffect, useState } from 'react';
import type { PublicRiskMapView } from '../../../../core/schemas/risk-map.ts';
import { api, ApiError } from '../api.ts';
import { useT } from '../i18n/index.ts';
import type { SvgMap } from './svg-paths.ts';
import { publicRiskMap, publicRiskMapSvg } from '../endpoints.ts';

/**
 * The public map of one province: its levels (`GET /api/public/risk-map?province=`) and its
 * communes drawn as SVG paths (`GET /api/public/risk-map-svg/<code>`: projected and simplified on
 * the server, so the phone parses no GeoJSON and projects nothing on its main thread), fetched in
 * parallel. The drawing does not change during a visit: it is kept per province (a failure is
 * fetched again on retry); the levels are asked for each time the page opens.
 */
export type RiskMapLoad =
  | { state: 'loading' }
  /** A 400/404 (unknown province, no map there): the server's message, no retry. */
  | { state: 'missing'; message: string }
  | { state: 'failed'; message: string }
  | { state: 'ok'; view: PublicRiskMapView; map: SvgMap };

const drawings = new Map<string, Promise<SvgMap>>();

function loadDrawing(province: string): Promise<SvgMap> {
  let p = drawings.get(province);
  if (!p) {
    // No answer schema (too big to run through one); its shape is core/svg-map.ts's SvgMap.
    p = api(publicRiskMapSvg, { params: { code: province } }) as Promise<SvgMap>;
    p.catch(() => drawings.delete(province));
    drawings.set(province, p);
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
    Promise.all([api(publicRiskMap, { query: { province } }), loadDrawing(province)]).then(
      ([view, map]) =>
        live &&
        setLoad({
          state: 'ok',
          view,
          map: Array.isArray(map?.paths) ? map : { width: 0, height: 0, viewBox: '0 0 0 0', paths: [] },
        }),
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
