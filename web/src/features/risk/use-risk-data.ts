import type { Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import type { RuleSetSummary } from '../../../../core/schemas/risk-admin.ts';
import type { RiskMapView } from '../../../../core/schemas/risk-map.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import { api, errorMessage } from '../../ui/api.ts';
import type { BoundaryCollection } from '../../ui/map.tsx';

/** The rule sets (GET /api/risk/rule-sets); a failure leaves the list empty (the map still works). */
export function useRuleSets(): RuleSetSummary[] {
  const [items, setItems] = useState<RuleSetSummary[]>([]);
  useEffect(() => {
    let live = true;
    api(riskAdminContract.getRiskRuleSets)
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, []);
  return items;
}

/** True for an official of a district or commune, who may not read the whole province's units. */
export const narrowerThanProvince = (root: { level: string } | null): boolean =>
  root !== null && (root.level === 'district' || root.level === 'commune');

/** GET /api/public/boundaries/:province: code and full name only. */
interface PublicBoundaries {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: Geometry | null }[];
}

/**
 * The commune boundaries of a province. Officials of the province read them with populations; an
 * official of a district or commune (`narrower`) gets the public outlines: the level map and the
 * zones of the province are open to them, as to the public, the populations of others are not.
 */
export async function provinceBoundaries(province: string, narrower: boolean): Promise<BoundaryCollection> {
  // Raw GeoJSON both (no answer schema: too big to run through one); shapes as ui/map.tsx says.
  if (!narrower)
    return (await api(localitiesContract.getLocalitiesBoundaries, {
      params: { code: province },
    })) as BoundaryCollection;
  const fc = (await api(localitiesContract.getPublicBoundariesByCode, {
    params: { code: province },
  })) as PublicBoundaries;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: {
        code: f.properties.code,
        name: f.properties.name,
        fullName: f.properties.name,
        population: null,
        populationIsDemo: false,
      },
      geometry: f.geometry,
    })),
  };
}

/** The commune boundaries of the province (zone names, the commune list and the drawing map). */
export function useBoundaries(province: string, narrower: boolean): BoundaryCollection | null {
  const [data, setData] = useState<BoundaryCollection | null>(null);
  useEffect(() => {
    let live = true;
    provinceBoundaries(province, narrower)
      .then((fc) => live && setData(fc))
      .catch(() => live && setData(null));
    return () => {
      live = false;
    };
  }, [province, narrower]);
  return data;
}

export interface RiskMapData {
  view: RiskMapView | null;
  boundaries: BoundaryCollection | null;
  loading: boolean;
  error: string | null;
}

/**
 * The level map of a province on a day under a rule set, and the boundaries to draw it, fetched in
 * parallel; both are handed over together so the map is drawn coloured at once. A new `generation`
 * refetches the levels (after a decision); the boundaries of the same area come from the cache.
 */
export function useRiskMap(
  province: string,
  narrower: boolean,
  date: string,
  ruleSet: string | undefined,
  generation: number,
): RiskMapData {
  const [state, setState] = useState<RiskMapData>({ view: null, boundaries: null, loading: true, error: null });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.all([
      api(riskContract.getRiskMap, { query: { province, date, ruleSet } }),
      provinceBoundaries(province, narrower),
    ])
      .then(([view, boundaries]) => {
        if (!live) return;
        // Same communes as before: keep the object, so the map restyles instead of redrawing.
        setState((s) => ({
          view,
          boundaries: s.boundaries && sameFeatures(s.boundaries, boundaries) ? s.boundaries : boundaries,
          loading: false,
          error: null,
        }));
      })
      .catch((e: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(e) })));
    return () => {
      live = false;
    };
  }, [province, narrower, date, ruleSet, generation]);
  return state;
}

function sameFeatures(a: BoundaryCollection, b: BoundaryCollection): boolean {
  return (
    a.features.length === b.features.length &&
    a.features.every((f, i) => f.properties.code === b.features[i]?.properties.code)
  );
}
