import { aggregateLevel } from '../../../core/rules/risk/evaluate.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import type { LevelCountRow } from './level-series.repository.ts';

export interface LevelTrendDay {
  day: string;
  /** Communes per computed level key. */
  counts: Record<string, number>;
  /** The area's computed level from those counts (aggregation rules). */
  level: string;
}

/**
 * Per province and day, the communes per computed level and the province's computed level
 * (`aggregateLevel` over those communes). Rows come ordered by province and day.
 */
export function levelTrends(ruleSet: RiskRuleSet, rows: readonly LevelCountRow[]): Map<string, LevelTrendDay[]> {
  const out = new Map<string, LevelTrendDay[]>();
  let i = 0;
  while (i < rows.length) {
    const { provinceCode, day } = rows[i]!;
    const counts: Record<string, number> = {};
    const children: string[] = [];
    for (; i < rows.length && rows[i]!.provinceCode === provinceCode && rows[i]!.day === day; i++) {
      const key = ruleSet.levels[rows[i]!.level]!.key;
      counts[key] = rows[i]!.communes;
      for (let n = 0; n < rows[i]!.communes; n++) children.push(key);
    }
    const list = out.get(provinceCode) ?? [];
    list.push({ day, counts, level: aggregateLevel(ruleSet, children).level.key });
    out.set(provinceCode, list);
  }
  return out;
}
