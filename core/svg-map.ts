import simplify from 'simplify-js';

/**
 * Commune boundaries (GeoJSON, WGS 84) as SVG path strings, for the public map of levels: no map
 * library in the citizens' bundle, one `<path>` per commune. Pure functions, no DOM.
 *
 * Projection: equirectangular, longitudes scaled by cos(mean latitude) (the middle of the
 * latitudes covered), y pointing down; then one uniform scale so the whole province fits the box
 * given, centred. The viewBox returned is tight around the drawing (plus the padding), so a tall
 * province gives a tall picture and no empty bands. Coordinates are rounded to 0.1 unit and
 * repeated points dropped (`minStep`: also those closer than that to the last point kept): a few
 * hundred communes stay a DOM a cheap phone handles. With `tolerance`, each projected ring is
 * simplified first (Douglas–Peucker, simplify-js): a point whose removal moves the outline by less
 * than that many units goes. The server builds it once per province
 * (`GET /api/public/risk-map-svg/:code`), so the phone only inserts the paths.
 */
export type Position = readonly number[];
export type Geometry =
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] }
  | { type: string; coordinates?: unknown };

export interface BoundaryFeature {
  properties: { code: string; name: string } | null;
  geometry: Geometry | null;
}
export interface BoundaryCollection {
  features: readonly BoundaryFeature[];
}

export interface CommunePath {
  code: string;
  name: string;
  d: string;
}
export interface SvgMap {
  width: number;
  height: number;
  /** `0 0 width height`. */
  viewBox: string;
  paths: CommunePath[];
}

export interface FitOptions {
  /** The largest drawing wanted, in SVG units (padding included). */
  width?: number;
  height?: number;
  padding?: number;
  /** Drop a point closer than this (SVG units, on both axes) to the previous one kept; none by default. */
  minStep?: number;
  /** Simplify each ring to within this distance (SVG units) before rounding; none by default. */
  tolerance?: number;
}

type Ring = readonly Position[];

/** The polygons of a geometry (each a list of rings: outer then holes); none for other types. */
function polygonsOf(g: Geometry | null): (readonly Ring[])[] {
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return [g.coordinates as readonly Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as (readonly Ring[])[];
  return [];
}

const round1 = (v: number) => {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r; // no "-0"
};

/** Builds the paths of every commune with a Polygon or MultiPolygon boundary (others are skipped). */
export function buildSvgMap(fc: BoundaryCollection, opts: FitOptions = {}): SvgMap {
  const maxW = opts.width ?? 1000;
  const maxH = opts.height ?? 1000;
  const pad = opts.padding ?? 4;
  const shapes = fc.features
    .filter((f) => f.properties && typeof f.properties.code === 'string')
    .map((f) => ({ code: f.properties!.code, name: f.properties!.name ?? '', polygons: polygonsOf(f.geometry) }))
    .filter((s) => s.polygons.length > 0);

  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const s of shapes)
    for (const poly of s.polygons)
      for (const ring of poly)
        for (const p of ring) {
          const lon = p[0]!;
          const lat = p[1]!;
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
  if (!(minLon <= maxLon && minLat <= maxLat))
    return { width: maxW, height: maxH, viewBox: `0 0 ${maxW} ${maxH}`, paths: [] };

  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * kx;
  const spanY = maxLat - minLat;
  const innerW = maxW - 2 * pad;
  const innerH = maxH - 2 * pad;
  // A single point (no span) is drawn at scale 1 rather than divided by zero.
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  const s = Number.isFinite(scale) ? scale : 1;
  const width = Math.round(spanX * s + 2 * pad);
  const height = Math.round(spanY * s + 2 * pad);
  // Centre the drawing in the (rounded) box.
  const offX = (width - spanX * s) / 2;
  const offY = (height - spanY * s) / 2;

  const minStep = opts.minStep ?? 0;
  const tolerance = opts.tolerance ?? 0;
  // The projected ring, simplified when asked (its first and last points always stay).
  const projected = (ring: Ring): { x: number; y: number }[] => {
    const exact = ring.map((p) => ({ x: offX + (p[0]! - minLon) * kx * s, y: offY + (maxLat - p[1]!) * s }));
    return tolerance > 0 ? simplify(exact, tolerance, true) : exact;
  };
  const ringPath = (ring: Ring): string => {
    const pts: string[] = [];
    let last = '';
    let lastX = NaN;
    let lastY = NaN;
    const points = projected(ring);
    points.forEach((p, i) => {
      const x = round1(p.x);
      const y = round1(p.y);
      // The last point always stays: it closes the ring.
      if (minStep > 0 && Math.abs(x - lastX) < minStep && Math.abs(y - lastY) < minStep && i < points.length - 1)
        return;
      const pt = `${x} ${y}`;
      if (pt !== last) pts.push(pt);
      last = pt;
      lastX = x;
      lastY = y;
    });
    // GeoJSON repeats the first point at the end: `Z` closes the ring instead.
    if (pts.length > 1 && pts[pts.length - 1] === pts[0]) pts.pop();
    if (pts.length < 3) return ''; // a ring smaller than the rounding step is not drawn
    return `M${pts[0]}L${pts.slice(1).join(' ')}Z`;
  };

  const paths: CommunePath[] = [];
  for (const sh of shapes) {
    const d = sh.polygons.map((poly) => poly.map(ringPath).join('')).join('');
    if (d) paths.push({ code: sh.code, name: sh.name, d });
  }
  return { width, height, viewBox: `0 0 ${width} ${height}`, paths };
}
