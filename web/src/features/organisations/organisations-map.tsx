import type { GeoJsonObject } from 'geojson';
import * as L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationMapContract } from '../../../../core/contracts/organisation-map.ts';
import type { OrganisationType, RiskGroup } from '../../../../core/schemas/assessment-template.ts';
import type {
  GroupCounts,
  OrganisationMapCommune,
  OrganisationMapView,
} from '../../../../core/schemas/organisation-map.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { offlineMap, type BoundaryCollection } from '../../ui/map.tsx';
import { useBoundaries } from '../../ui/use-boundaries.ts';

/** Most severe first: a cluster takes the colour of the worst group it holds. */
const severity = ['very_high', 'high', 'medium', 'low', 'very_low', 'none'] as const;
const colours: Record<(typeof severity)[number], string> = {
  very_high: '#b91c1c',
  high: '#c2410c',
  medium: '#a16207',
  low: '#4d7c0f',
  very_low: '#15803d',
  none: '#475569',
};
/** Markers closer than this many pixels merge into one cluster at the current zoom. */
const CLUSTER_PX = 56;

interface Cluster {
  communes: OrganisationMapCommune[];
  at: L.LatLng;
  total: number;
  byGroup: GroupCounts;
}

function worst(g: GroupCounts): (typeof severity)[number] {
  return severity.find((s) => g[s] > 0) ?? 'none';
}

/**
 * Greedy grid clustering of the communes' markers in screen pixels: organisations carry no
 * coordinates of their own, so each commune (its centroid) is the finest cluster, and communes
 * closer than CLUSTER_PX merge until the user zooms in.
 */
function clusterOf(map: L.Map, communes: OrganisationMapCommune[]): Cluster[] {
  const cells = new Map<string, Cluster>();
  for (const c of communes) {
    if (c.lat === null || c.lon === null || c.total === 0) continue;
    const p = map.latLngToLayerPoint([c.lat, c.lon]);
    const key = `${Math.floor(p.x / CLUSTER_PX)}:${Math.floor(p.y / CLUSTER_PX)}`;
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, { communes: [c], at: L.latLng(c.lat, c.lon), total: c.total, byGroup: { ...c.byGroup } });
      continue;
    }
    const w = cell.total + c.total;
    cell.at = L.latLng(
      (cell.at.lat * cell.total + c.lat * c.total) / w,
      (cell.at.lng * cell.total + c.lon * c.total) / w,
    );
    cell.total = w;
    cell.communes.push(c);
    for (const s of severity) cell.byGroup[s] += c.byGroup[s];
  }
  return [...cells.values()];
}

/**
 * The safety map (lazy chunk): an area's approved organisations as clustered markers coloured by
 * the worst group they hold, over the communes' outlines; a commune's marker picks it as the list's
 * locality, a cluster of several zooms in. Counts per commune export to Excel.
 */
export default function OrganisationsMap({
  areaCode,
  query,
  onPickCommune,
}: {
  areaCode: string;
  /** The list's filters, as sent in the URL. */
  query: { locality?: string; type?: OrganisationType; sector?: string; group?: RiskGroup | 'none'; overdue?: 'true' };
  onPickCommune(code: string): void;
}) {
  const { t } = useTranslation();
  const boundaries = useBoundaries(areaCode);
  const [view, setView] = useState<OrganisationMapView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const outlines = useRef<L.GeoJSON | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPickCommune);
  pick.current = onPickCommune;
  const key = JSON.stringify(query);

  useEffect(() => {
    let live = true;
    setError(null);
    api(organisationMapContract.getOrganisationMap, { query })
      .then((v) => live && setView(v))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
    // `key` stands for the query's values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!container.current) return;
    const { map, dispose } = offlineMap(container.current);
    mapRef.current = map;
    markers.current = L.layerGroup().addTo(map);
    return () => {
      dispose();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const data = boundaries.data as BoundaryCollection | null;
    if (!map || !data || data.features.length === 0) return;
    outlines.current?.remove();
    const layer = L.geoJSON(data as GeoJsonObject, {
      style: { color: '#64748b', weight: 1, fillColor: '#f8fafc', fillOpacity: 0.4 },
      interactive: false,
    }).addTo(map);
    outlines.current = layer;
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
  }, [boundaries.data]);

  useEffect(() => {
    const map = mapRef.current;
    const group = markers.current;
    if (!map || !group || !view) return;
    const draw = () => {
      group.clearLayers();
      for (const c of clusterOf(map, view.communes)) {
        const size = Math.round(28 + Math.min(24, Math.sqrt(c.total) * 2));
        const only = c.communes.length === 1 ? c.communes[0]! : null;
        const icon = L.divIcon({
          className: 'org-cluster',
          iconSize: [size, size],
          html: `<span style="background:${colours[worst(c.byGroup)]};width:${size}px;height:${size}px;line-height:${size}px">${c.total}</span>`,
        });
        const title = [
          only ? only.name : t('organisations.map.communes', { count: c.communes.length }),
          ...severity
            .filter((s) => c.byGroup[s] > 0)
            .map((s) => `${t(`organisations.map.group.${s}`)}: ${c.byGroup[s]}`),
        ].join('\n');
        const marker = L.marker(c.at, { icon, title, keyboard: true, alt: title }).addTo(group);
        const el = marker.getElement();
        if (el) {
          el.dataset.testid = 'org-map-marker';
          el.dataset.total = String(c.total);
          if (only) el.dataset.commune = only.code;
        }
        marker.on('click', () => {
          if (only) pick.current(only.code);
          else
            map.fitBounds(L.latLngBounds(c.communes.map((m) => [m.lat!, m.lon!] as [number, number])), {
              padding: [40, 40],
              maxZoom: map.getZoom() + 3,
            });
        });
      }
    };
    draw();
    map.on('zoomend', draw);
    return () => {
      map.off('zoomend', draw);
    };
    // Redrawn for new counts or a new outline (the fit changes the zoom).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, boundaries.data]);

  const totals = view?.totals;
  return (
    <section className="org-map" data-testid="org-map">
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(organisationMapContract.getOrganisationMapExport, { query })}
          download
          data-testid="org-map-export"
        >
          {t('organisations.map.export')}
        </a>
        {totals && (
          <span className="muted" data-testid="org-map-totals" data-total={totals.total}>
            {t('organisations.map.totals', {
              total: totals.total,
              overdue: totals.overdue,
              mayNotOperate: totals.mayNotOperate,
            })}
          </span>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      <div ref={container} className="map" role="region" aria-label={t('organisations.map.label')} />
      <ul className="org-map-legend">
        {severity.map((s) => (
          <li key={s}>
            <span className="org-map-swatch" style={{ background: colours[s] }} aria-hidden="true" />
            {t(`organisations.map.group.${s}`)}
            {totals ? `: ${totals.byGroup[s]}` : ''}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('organisations.map.help')}</p>
    </section>
  );
}
