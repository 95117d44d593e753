import { buildSvgMap, type BoundaryCollection } from '../../../core/svg-map.ts';

/**
 * How long a province's drawing is kept. Boundaries change only when an administrator merges or
 * renames units; a phone asking within these minutes gets the drawing made before.
 */
const KEEP_MS = 10 * 60_000;

/**
 * Each province's communes projected to SVG paths (core/svg-map.ts), as the JSON text the public
 * map answers: the projection runs on the server once per province, so a cheap phone only inserts
 * paths instead of parsing the GeoJSON and projecting it on its main thread (issue 13). Outlines
 * are simplified to within one unit of the 1000-unit drawing (a third of a pixel on a phone, half
 * a pixel at the page's widest): half the points of dropping near points alone (Lai Châu 33 KB
 * instead of 71 KB), so less to download, parse and lay out on the phone.
 */
export class PublicSvgMaps {
  private readonly drawn = new Map<string, { at: number; json: Promise<string> }>();

  constructor(private readonly boundaries: (provinceCode: string) => Promise<BoundaryCollection>) {}

  json(provinceCode: string, now = Date.now()): Promise<string> {
    const kept = this.drawn.get(provinceCode);
    if (kept && now - kept.at < KEEP_MS) return kept.json;
    const json = this.boundaries(provinceCode).then((fc) => JSON.stringify(buildSvgMap(fc, { tolerance: 1 })));
    // A failure (an unknown province) is not kept: the next request asks again.
    json.catch(() => this.drawn.delete(provinceCode));
    this.drawn.set(provinceCode, { at: now, json });
    return json;
  }
}
