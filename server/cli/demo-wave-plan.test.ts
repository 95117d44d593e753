import { describe, expect, it } from 'vitest';
import { demoWaveCommunes } from './demo-outbreak.ts';
import { CROWD_NAMES } from './demo-people.ts';
import { demoWavePlan, generations } from './demo-wave-plan.ts';

const plan = demoWavePlan(demoWaveCommunes, 2026);

describe('the demo wave plan', () => {
  it('is a line list in order of confirmation, each infector confirmed days before its infectee', () => {
    for (const [i, c] of plan.entries()) {
      expect(c.index).toBe(i);
      if (i > 0) expect(c.daysAgo).toBeLessThanOrEqual(plan[i - 1]!.daysAgo);
      if (c.infector !== null) expect(plan[c.infector]!.daysAgo).toBeGreaterThan(c.daysAgo);
    }
    expect(Math.max(...generations(plan))).toBeGreaterThanOrEqual(3);
    // Not every case has a known source, as in any real line list; most do.
    const unknown = plan.filter((c) => c.infector === null).length;
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(plan.length / 3);
  });

  it('keeps a cluster in one commune and one chain: its cases are infected inside it, bar its first', () => {
    for (const cluster of ['market', 'residential'] as const) {
      const members = plan.filter((c) => c.cluster === cluster);
      expect(members.length).toBeGreaterThan(1);
      expect(new Set(members.map((c) => c.communeCode)).size).toBe(1);
      expect(members.slice(1).every((c) => c.infector !== null && plan[c.infector]!.cluster === cluster)).toBe(true);
    }
  });

  it('gives every person a name of their own, and fits the patients still in hospital into its beds', () => {
    expect(plan.length).toBeLessThanOrEqual(CROWD_NAMES);
    expect(new Set(plan.map((c) => c.person.fullName)).size).toBe(plan.length);
    const beds = { regular_bed: 80, oxygen_bed: 20, icu_bed: 6 };
    // The same beds whatever the year the demo is seeded in.
    for (const year of [2026, 2031, 2040]) {
      const inHospital = demoWavePlan(demoWaveCommunes, year).filter((c) => c.outcome === null);
      for (const [kind, capacity] of Object.entries(beds)) {
        expect(inHospital.filter((c) => c.bedKind === kind).length).toBeLessThan(capacity);
      }
    }
    // Stays end before today, and a case that died was in intensive care.
    for (const c of plan) {
      if (c.outcome) expect(c.outcome.daysAgo).toBeGreaterThanOrEqual(1);
      if (c.outcome?.status === 'died') expect(c.bedKind).toBe('icu_bed');
    }
  });
});
