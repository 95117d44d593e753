import { describe, expect, it } from 'vitest';
import type { LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { levelTrendRows, trendLevels } from './level-trend-data.ts';

const legend: LevelLegend = [
  { key: 'l1', number: 1, colour: '#16a34a', name: { vi: 'Cấp độ 1', en: 'Level 1' } },
  { key: 'l2', number: 2, colour: '#facc15', name: { vi: 'Cấp độ 2', en: 'Level 2' } },
];

describe('level trend data', () => {
  it("keeps the legend's levels, lowest first, and adds the keys it lacks in grey", () => {
    expect(trendLevels(legend, [{ day: '2026-03-01', counts: { l1: 3 }, level: 'l1' }])).toEqual(legend);
    const levels = trendLevels(legend, [{ day: '2026-03-01', counts: { l1: 3, x9: 1 }, level: 'x8' }]);
    expect(levels.map((l) => l.key)).toEqual(['l1', 'l2', 'x9', 'x8']);
    expect(levels[2]?.name).toEqual({ vi: 'x9', en: 'x9' });
    expect(levels[2]?.colour).not.toBe(levels[3]?.colour);
    // Without a legend (not loaded yet, or failed), the data's keys are still drawn.
    expect(trendLevels(null, [{ day: '2026-03-01', counts: { a: 1 }, level: 'a' }]).map((l) => l.key)).toEqual(['a']);
  });

  it('gives every day of the period a count for every level', () => {
    const rows = levelTrendRows(
      {
        from: '2026-03-01',
        to: '2026-03-03',
        levelTrend: [{ day: '2026-03-02', counts: { l1: 4, l2: 1 }, level: 'l2' }],
      },
      legend,
    );
    expect(rows).toEqual([
      { day: '2026-03-01', counts: { l1: 0, l2: 0 }, total: 0, level: null },
      { day: '2026-03-02', counts: { l1: 4, l2: 1 }, total: 5, level: 'l2' },
      { day: '2026-03-03', counts: { l1: 0, l2: 0 }, total: 0, level: null },
    ]);
  });
});
