import { aggregateLevelOfCounts } from '../../../core/rules/risk/evaluate.ts';
import type { LevelTally } from '../../../core/rules/risk/level-series.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';

export interface LevelTrendDay {
  day: string;
  /** Communes per computed level key (levels with none left out). */
  counts: Record<string, number>;
  /** The area's computed level from those counts (aggregation rules). */
  level: string;
}

/** Per group (province) and day, the communes per computed level and the group's computed level. */
export function levelTrends(
  ruleSet: RiskRuleSet,
  tally: LevelTally,
  dayOf: (index: number) => string,
): Map<string, LevelTrendDay[]> {
  const out = new Map<string, LevelTrendDay[]>();
  // Every group has the same days: each day's name is made once, not once per group.
  const days = Array.from({ length: tally.days }, (_, d) => dayOf(d));
  tally.groups.forEach((group, g) => {
    const list: LevelTrendDay[] = [];
    for (let d = 0; d < tally.days; d++) {
      const at = (g * tally.days + d) * tally.levels;
      const perLevel = tally.counts.subarray(at, at + tally.levels);
      const counts: Record<string, number> = {};
      ruleSet.levels.forEach((l, i) => {
        if (perLevel[i]! > 0) counts[l.key] = perLevel[i]!;
      });
      list.push({ day: days[d]!, counts, level: aggregateLevelOfCounts(ruleSet, perLevel).level.key });
    }
    out.set(group, list);
  });
  return out;
}
