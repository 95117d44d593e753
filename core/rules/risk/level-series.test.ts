import { describe, expect, it } from 'vitest';
import { riskIndicators, type RiskIndicators } from '../../schemas/risk-rule-set.ts';
import { createRng } from '../rt/random.ts';
import { indicatorCount, localityIndicators } from './commune-indicators.ts';
import { communeLevel, compileCommuneLevel, levelIndex } from './evaluate.ts';
import { tallyLevels, type CommuneSeries } from './level-series.ts';
import { riskRuleSetPresets } from './rule-sets.ts';

const rng = createRng(20211011);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)]!;

describe('compileCommuneLevel', () => {
  it('gives the same level as communeLevel for every preset on 20,000 random communes, thresholds included', () => {
    for (const ruleSet of riskRuleSetPresets) {
      const thresholds = ruleSet.communeRules.flatMap((r) => r.conditions.map((c) => c.value));
      const fast = compileCommuneLevel(ruleSet);
      for (let i = 0; i < 20_000; i++) {
        const vector = new Float64Array(indicatorCount).fill(Number.NaN);
        const indicators: RiskIndicators = {};
        riskIndicators.forEach((k, slot) => {
          if (rng.uniform() < 0.25) return; // unmeasured
          // Exactly on a threshold, just around it, or anywhere.
          const t = pick(thresholds);
          const v = pick([t, t - 1e-9, t + 1e-9, Math.floor(rng.uniform() * 800), rng.uniform() * 100, 0, 1]);
          vector[slot] = v;
          indicators[k] = v;
        });
        expect(fast(vector), ruleSet.code).toBe(levelIndex(ruleSet, communeLevel(ruleSet, indicators).level.key));
      }
    }
  });
});

describe('tallyLevels', () => {
  it('counts, day by day, the level the map would give each commune', () => {
    const days = 40;
    const communes: CommuneSeries[] = Array.from({ length: 30 }, (_, i) => ({
      group: i < 20 ? '12' : '01',
      population: i % 7 === 0 ? null : 1_000 + i * 900,
      cells: Array.from({ length: 25 }, () => {
        const community = Math.floor(rng.uniform() * 4);
        const tests = Math.floor(rng.uniform() * 30);
        return [
          Math.floor(rng.uniform() * (days + 13)),
          community,
          Math.floor(community * rng.uniform()),
          Math.floor(rng.uniform() * 2),
          Math.floor(rng.uniform() * 2),
          tests,
          Math.floor(tests * rng.uniform() * 0.2),
        ];
      })
        .filter((c, j, all) => all.findIndex((o) => o[0] === c[0]) === j)
        .flat(),
      coverage: i % 3 ? [{ day: 20, adults1Dose: 60 + i, adultsFull: 50 + i, highRisk: 70 + i }] : [],
    }));
    for (const ruleSet of riskRuleSetPresets) {
      const tally = tallyLevels(ruleSet, communes, days);
      const expected = new Int32Array(tally.counts.length);
      for (const c of communes) {
        const g = tally.groups.indexOf(c.group);
        for (let d = 0; d < days; d++) {
          const grid = d + 13;
          const cells = Array.from({ length: c.cells.length / 7 }, (_, j) =>
            Array.from(c.cells).slice(j * 7, j * 7 + 7),
          );
          const inWindow = (n: number) => cells.filter((x) => x[0]! > grid - n && x[0]! <= grid);
          const total = (n: number, k: number) => inWindow(n).reduce((s, x) => s + x[k]!, 0);
          const cov = [...c.coverage].reverse().find((s) => s.day <= grid) ?? null;
          const indicators = localityIndicators({
            population: c.population,
            community7: total(7, 1),
            community14: total(14, 1),
            known14: total(14, 2),
            inQuarantine7: total(7, 3),
            imported7: total(7, 4),
            tests7: total(7, 5),
            positives7: total(7, 6),
            peopleInQuarantine: 0,
            vaccination: cov,
            beds: null,
          });
          delete indicators.people_in_quarantine;
          expected[(g * days + d) * tally.levels + levelIndex(ruleSet, communeLevel(ruleSet, indicators).level.key)]! +=
            1;
        }
      }
      expect([...tally.counts], ruleSet.code).toEqual([...expected]);
    }
  });
});
