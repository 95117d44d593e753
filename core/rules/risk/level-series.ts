import type { RiskRuleSet } from '../../schemas/risk-rule-set.ts';
import { indicatorCount, indicatorSlot, writeIndicators, type LocalityMeasures } from './commune-indicators.ts';
import { compileCommuneLevel } from './evaluate.ts';

/** Kinds of daily counts, in the order a commune's `cells` carry them. */
export const COUNT_KINDS = 6; // community, community with known source, in quarantine, imported, tests, positives

/** One commune over a grid of days (day 0 = 13 days before the first day of the series). */
export interface CommuneSeries {
  group: string;
  population: number | null;
  /** Sparse daily counts, flat: for each day with any, day, community, known, inQuarantine, imported, tests, positives. */
  cells: ArrayLike<number>;
  /** Imported coverage snapshots in day order: from `day` on, until the next one. */
  coverage: readonly { day: number; adults1Dose: number | null; adultsFull: number | null; highRisk: number | null }[];
}

export interface LevelTally {
  groups: string[];
  days: number;
  levels: number;
  /** counts[(group × days + day) × levels + level] = communes at that computed level that day. */
  counts: Int32Array;
}

/**
 * The computed level of every commune on every day of a series, tallied per group (province),
 * day and level. Window sums come from prefix sums, the inputs from `writeIndicators` and the
 * level from `compileCommuneLevel`: the same arithmetic and rules as the map of any single day.
 * Occupancy inputs (people in quarantine, beds) are today's figures and are not in the series.
 * A quiet day (no case of any kind and no test in its 14-day window, so every input but coverage
 * is zero) depends only on the coverage: evaluated once per snapshot.
 */
export function tallyLevels(ruleSet: RiskRuleSet, communes: Iterable<CommuneSeries>, days: number): LevelTally {
  const grid = days + 13;
  const levels = ruleSet.levels.length;
  const level = compileCommuneLevel(ruleSet);
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  const chunks: Int32Array[] = [];
  const prefix = new Int32Array((grid + 1) * COUNT_KINDS);
  const vector = new Float64Array(indicatorCount);
  const m: LocalityMeasures = {
    population: null,
    community7: 0,
    community14: 0,
    known14: 0,
    inQuarantine7: 0,
    imported7: 0,
    tests7: 0,
    positives7: 0,
    peopleInQuarantine: 0,
    vaccination: null,
    beds: null,
  };
  const sum = (end: number, start: number, k: number) =>
    prefix[end * COUNT_KINDS + k]! - prefix[start * COUNT_KINDS + k]!;

  for (const c of communes) {
    let g = groupIndex.get(c.group);
    if (g === undefined) {
      g = groups.length;
      groups.push(c.group);
      groupIndex.set(c.group, g);
      chunks.push(new Int32Array(days * levels));
    }
    const tally = chunks[g]!;
    prefix.fill(0);
    for (let at = 0; at + COUNT_KINDS < c.cells.length; at += COUNT_KINDS + 1) {
      const d = c.cells[at]!;
      if (d < 0 || d >= grid) continue;
      for (let k = 0; k < COUNT_KINDS; k++) prefix[(d + 1) * COUNT_KINDS + k] = c.cells[at + 1 + k]!;
    }
    for (let d = 1; d <= grid; d++)
      for (let k = 0; k < COUNT_KINDS; k++) prefix[d * COUNT_KINDS + k]! += prefix[(d - 1) * COUNT_KINDS + k]!;
    m.population = c.population;
    let snap = -1;
    const quiet = new Int16Array(c.coverage.length + 1).fill(-1);
    // The level is a function of the seven window sums and the coverage snapshot: a day whose
    // inputs equal the day before's (no case entered or left either window) has its level.
    let previous = -1;
    let previousSnap = -2;
    for (let day = 13; day < grid; day++) {
      while (snap + 1 < c.coverage.length && c.coverage[snap + 1]!.day <= day) snap++;
      const end = day + 1;
      const c7 = sum(end, end - 7, 0);
      const c14 = sum(end, end - 14, 0);
      const k14 = sum(end, end - 14, 1);
      const q7 = sum(end, end - 7, 2);
      const i7 = sum(end, end - 7, 3);
      const t7 = sum(end, end - 7, 4);
      const p7 = sum(end, end - 7, 5);
      let index: number;
      if (
        previous >= 0 &&
        snap === previousSnap &&
        c7 === m.community7 &&
        c14 === m.community14 &&
        k14 === m.known14 &&
        q7 === m.inQuarantine7 &&
        i7 === m.imported7 &&
        t7 === m.tests7 &&
        p7 === m.positives7
      )
        index = previous;
      else {
        const isQuiet =
          c14 === 0 && sum(end, end - 14, 2) === 0 && sum(end, end - 14, 3) === 0 && sum(end, end - 14, 4) === 0;
        m.vaccination = snap >= 0 ? c.coverage[snap]! : null;
        m.community7 = c7;
        m.community14 = c14;
        m.known14 = k14;
        m.inQuarantine7 = q7;
        m.imported7 = i7;
        m.tests7 = t7;
        m.positives7 = p7;
        if (isQuiet && quiet[snap + 1]! >= 0) index = quiet[snap + 1]!;
        else {
          writeIndicators(m, vector);
          // Occupancy is not a daily series: unmeasured here, as a missing indicator.
          vector[indicatorSlot.people_in_quarantine] = Number.NaN;
          index = level(vector);
          if (isQuiet) quiet[snap + 1] = index;
        }
        previous = index;
        previousSnap = snap;
      }
      tally[(day - 13) * levels + index]!++;
    }
  }
  const counts = new Int32Array(groups.length * days * levels);
  chunks.forEach((chunk, i) => counts.set(chunk, i * days * levels));
  return { groups, days, levels, counts };
}
