import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from './format.ts';

/** Properties of a feature of GET /api/localities/{code}/boundaries. */
export interface BoundaryProps {
  code: string;
  name: string;
  fullName: string;
  population: number | null;
  populationIsDemo: boolean;
}
export type BoundaryCollection = FeatureCollection<Geometry | null, BoundaryProps>;

const baseStyle: L.PathOptions = { color: '#7f1d1d', weight: 1, opacity: 0.8, fillColor: '#fecaca', fillOpacity: 0.35 };
const selectedStyle: L.PathOptions = { color: '#991b1b', weight: 2.5, fillColor: '#f87171', fillOpacity: 0.55 };
const hoverStyle: L.PathOptions = { color: '#b91c1c', weight: 2.5, fillOpacity: 0.6 };

export interface BoundaryMapProps {
  data: BoundaryCollection | null;
  selectedCode: string | null;
  onSelect(props: BoundaryProps): void;
  label: string;
}

function tooltip(p: BoundaryProps, fmt: Formatters, demoMark: string): HTMLElement {
  const el = document.createElement('div');
  const name = document.createElement('strong');
  name.textContent = p.fullName || p.name;
  const pop = document.createElement('div');
  pop.textContent = `${fmt.number(p.population)}${p.population !== null && p.populationIsDemo ? ` ${demoMark}` : ''}`;
  el.append(name, pop);
  return el;
}

/**
 * Leaflet map of boundaries, with no tile layer (the platform works offline). Each path gets the
 * class `commune-<code>`; hover highlights and shows name + population, click selects.
 */
export function BoundaryMap({ data, selectedCode, onSelect, label }: BoundaryMapProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.GeoJSON<BoundaryProps> | null>(null);
  // Latest values for Leaflet callbacks, which are bound once per data set.
  const live = useRef({ fmt, demoMark: t('common.demoFigure'), onSelect, selectedCode });
  live.current = { fmt, demoMark: t('common.demoFigure'), onSelect, selectedCode };

  const styleOf = (f: Feature<Geometry | null, BoundaryProps> | undefined): L.PathOptions => {
    const code = f?.properties.code ?? '';
    return {
      ...baseStyle,
      ...(code === live.current.selectedCode ? selectedStyle : {}),
      className: `commune commune-${code}`,
    };
  };

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { attributionControl: false, zoomSnap: 0.25, minZoom: 4 });
    map.setView([16, 106], 5);
    mapRef.current = map;
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !data || data.features.length === 0) return;
    const layer = L.geoJSON<BoundaryProps>(data as FeatureCollection<Geometry, BoundaryProps>, {
      style: styleOf,
      onEachFeature: (feature, path) => {
        const props = feature.properties;
        path.bindTooltip(() => tooltip(props, live.current.fmt, live.current.demoMark), { sticky: true, direction: 'top' });
        path.on({
          mouseover: () => {
            (path as L.Path).setStyle(hoverStyle);
            (path as L.Path).bringToFront();
          },
          mouseout: () => layer.resetStyle(path),
          click: () => live.current.onSelect(props),
        });
      },
    }).addTo(map);
    layerRef.current = layer;
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    return () => {
      layer.remove();
      layerRef.current = null;
    };
    // styleOf reads `live`, so the layer is rebuilt only for new data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  useEffect(() => {
    layerRef.current?.setStyle(styleOf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedCode]);

  return <div ref={container} className="map" data-testid="map" role="region" aria-label={label} />;
}
