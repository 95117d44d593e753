import { describe, expect, it } from 'vitest';
import { buildSvgMap, type BoundaryFeature } from './svg-paths.ts';

const square = (x: number, y: number, side = 1) => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
];
const polygon = (code: string, ...rings: number[][][]): BoundaryFeature => ({
  properties: { code, name: `Xã ${code}` },
  geometry: { type: 'Polygon', coordinates: rings },
});

/** Every number of a path string. */
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('buildSvgMap', () => {
  it('draws a square polygon, y down, closed with Z (no repeated first point)', () => {
    const m = buildSvgMap({ features: [polygon('01001', square(0, 0))] }, { width: 100, height: 100, padding: 0 });
    expect(m.paths).toEqual([{ code: '01001', name: 'Xã 01001', d: 'M0 100L100 100 100 0 0 0Z' }]);
    expect(m.viewBox).toBe('0 0 100 100');
  });

  it('scales longitudes by cos(mean latitude)', () => {
    // 1° × 1° around 60° N: half as wide as tall.
    const m = buildSvgMap({ features: [polygon('01001', square(100, 59.5))] }, { width: 100, height: 100, padding: 0 });
    expect(m.width).toBe(50);
    expect(m.height).toBe(100);
    expect(m.paths[0]!.d).toBe('M0 100L50 100 50 0 0 0Z');
  });

  it('draws every polygon of a MultiPolygon, and holes as further rings', () => {
    const multi: BoundaryFeature = {
      properties: { code: '01002', name: 'Đảo' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 4), square(1, 1, 2)], [square(6, 0, 4)]] },
    };
    const m = buildSvgMap({ features: [multi] }, { width: 100, height: 40, padding: 0 });
    const d = m.paths[0]!.d;
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/Z/g)).toHaveLength(3);
    expect(d.startsWith('M0 40L40 40 40 0 0 0Z')).toBe(true);
    expect(d.endsWith('M60 40L100 40 100 0 60 0Z')).toBe(true);
  });

  it('simplifies outlines to within the tolerance, keeping the corners', () => {
    // A square with 40 points along its bottom edge, bowing at most 0.2 units.
    const bottom = Array.from({ length: 41 }, (_, i) => [i / 40, (i % 2) * 0.002]);
    const ring = [...bottom, [1, 1], [0, 1], [0, 0]];
    const exact = buildSvgMap({ features: [polygon('01006', ring)] }, { width: 100, height: 100, padding: 0 });
    const simple = buildSvgMap(
      { features: [polygon('01006', ring)] },
      { width: 100, height: 100, padding: 0, tolerance: 1 },
    );
    expect(numbers(exact.paths[0]!.d).length).toBeGreaterThan(80);
    expect(simple.paths[0]!.d).toBe('M0 100L100 100 100 0 0 0Z');
  });

  it('skips features without a geometry, of another type or without a code', () => {
    const m = buildSvgMap({
      features: [
        { properties: { code: '01003', name: 'Không có' }, geometry: null },
        { properties: { code: '01004', name: 'Điểm' }, geometry: { type: 'Point', coordinates: [105, 21] } },
        { properties: null, geometry: { type: 'Polygon', coordinates: [square(5, 5)] } },
        polygon('01005', square(105, 21)),
      ],
    });
    expect(m.paths.map((p) => p.code)).toEqual(['01005']);
  });

  it('returns no path (and the box asked for) when nothing can be drawn', () => {
    const m = buildSvgMap(
      { features: [{ properties: { code: '1', name: 'x' }, geometry: null }] },
      { width: 300, height: 200 },
    );
    expect(m).toEqual({ width: 300, height: 200, viewBox: '0 0 300 200', paths: [] });
  });

  it('fits the whole province inside the box, padding kept, one side filling it', () => {
    const features = [
      polygon('a', square(103.2, 22.1, 0.3)),
      polygon('b', square(103.5, 22.4, 0.25)),
      polygon('c', square(102.9, 21.8, 0.2)),
    ];
    const m = buildSvgMap({ features }, { width: 800, height: 600, padding: 10 });
    expect(m.width).toBeLessThanOrEqual(800);
    expect(m.height).toBeLessThanOrEqual(600);
    expect(m.width === 800 || m.height === 600).toBe(true);
    const all = m.paths.flatMap((p) => numbers(p.d));
    const xs = all.filter((_, i) => i % 2 === 0);
    const ys = all.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeCloseTo(10, 0);
    expect(Math.max(...xs)).toBeCloseTo(m.width - 10, 0);
    expect(Math.min(...ys)).toBeCloseTo(10, 0);
    expect(Math.max(...ys)).toBeCloseTo(m.height - 10, 0);
  });

  it('rounds to one decimal and drops points the rounding merges', () => {
    const ring = [
      [0, 0],
      [0.0001, 0],
      [1, 0],
      [1, 1],
      [0.3333, 1],
      [0, 1],
      [0, 0],
    ];
    const m = buildSvgMap({ features: [polygon('x', ring)] }, { width: 7, height: 7, padding: 0 });
    const d = m.paths[0]!.d;
    for (const n of numbers(d)) expect(String(n)).toMatch(/^\d+(\.\d)?$/);
    expect(d).toBe('M0 7L7 7 7 0 2.3 0 0 0Z');
  });
});
