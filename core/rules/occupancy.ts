/**
 * Occupancy of facility capacity, alert thresholds, distances between communes and the suggested
 * split of a group of people over free places. Pure: the server counts, these rules decide.
 */

export interface CapacityCount {
  capacity: number;
  occupied: number;
}

export interface Occupancy extends CapacityCount {
  free: number;
  /** Share in use with one decimal; over 100 when more are admitted than the capacity allows. */
  percent: number;
  alert: boolean;
}

/**
 * Capacity, use and alert of one kind. The alert compares exact integers (occupied × 100 ≥
 * threshold × capacity) so that 8 of 10 at a threshold of 80 % alerts whatever the rounding of
 * `percent`. People admitted where no capacity is declared alert (someone must look), except where
 * the place is `uncapped` (home quarantine has no places to run out of).
 */
export function occupancyOf(c: CapacityCount, alertPercent: number, o: { uncapped?: boolean } = {}): Occupancy {
  const free = Math.max(0, c.capacity - c.occupied);
  if (c.capacity <= 0 && o.uncapped) return { ...c, free, percent: 0, alert: false };
  if (c.capacity <= 0) return { ...c, free, percent: c.occupied > 0 ? 100 : 0, alert: c.occupied > 0 };
  return {
    ...c,
    free,
    percent: Math.round((c.occupied * 1000) / c.capacity) / 10,
    alert: c.occupied * 100 >= alertPercent * c.capacity,
  };
}

/** Sums lines per kind, keeping the order of `kinds`; kinds nobody offers or uses are left out. */
export function totalsByKind<K extends string>(kinds: readonly K[], lines: readonly (CapacityCount & { kind: K })[]) {
  return kinds.flatMap((kind) => {
    const of = lines.filter((l) => l.kind === kind);
    if (of.length === 0) return [];
    const sum = { capacity: of.reduce((s, l) => s + l.capacity, 0), occupied: of.reduce((s, l) => s + l.occupied, 0) };
    const { alert: _alert, ...line } = occupancyOf(sum, 100);
    return [{ kind, ...line }];
  });
}

export interface LonLat {
  lon: number;
  lat: number;
}

const earthRadiusKm = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine) in kilometres. Commune centroids make it an estimate, not a route. */
export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface PlacementCandidate {
  id: string;
  free: number;
  /** Centroid of the facility's commune, when known. */
  position: LonLat | null;
}

export type PlacementOption<T extends PlacementCandidate> = T & { distanceKm: number | null; suggested: number };

export interface PlacementPlan<T extends PlacementCandidate> {
  options: PlacementOption<T>[];
  placed: number;
  shortfall: number;
}

/**
 * Orders candidates nearest first (unknown distance last), then most free (fewer trips), then by id
 * so the answer is stable; then fills them in that order until everybody has a place. Candidates
 * without free places are dropped.
 */
export function planPlacement<T extends PlacementCandidate>(o: {
  people: number;
  origin: LonLat | null;
  candidates: readonly T[];
}): PlacementPlan<T> {
  const measured = o.candidates
    .filter((c) => c.free > 0)
    .map((c) => ({ c, d: o.origin && c.position ? haversineKm(o.origin, c.position) : null }));
  // Unknown distances sort last: Infinity − Infinity is NaN, which falls through to the next key.
  const far = (d: number | null) => d ?? Number.POSITIVE_INFINITY;
  measured.sort(
    (x, y) => far(x.d) - far(y.d) || y.c.free - x.c.free || (x.c.id < y.c.id ? -1 : x.c.id > y.c.id ? 1 : 0),
  );
  let left = Math.max(0, o.people);
  const options = measured.map(({ c, d }) => {
    const suggested = Math.min(left, c.free);
    left -= suggested;
    return { ...c, distanceKm: d === null ? null : Math.round(d * 10) / 10, suggested };
  });
  return { options, placed: Math.max(0, o.people) - left, shortfall: left };
}
