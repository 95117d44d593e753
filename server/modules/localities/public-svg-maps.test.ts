import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../../../core/svg-map.ts';
import { PublicSvgMaps } from './public-svg-maps.ts';

const square = (code: string): BoundaryCollection => ({
  features: [
    {
      properties: { code, name: `Xã ${code}` },
      geometry: {
        type: 'Polygon',
        // A point 0.0001° from the corner: under one unit of the drawing, dropped.
        coordinates: [
          [
            [103, 22],
            [103.0001, 22],
            [103.1, 22],
            [103.1, 22.1],
            [103, 22.1],
            [103, 22],
          ],
        ],
      },
    },
  ],
});

describe('public SVG maps', () => {
  it('draws a province once and keeps it a while, simplified', async () => {
    let asked = 0;
    const maps = new PublicSvgMaps(async (code) => {
      asked++;
      return square(code);
    });
    const first = JSON.parse(await maps.json('12', 0));
    expect(first.paths).toHaveLength(1);
    // Four corners (eight numbers): the near point is dropped.
    expect(first.paths[0].d.match(/-?[\d.]+/g)).toHaveLength(8);
    await maps.json('12', 60_000);
    expect(asked).toBe(1);
    await maps.json('12', 11 * 60_000);
    expect(asked).toBe(2);
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const maps = new PublicSvgMaps(async (code) => {
      if (fail) throw new Error('unknown province');
      return square(code);
    });
    await expect(maps.json('99', 0)).rejects.toThrow();
    fail = false;
    expect(JSON.parse(await maps.json('99', 1)).paths).toHaveLength(1);
  });
});
