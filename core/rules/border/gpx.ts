import { SaxesParser } from 'saxes';

/** The most a GPX upload may weigh: a day's track at one point a second is well under this. */
export const GPX_MAX_BYTES = 2_000_000;
/** The most points a patrol's route keeps (a longer track is thinned evenly). */
export const ROUTE_MAX_POINTS = 5000;

export type GpxProblem = 'too_large' | 'not_xml' | 'not_gpx' | 'no_points' | 'bad_point';
export type GpxResult = { ok: true; coordinates: Array<[number, number]> } | { ok: false; problem: GpxProblem };

/**
 * Reads the track (trkpt), route (rtept) or, failing both, waypoints of a GPX file exported by a
 * phone into [lon, lat] pairs. Anything that is not well-formed XML with a <gpx> root, or a point
 * without valid coordinates, is refused with the reason, never half-read.
 */
export function parseGpx(text: string): GpxResult {
  if (Buffer.byteLength(text, 'utf8') > GPX_MAX_BYTES) return { ok: false, problem: 'too_large' };
  const found: Record<'trkpt' | 'rtept' | 'wpt', Array<[number, number]>> = { trkpt: [], rtept: [], wpt: [] };
  let root: string | null = null;
  let badPoint = false;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (root === null) root = name;
    if (name !== 'trkpt' && name !== 'rtept' && name !== 'wpt') return;
    const lat = Number(tag.attributes.lat);
    const lon = Number(tag.attributes.lon);
    const valid =
      typeof tag.attributes.lat === 'string' &&
      typeof tag.attributes.lon === 'string' &&
      Number.isFinite(lat) &&
      Number.isFinite(lon) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180;
    if (!valid) badPoint = true;
    else found[name].push([lon, lat]);
  });
  try {
    parser.write(text).close();
  } catch {
    return { ok: false, problem: 'not_xml' };
  }
  if (root !== 'gpx') return { ok: false, problem: 'not_gpx' };
  if (badPoint) return { ok: false, problem: 'bad_point' };
  const points = [found.trkpt, found.rtept, found.wpt].find((p) => p.length >= 2);
  if (!points) return { ok: false, problem: 'no_points' };
  return { ok: true, coordinates: thin(points, ROUTE_MAX_POINTS) };
}

/** Keeps at most `max` points, evenly spaced, the first and the last always kept. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T);
}
