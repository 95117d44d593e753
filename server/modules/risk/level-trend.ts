import { aggregateLevel } from '../../../core/rules/risk/evaluate.ts';
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
export function levelTrends(ruleSet: RiskRuleSet, tally: LevelTally, dayOf: (index: number) => string): Map<string, LevelTrendDay[]> {
  const out = new Map<string, LevelTrendDay[]>();
  tally.groups.forEach((group, g) => {
    const list: LevelTrendDay[] = [];
    for (let d = 0; d < tally.days; d++) {
      const counts: Record<string, number> = {};
      const children: string[] = [];
      ruleSet.levels.forEach((l, i) => {
        const n = tally.counts[(g * tally.days + d) * tally.levels + i]!;
        if (n > 0) counts[l.key] = n;
        for (let k = 0; k < n; k++) children.push(l.key);
      });
      list.push({ day: dayOf(d), counts, level: aggregateLevel(ruleSet, children).level.key });
    }
    out.set(group, list);
  });
  return out;
}
