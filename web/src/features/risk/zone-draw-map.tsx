import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineMap, type BoundaryCollection, type BoundaryProps } from '../../ui/map.tsx';

/** A corner as Leaflet has it: [lat, lng]. */
export type Corner = readonly [number, number];

const boundaryStyle: L.PathOptions = {
  color: '#64748b',
  weight: 1,
  opacity: 0.8,
  fillColor: '#e2e8f0',
  fillOpacity: 0.4,
  interactive: false,
};
const drawStyle: L.PathOptions = {
  color: '#b91c1c',
  weight: 3,
  fillColor: '#f87171',
  fillOpacity: 0.3,
  interactive: false,
};

/**
 * Drawing a zone by hand (no tiles: the commune boundaries are the background). A click adds a
 * corner; a double click or "Xong" closes the area (at least 3 corners); "Bỏ đỉnh cuối" and
 * "Vẽ lại" correct it. The corners are the parent's state.
 */
export function ZoneDrawMap({
  boundaries,
  corners,
  closed,
  onChange,
}: {
  boundaries: BoundaryCollection | null;
  corners: readonly Corner[];
  closed: boolean;
  onChange(corners: Corner[], closed: boolean): void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const drawRef = useRef<L.LayerGroup | null>(null);
  const live = useRef({ corners, closed, onChange });
  live.current = { corners, closed, onChange };

  useEffect(() => {
    if (!container.current) return;
    const { map, dispose } = offlineMap(container.current, { doubleClickZoom: false });
    mapRef.current = map;
    drawRef.current = L.layerGroup().addTo(map);
    map.getContainer().style.cursor = 'crosshair';
    map.on('click', (e: L.LeafletMouseEvent) => {
      const { corners: cs, closed: done, onChange: change } = live.current;
      if (done) return;
      const last = cs[cs.length - 1];
      const next: Corner = [e.latlng.lat, e.latlng.lng];
      // The second click of a double click lands on the corner just added.
      if (last && Math.abs(last[0] - next[0]) < 1e-9 && Math.abs(last[1] - next[1]) < 1e-9) return;
      change([...cs, next], false);
    });
    map.on('dblclick', () => {
      const { corners: cs, closed: done, onChange: change } = live.current;
      if (!done && cs.length >= 3) change([...cs], true);
    });
    return () => {
      dispose();
      mapRef.current = null;
      drawRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundaries || boundaries.features.length === 0) return;
    const layer = L.geoJSON<BoundaryProps>(boundaries as FeatureCollection<Geometry, BoundaryProps>, {
      style: () => boundaryStyle,
      interactive: false,
    }).addTo(map);
    layer.bringToBack();
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => {
      layer.remove();
    };
  }, [boundaries]);

  useEffect(() => {
    const group = drawRef.current;
    if (!group) return;
    group.clearLayers();
    const latlngs = corners.map(([lat, lng]) => L.latLng(lat, lng));
    if (closed) L.polygon(latlngs, { ...drawStyle, className: 'zone-drawn' }).addTo(group);
    else if (latlngs.length > 1)
      L.polyline(latlngs, { ...drawStyle, dashArray: '6 4', className: 'zone-drawing' }).addTo(group);
    for (const p of latlngs)
      L.circleMarker(p, {
        radius: 4,
        color: '#7f1d1d',
        weight: 2,
        fillColor: '#fff',
        fillOpacity: 1,
        interactive: false,
      }).addTo(group);
  }, [corners, closed]);

  const status = closed
    ? t('riskZones.drawClosed', { count: corners.length })
    : corners.length > 0 && corners.length < 3
      ? `${t('riskZones.drawCorners', { count: corners.length })} ${t('riskZones.drawTooFew')}`
      : t('riskZones.drawCorners', { count: corners.length });

  return (
    <div className="full risk-draw">
      <p className="small muted">{t('riskZones.drawHint')}</p>
      <div
        ref={container}
        className="map risk-draw-map"
        data-testid="zone-draw-map"
        role="application"
        aria-label={t('riskZones.drawMapLabel')}
      />
      <p
        className="small"
        aria-live="polite"
        data-testid="zone-draw-status"
        data-corners={corners.length}
        data-closed={closed}
      >
        {status}
      </p>
      <div className="row-actions risk-draw-actions">
        <button
          type="button"
          disabled={closed || corners.length < 3}
          onClick={() => onChange([...corners], true)}
          data-testid="zone-draw-done"
        >
          {t('riskZones.drawDone')}
        </button>
        <button
          type="button"
          disabled={corners.length === 0}
          onClick={() => onChange(corners.slice(0, -1), false)}
          data-testid="zone-draw-undo"
        >
          {t('riskZones.drawUndo')}
        </button>
        <button
          type="button"
          disabled={corners.length === 0}
          onClick={() => onChange([], false)}
          data-testid="zone-draw-clear"
        >
          {t('riskZones.drawClear')}
        </button>
      </div>
    </div>
  );
}
