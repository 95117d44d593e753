/** Minimal GeoJSON geometry helpers (no PostGIS: polygons live as GeoJSON, joined by code). */
export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

function polygonsOf(g: AreaGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Signed planar area and centroid of one ring (shoelace); good enough at commune scale. */
function ringMoments(ring: Ring): { area: number; cx: number; cy: number } {
  let a = 0,
    cx = 0,
    cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return { area: a / 2, cx, cy };
}

/**
 * Area-weighted centroid of the outer rings (holes ignored). Used as the unit's point for distance
 * searches; for a concave unit it may fall outside the shape, which is acceptable for ranking.
 */
export function centroid(g: AreaGeometry): Position | null {
  let area = 0,
    cx = 0,
    cy = 0;
  for (const polygon of polygonsOf(g)) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const m = ringMoments(outer);
    area += m.area;
    cx += m.cx;
    cy += m.cy;
  }
  if (Math.abs(area) < 1e-12) return null;
  return [cx / (6 * area), cy / (6 * area)];
}

/** The geometry of two merged units: their polygons side by side (a MultiPolygon). */
export function combineAreas(a: AreaGeometry, b: AreaGeometry): MultiPolygonGeometry {
  return { type: 'MultiPolygon', coordinates: [...polygonsOf(a), ...polygonsOf(b)] };
}

export function isAreaGeometry(v: unknown): v is AreaGeometry {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  return (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}
