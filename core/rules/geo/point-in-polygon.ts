/**
 * Point-in-polygon for GeoJSON Polygons, to find the administrative units whose centroid a drawn
 * area (an outbreak zone, a lockdown perimeter) covers.
 *
 * Coordinates are planar lon/lat: fine at province scale, but a ring crossing the antimeridian is not
 * handled (no Vietnamese unit does). Rings may be closed (GeoJSON) or not; winding order is ignored.
 *
 * Ray casting with the half-open rule: an edge counts when one endpoint is strictly above the point
 * and the other is not, and the crossing is strictly to the right. A point on an edge shared by two
 * adjacent polygons is thereby inside exactly one of them, so a centroid lying on a common boundary
 * is never counted twice nor lost.
 */

/** A GeoJSON position: [lon, lat] (an altitude, if any, is ignored). */
export type GeoPosition = readonly number[];
/** The `coordinates` of a GeoJSON Polygon: the outer ring first, then holes. */
export type PolygonCoordinates = ReadonlyArray<ReadonlyArray<GeoPosition>>;

export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface Centroid {
  code: string;
  lon: number | null;
  lat: number | null;
}

/** Even-odd test against one ring; fewer than 3 vertices enclose nothing. */
function inRing(x: number, y: number, ring: ReadonlyArray<GeoPosition>): boolean {
  const n = ring.length;
  if (n < 3) return false;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const pi = ring[i] as GeoPosition;
    const pj = ring[j] as GeoPosition;
    const xi = pi[0] as number;
    const yi = pi[1] as number;
    const xj = pj[0] as number;
    const yj = pj[1] as number;
    // (yi > y) !== (yj > y) also skips horizontal edges, so the division below never is by 0.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether `point` lies inside the polygon: inside the outer ring and outside every hole. Holes are
 * tested as holes, not by parity over all rings, so overlapping holes still exclude their union.
 */
export function pointInPolygon(point: readonly [number, number], polygon: PolygonCoordinates): boolean {
  const [x, y] = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const outer = polygon[0];
  if (outer === undefined || !inRing(x, y, outer)) return false;
  for (let h = 1; h < polygon.length; h++) {
    if (inRing(x, y, polygon[h] as ReadonlyArray<GeoPosition>)) return false;
  }
  return true;
}

/** Bounding box of the outer ring (holes lie within it), or null for an empty polygon. */
export function bboxOf(polygon: PolygonCoordinates): Bbox | null {
  const outer = polygon[0];
  if (outer === undefined || outer.length === 0) return null;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const p of outer) {
    const lon = p[0] as number;
    const lat = p[1] as number;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Whether a point lies in the box, edges included. */
export function inBbox(lon: number, lat: number, box: Bbox): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

/**
 * Codes of the units whose centroid the polygon covers, in input order. A unit without a centroid
 * (no geometry yet) is never covered: guessing would put it in or out of a zone arbitrarily.
 */
export function coveredCodes(polygon: PolygonCoordinates, centroids: ReadonlyArray<Centroid>): string[] {
  const box = bboxOf(polygon);
  if (box === null) return [];
  const out: string[] = [];
  for (const c of centroids) {
    if (c.lon === null || c.lat === null) continue;
    // the box test is a few comparisons; the ring walk costs one step per vertex
    if (!inBbox(c.lon, c.lat, box)) continue;
    if (pointInPolygon([c.lon, c.lat], polygon)) out.push(c.code);
  }
  return out;
}
