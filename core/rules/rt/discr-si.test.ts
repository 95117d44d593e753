/**
 * discr_si against EpiEstim: the $si_distr printed in the "Example 3 matches saved output" snapshot
 * (mrc-ide/EpiEstim, tests/testthat/_snaps/estimate_R.md, commit 2ca76bb6af94adb75ba0e57b459d9203b0659f88),
 * i.e. discr_si(0:31, 2.6, 1.5) followed by a 0, printed by R to 7 significant digits; and the
 * properties EpiEstim's tests/testthat/test-discr_si.R checks (sum 1, mean preserved, discr_si(0) = 0,
 * input checks).
 */
import { describe, expect, it } from 'vitest';
import { discrSi, discrSiVector, parametricSiDistr, siMoments } from './discr-si.ts';

const printed = `
0.000000e+00 2.331721e-01 3.585794e-01 1.981108e-01 1.033427e-01 5.290518e-02
2.682146e-02 1.351620e-02 6.783438e-03 3.394351e-03 1.694674e-03 8.445945e-04
4.203313e-04 2.089422e-04 1.037609e-04 5.148480e-05 2.552773e-05 1.264952e-05
6.264667e-06 3.101068e-06 1.534394e-06 7.589168e-07 3.752319e-07 1.854675e-07
9.164543e-08 4.527299e-08 2.235952e-08 1.104051e-08 5.450378e-09 2.690174e-09
1.327568e-09 6.550365e-10 0.000000e+00`;

describe('discrSi', () => {
  it('reproduces EpiEstim parametric_si distribution for Flu (mean 2.6, sd 1.5, 32 days)', () => {
    const expected = printed.trim().split(/\s+/).map(Number);
    const si = parametricSiDistr(2.6, 1.5, 32);
    expect(si).toHaveLength(33);
    si.forEach((w, k) => {
      const e = expected[k] as number;
      // 7 significant digits printed; far-tail entries also carry ~1e-14 absolute rounding (the closed form subtracts terms of size ~k), in R as here
      expect(Math.abs(w - e), `w_${k}`).toBeLessThanOrEqual(5e-7 * e + 2e-14);
    });
    const m = siMoments(si);
    expect(m.mean).toBeCloseTo(2.6, 6); // snapshot SI.Moments: Mean 2.6, Std 1.55488
    expect(m.std).toBeCloseTo(1.55488, 5);
  });

  it('has w_0 = 0, sums to 1 and preserves the mean (as test-discr_si.R checks)', () => {
    for (const [mu, sigma] of [
      [2.6, 1.5],
      [4.7, 2.9],
      [8.4, 3.8],
      [14.9, 3.9],
      [22, 8],
      [1.2, 0.1],
      [3, 6],
    ] as const) {
      const w = discrSiVector(201, mu, sigma);
      expect(w[0]).toBe(0);
      expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
      expect(siMoments(w).mean).toBeCloseTo(mu, 4);
      expect(w.every((x) => x >= 0)).toBe(true);
    }
  });

  it('keeps EpiEstim input checks', () => {
    expect(() => discrSi(1, 1, 1)).toThrow(/mu must be > 1/);
    expect(() => discrSi(1, 2, -1)).toThrow(/sigma/);
    expect(() => discrSi(-1, 2, 1)).toThrow(/k must be >= 0/);
    expect(() => parametricSiDistr(2.6, 1.5, 0)).toThrow(/days/);
  });
});
