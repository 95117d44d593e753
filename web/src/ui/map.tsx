import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Formatters } from './format.ts';
import { usePlaceName } from './locality-context.tsx';

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

/**
 * A Leaflet map on `el` without tiles or attribution (the platform works offline), centred on
 * Viet Nam, that follows its container's size. `dispose` removes it.
 */
export function offlineMap(el: HTMLElement, options: L.MapOptions = {}): { map: L.Map; dispose(): void } {
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.25, minZoom: 4, ...options });
  map.setView([16, 106], 5);
  const observer = new ResizeObserver(() => map.invalidateSize());
  observer.observe(el);
  return {
    map,
    dispose() {
      observer.disconnect();
      map.remove();
    },
  };
}

export interface BoundaryMapProps {
  data: BoundaryCollection | null;
  selectedCode: string | null;
  onSelect(props: BoundaryProps): void;
  label: string;
  /**
   * Style of one commune over the default one (a choropleth's fill, a dashed outline). A new
   * function restyles the paths without rebuilding the layer.
   */
  styleFor?(code: string, selected: boolean): L.PathOptions;
  /** Attributes set on each path element (`data-level`…); recomputed along with `styleFor`. */
  dataAttributes?(code: string): Record<string, string>;
  /** Called each time the paths have been (re)styled, with the layer on the map. */
  onStyled?(): void;
  /** An extra line of a commune's tooltip (its level…). */
  describe?(code: string): string | undefined;
  /** Paths drawn above their neighbours, so a thick or dashed outline shows whole. */
  raised?(code: string): boolean;
}

function tooltip(
  p: BoundaryProps,
  label: string,
  fmt: Formatters,
  demoMark: string,
  extra: string | undefined,
): HTMLElement {
  const el = document.createElement('div');
  const name = document.createElement('strong');
  name.textContent = label;
  const pop = document.createElement('div');
  pop.textContent = `${fmt.number(p.population)}${p.population !== null && p.populationIsDemo ? ` ${demoMark}` : ''}`;
  el.append(name, pop);
  if (extra) {
    const line = document.createElement('div');
    line.textContent = extra;
    el.append(line);
  }
  return el;
}

/**
 * Leaflet map of boundaries, with no tile layer (the platform works offline). Each path (SVG) gets
 * the class `commune commune-<code>`; hover highlights and shows name + population, click selects.
 * `styleFor` / `dataAttributes` turn it into a choropleth (the risk map).
 */
export function BoundaryMap({
  data,
  selectedCode,
  onSelect,
  label,
  styleFor,
  dataAttributes,
  onStyled,
  describe,
  raised,
}: BoundaryMapProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const nameOf = usePlaceName();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.GeoJSON<BoundaryProps> | null>(null);
  // Latest values for Leaflet callbacks, which are bound once per data set.
  const live = useRef({
    fmt,
    nameOf,
    demoMark: t('common.demoFigure'),
    onSelect,
    selectedCode,
    styleFor,
    dataAttributes,
    onStyled,
    describe,
    raised,
  });
  live.current = {
    fmt,
    nameOf,
    demoMark: t('common.demoFigure'),
    onSelect,
    selectedCode,
    styleFor,
    dataAttributes,
    onStyled,
    describe,
    raised,
  };

  const styleOf = (f: Feature<Geometry | null, BoundaryProps> | undefined): L.PathOptions => {
    const code = f?.properties.code ?? '';
    const selected = code === live.current.selectedCode;
    return {
      ...baseStyle,
      ...(selected ? selectedStyle : {}),
      ...live.current.styleFor?.(code, selected),
      className: `commune commune-${code}`,
    };
  };

  /** Names of the attributes ever set by `dataAttributes`, to drop those a new answer leaves out. */
  const attrNames = useRef(new Set<string>());

  /** Restyles every path from scratch (a dash or colour left by a previous style goes away). */
  const restyle = (layer: L.GeoJSON<BoundaryProps>) => {
    const attrsOf = live.current.dataAttributes;
    layer.eachLayer((path) => {
      layer.resetStyle(path);
      if (!(path instanceof L.Polyline)) return;
      const code: unknown = path.feature?.properties?.code;
      const el = path.getElement();
      if (typeof code !== 'string' || !el) return;
      if (live.current.raised?.(code)) path.bringToFront();
      const attrs = attrsOf?.(code) ?? {};
      for (const name of attrNames.current) if (!(name in attrs)) el.removeAttribute(name);
      for (const [name, value] of Object.entries(attrs)) {
        attrNames.current.add(name);
        el.setAttribute(name, value);
      }
    });
    // The selected commune last: its outline on top of everything.
    layer.eachLayer((path) => {
      if (path instanceof L.Polyline && path.feature?.properties?.code === live.current.selectedCode)
        path.bringToFront();
    });
    live.current.onStyled?.();
  };

  useEffect(() => {
    if (!container.current) return;
    const { map, dispose } = offlineMap(container.current);
    mapRef.current = map;
    return () => {
      dispose();
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
        path.bindTooltip(
          () =>
            tooltip(
              props,
              live.current.nameOf(props.code, props.fullName || props.name),
              live.current.fmt,
              live.current.demoMark,
              live.current.describe?.(props.code),
            ),
          { sticky: true, direction: 'top' },
        );
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
    if (live.current.dataAttributes || live.current.styleFor) restyle(layer);
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
    const layer = layerRef.current;
    if (!layer) return;
    if (styleFor || dataAttributes) restyle(layer);
    else layer.setStyle(styleOf);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedCode, styleFor, dataAttributes]);

  return <div ref={container} className="map" data-testid="map" role="region" aria-label={label} />;
}
