import type { DashboardView, LevelLegend } from '../../../../core/schemas/risk-map.ts';
import { dayList } from './chart-geometry.ts';

/** The level trend of the dashboard as rows and levels to draw (pure, tested without a browser). */

/** One day: communes per level key (every key of the legend, zeros included) and the province's level. */
export interface LevelTrendRow {
  day: string;
  counts: Record<string, number>;
  total: number;
  /** The province's computed level; null on a day the server has no levels for. */
  level: string | null;
}

/** Greys for level keys the legend does not know (a rule set changed between two requests). */
const unknownColours = ['#9ca3af', '#6b7280', '#d1d5db', '#4b5563'];

/**
 * The levels to draw, lowest first: the legend's, then any key of the data it lacks (in the order
 * met, in grey, named by its key), so that no commune goes missing from a bar.
 */
export function trendLevels(legend: LevelLegend | null, trend: DashboardView['levelTrend']): LevelLegend {
  const levels = [...(legend ?? [])];
  const known = new Set(levels.map((l) => l.key));
  for (const d of trend) {
    for (const key of [...Object.keys(d.counts), d.level]) {
      if (known.has(key)) continue;
      known.add(key);
      const extra = levels.length - (legend?.length ?? 0);
      levels.push({
        key,
        number: levels.length + 1,
        colour: unknownColours[extra % unknownColours.length] ?? '#9ca3af',
        name: { vi: key, en: key },
      });
    }
  }
  return levels;
}

/** Every day of the view's period (days the server left out have no levels), with a count for every level. */
export function levelTrendRows(
  view: Pick<DashboardView, 'from' | 'to' | 'levelTrend'>,
  levels: LevelLegend,
): LevelTrendRow[] {
  const byDay = new Map(view.levelTrend.map((d) => [d.day, d]));
  const days = view.from <= view.to ? dayList(view.from, view.to) : [];
  const all = days.length > 0 ? days : [...byDay.keys()].sort();
  return all.map((day) => {
    const d = byDay.get(day);
    const counts = Object.fromEntries(levels.map((l) => [l.key, Math.max(0, d?.counts[l.key] ?? 0)]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return { day, counts, total, level: d?.level ?? null };
  });
}
