import { describe, expect, it } from 'vitest';
import { centroid, combineAreas, type PolygonGeometry } from './geometry.ts';

const square = (x: number, y: number, s: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

describe('centroid', () => {
  it('is the centre of a square, whatever the winding', () => {
    expect(centroid(square(0, 0, 2))).toEqual([1, 1]);
    const cw = square(0, 0, 2);
    cw.coordinates[0]!.reverse();
    expect(centroid(cw)).toEqual([1, 1]);
  });

  it('weights the parts of a multipolygon by area', () => {
    const c = centroid(combineAreas(square(0, 0, 2), square(10, 0, 1)));
    // areas 4 and 1: x = (4*1 + 1*10.5) / 5
    expect(c?.[0]).toBeCloseTo(2.9, 10);
    expect(c?.[1]).toBeCloseTo((4 * 1 + 1 * 0.5) / 5, 10);
  });

  it('returns null for a degenerate ring', () => {
    expect(
      centroid({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
  });
});

describe('combineAreas', () => {
  it('keeps every polygon of both units', () => {
    const merged = combineAreas(square(0, 0, 1), combineAreas(square(2, 0, 1), square(4, 0, 1)));
    expect(merged.type).toBe('MultiPolygon');
    expect(merged.coordinates).toHaveLength(3);
  });
});
