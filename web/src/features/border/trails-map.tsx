import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { TrailView } from '../../../../core/schemas/border.ts';
import { offlineMap, type BoundaryCollection } from '../../ui/map.tsx';

/** Patrolled within 24 h, within 72 h, or not: the colour a trail is drawn in. */
export type Coverage = 'day' | 'three_days' | 'none';
export const coverageOf = (t: TrailView): Coverage =>
  t.patrolledWithin24h ? 'day' : t.patrolledWithin72h ? 'three_days' : 'none';
const colours: Record<Coverage, string> = { day: '#15803d', three_days: '#d97706', none: '#b91c1c' };

/**
 * The trails over the bundled commune outlines (no tile server): each a line coloured by its patrol
 * coverage, with the SVG class `trail trail-<coverage>` and its name as a tooltip.
 */
export function TrailsMap({
  boundaries,
  trails,
  label,
}: {
  boundaries: BoundaryCollection | null;
  trails: TrailView[];
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const { map, dispose } = offlineMap(el.current);
    mapRef.current = map;
    layerRef.current = L.layerGroup().addTo(map);
    return () => {
      dispose();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    if (!map || !layer) return;
    layer.clearLayers();
    const bounds = L.latLngBounds([]);
    const trailBounds = L.latLngBounds([]);
    if (boundaries) {
      const outline = L.geoJSON(boundaries, {
        style: { color: '#64748b', weight: 1, fillColor: '#f1f5f9', fillOpacity: 0.4 },
      });
      outline.addTo(layer);
      if (outline.getBounds().isValid()) bounds.extend(outline.getBounds());
    }
    for (const trail of trails) {
      const coverage = coverageOf(trail);
      const line = L.polyline(
        trail.line.coordinates.map(([lon, lat]) => [lat, lon] as [number, number]),
        { color: colours[coverage], weight: 5, className: `trail trail-${coverage}` },
      ).bindTooltip(trail.name);
      line.addTo(layer);
      trailBounds.extend(line.getBounds());
    }
    // The trails when there are some (a commune is large, a trail a few hundred metres), else the area.
    if (trailBounds.isValid()) map.fitBounds(trailBounds.pad(1.5), { maxZoom: 15 });
    else if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 15 });
  }, [boundaries, trails]);

  return (
    <div
      ref={el}
      className="trails-map"
      style={{ height: '55vh', minHeight: 280 }}
      role="img"
      aria-label={label}
      data-testid="trails-map"
    />
  );
}
