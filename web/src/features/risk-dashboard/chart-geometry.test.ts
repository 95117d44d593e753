import { describe, expect, it } from 'vitest';
import {
  areaPath,
  bandSpan,
  bands,
  dayList,
  frameOf,
  labelIndices,
  linePath,
  linearScale,
  niceStep,
  niceTicks,
  runs,
  stack,
} from './chart-geometry.ts';

describe('chart geometry', () => {
  it('frames the plotting area inside the margins', () => {
    expect(frameOf(300, 200, { top: 10, right: 5, bottom: 20, left: 40 })).toEqual({
      width: 300,
      height: 200,
      left: 40,
      right: 295,
      top: 10,
      bottom: 180,
    });
    // Too narrow: never a negative plotting area.
    const f = frameOf(10, 10, { top: 10, right: 5, bottom: 20, left: 40 });
    expect(f.right).toBeGreaterThan(f.left);
    expect(f.bottom).toBeGreaterThan(f.top);
  });

  it('maps a domain linearly, inverted for a y axis', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(150);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(0);
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(0.9, 5)).toBeCloseTo(0.2);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('gives round ticks covering the data', () => {
    expect(niceTicks(0, 37, 5)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0, 2.3, 5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(0.4, 1.7, 4)).toEqual([0, 0.5, 1, 1.5, 2]);
    // Counts: whole steps even for a tiny maximum; an all-zero series still gets an axis.
    expect(niceTicks(0, 3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0, 4, true)).toEqual([0, 1, 2, 3, 4]);
    for (const t of niceTicks(0, 0.3, 5)) expect(String(t).length).toBeLessThan(5);
  });

  it('spreads bands evenly with padding', () => {
    const b = bands(4, 0, 100, 0.2);
    expect(b.step).toBe(25);
    expect(b.barWidth).toBe(20);
    expect(b.x(0)).toBe(2.5);
    expect(b.center(3)).toBe(87.5);
    expect(bands(0, 0, 100).step).toBe(100);
  });

  it('labels days far enough apart, always the last one', () => {
    expect(labelIndices(10, 100)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(labelIndices(10, 20, 56)).toEqual([0, 3, 6, 9]);
    expect(labelIndices(90, 4, 56)).toContain(89);
    expect(labelIndices(0, 10)).toEqual([]);
  });

  it('builds line and band paths', () => {
    expect(linePath([])).toBe('');
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 2.345, y: 3 },
      ]),
    ).toBe('M0,1L2.35,3');
    expect(
      areaPath(
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        [
          { x: 0, y: 5 },
          { x: 1, y: 6 },
        ],
      ),
    ).toBe('M0,0L1,0L1,6L0,5Z');
    expect(areaPath([], [])).toBe('');
  });

  it('stacks the parts of a bar', () => {
    expect(stack({ a: 2, b: 0, c: 3 }, ['a', 'b', 'c'])).toEqual([
      { key: 'a', y0: 0, y1: 2 },
      { key: 'b', y0: 2, y1: 2 },
      { key: 'c', y0: 2, y1: 5 },
    ]);
  });

  it('lists the days of a range, both ends included', () => {
    expect(dayList('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(dayList('2026-03-02', '2026-03-01')).toEqual([]);
    expect(dayList('2020-01-01', '2030-01-01', 5)).toHaveLength(5);
  });

  it('merges equal consecutive values into runs', () => {
    expect(runs(['a', 'a', 'b', null, null, 'a'])).toEqual([
      { value: 'a', start: 0, end: 2 },
      { value: 'b', start: 2, end: 3 },
      { value: null, start: 3, end: 5 },
      { value: 'a', start: 5, end: 6 },
    ]);
    expect(runs([])).toEqual([]);
  });

  it('spans whole bands, padding ignored', () => {
    const b = bands(4, 0, 100, 0.2);
    expect(bandSpan(b, 0, 4)).toEqual({ x: 0, width: 100 });
    expect(bandSpan(b, 1, 3)).toEqual({ x: 25, width: 50 });
    expect(bandSpan(b, 2, 2).width).toBe(0);
  });
});
