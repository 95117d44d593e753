import { useEffect, useState } from 'react';
import { federationContract } from '../../../../core/contracts/federation.ts';
import { localitiesContract } from '../../../../core/contracts/localities.ts';
import { riskContract } from '../../../../core/contracts/risk.ts';
import type { NationalStatusView } from '../../../../core/schemas/federation.ts';
import type { RiskMapView } from '../../../../core/schemas/risk-map.ts';
import { api, errorMessage } from '../../ui/api.ts';
import type { BoundaryCollection } from '../../ui/map.tsx';

export interface ProvinceOnHub {
  status: NationalStatusView['provinces'][number];
  /** The province's level map from the rows replicated to the hub (null: its communes are not loaded here). */
  view: RiskMapView | null;
}

export interface NationalData {
  hub: boolean;
  provinces: ProvinceOnHub[];
  /** Every province's communes in one view and one boundary collection, for one map. */
  map: { view: RiskMapView; boundaries: BoundaryCollection } | null;
  loading: boolean;
  error: string | null;
}

/**
 * The hub's national picture: its provinces and their replication, then each province's level map
 * (the risk module's, computed from the daily counts and decisions replicated here) with its
 * boundaries, merged into one map of the country.
 */
export function useNational(): NationalData {
  const [state, setState] = useState<NationalData>({
    hub: false,
    provinces: [],
    map: null,
    loading: true,
    error: null,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      const status = await api(federationContract.getFederationNational);
      const loaded = await Promise.all(
        status.provinces.map(async (p) => {
          try {
            const [view, boundaries] = await Promise.all([
              api(riskContract.getRiskMap, { query: { province: p.code } }),
              api(localitiesContract.getLocalitiesBoundaries, { params: { code: p.code } }),
            ]);
            return { status: p, view, boundaries: boundaries as BoundaryCollection };
          } catch {
            return { status: p, view: null, boundaries: null };
          }
        }),
      );
      const drawn = loaded.filter((p) => p.view && p.boundaries);
      const first = drawn[0]?.view;
      const map = first
        ? {
            view: {
              ...first,
              communes: drawn.flatMap((p) => p.view!.communes),
              levelCounts: countLevels(drawn.map((p) => p.view!)),
            },
            boundaries: {
              type: 'FeatureCollection' as const,
              features: drawn.flatMap((p) => p.boundaries!.features),
            },
          }
        : null;
      if (live) {
        setState({
          hub: status.hub,
          provinces: loaded.map((p) => ({ status: p.status, view: p.view })),
          map,
          loading: false,
          error: null,
        });
      }
    })().catch((e: unknown) => live && setState((s) => ({ ...s, loading: false, error: errorMessage(e) })));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function countLevels(views: RiskMapView[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of views) for (const [k, n] of Object.entries(v.levelCounts)) out[k] = (out[k] ?? 0) + n;
  return out;
}
