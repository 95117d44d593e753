/**
 * Gamma numerics. Reference values:
 *
 * - Quantiles printed by R (`qgamma`, `qchisq`; chi-square with k degrees of freedom is
 *   gamma(k/2, scale 2)). The same digits appear in several public test suites that record R / SciPy
 *   outputs (e.g. the SuanShu `GammaRegularizedPInverseTest`, values marked "from R"; SciPy
 *   `chi2.ppf(0.975, 20) = 34.16960690283833`). Each one is also checked here against an independent
 *   closed form where one exists (integer shape: Poisson sum; shape 1/2: the normal distribution).
 * - Note: the brief suggested qgamma(0.025, 10, 1) = 4.795389521406914 and qgamma(0.975, 10, 1) =
 *   17.08480141097843. Those are wrong in the 7th digit: the closed form gives P(10, ·) = 0.0250000252
 *   and 0.9749999735 at them. The right values are qchisq(0.025, 20)/2 = 4.7953886961324335 and
 *   qchisq(0.975, 20)/2 = 17.084803451419166 (the test below checks both facts).
 */
import { describe, expect, it } from 'vitest';
import {
  gammaCdf,
  gammaQuantile,
  inverseRegularizedGammaP,
  logGamma,
  regularizedGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './gamma.ts';

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

/** P(n, x) for integer n: 1 − e^{−x} Σ_{k<n} x^k / k!. */
function pInteger(n: number, x: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < n; k++) {
    sum += term;
    term *= x / (k + 1);
  }
  return 1 - Math.exp(-x) * sum;
}

describe('logGamma', () => {
  it('matches ln((n − 1)!) and ln Γ(1/2) = ln √π', () => {
    let logFact = 0;
    for (let n = 1; n <= 171; n++) {
      if (n > 1) logFact += Math.log(n - 1);
      expect(Math.abs(logGamma(n) - logFact)).toBeLessThan(1e-13 * Math.max(1, logFact));
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13); // ln Γ(0.1), Γ(0.1) = 9.513507698668732
  });
  it('refuses x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('P(1, x) = 1 − e^{−x}', () => {
    for (const x of [1e-8, 0.1, 0.5, 1, 2, 5, 20, 50]) {
      expect(rel(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(1e-14);
      expect(rel(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-13);
    }
  });
  it('integer shapes match the Poisson sum, on both sides of x = a + 1', () => {
    for (const n of [2, 3, 5, 10, 25])
      for (const x of [0.3, 1, n / 2, n, n + 1, 2 * n, 3 * n]) {
        expect(Math.abs(regularizedGammaP(n, x) - pInteger(n, x))).toBeLessThan(1e-14);
      }
  });
  it('P(1/2, x) = erf(√x): P(1/2, 2) = erf(√2) = 0.9544997361036416 (the 2σ probability)', () => {
    expect(regularizedGammaP(0.5, 2)).toBeCloseTo(0.9544997361036416, 15);
    expect(rel(regularizedGammaQ(0.5, 2), 0.04550026389635842)).toBeLessThan(1e-13);
  });
  it('keeps the far upper tail (no 1 − P cancellation)', () => {
    // Q(1, 50) = e^{-50}
    expect(rel(regularizedGammaQ(1, 50), Math.exp(-50))).toBeLessThan(1e-13);
    expect(regularizedGamma(3, 0)).toEqual({ p: 0, q: 1 });
    expect(regularizedGamma(3, Infinity)).toEqual({ p: 1, q: 0 });
  });
  it('gammaCdf uses shape and scale as R pgamma', () => {
    expect(gammaCdf(3, 1, 2)).toBeCloseTo(-Math.expm1(-1.5), 14);
    expect(gammaCdf(-1, 2, 1)).toBe(0);
  });
});

describe('gammaQuantile (R qgamma)', () => {
  const cases: [p: number, shape: number, scale: number, expected: number, note: string][] = [
    [0.95, 0.5, 2, 3.841458820694124, 'qchisq(0.95, 1) = qnorm(0.975)^2'],
    [0.5, 2, 1, 1.678346990016661, 'qgamma(0.5, 2)'],
    [0.025, 10, 2, 9.590777392264867, 'qchisq(0.025, 20)'],
    [0.975, 10, 2, 34.16960690283833, 'qchisq(0.975, 20)'],
    [0.5, 0.5, 1, 0.2274682115597864, 'qgamma(0.5, 0.5)'],
    [0.99, 0.5, 1, 3.317448300510607, 'qgamma(0.99, 0.5)'],
    [0.1, 2, 1, 0.531811608389612, 'qgamma(0.1, 2)'],
    [0.99, 2, 1, 6.63835206799381, 'qgamma(0.99, 2)'],
    [0.000001, 2, 1, 0.001414880661479343, 'qgamma(1e-6, 2)'],
    [0.025, 1, 2, 0.05063561596857975, 'qchisq(0.025, 2) = −2 ln 0.975'],
    [0.5, 500, 2, 999.333412403381, 'qchisq(0.5, 1000)'],
    [0.999, 0.25, 2, 8.752888515773373, 'qchisq(0.999, 0.5)'],
  ];
  it.each(cases)('p = %s, shape %s, scale %s → %s (%s), to 1e-12 relative', (p, shape, scale, expected) => {
    expect(rel(gammaQuantile(p, shape, scale), expected)).toBeLessThan(1e-12);
  });

  it('the integer-shape values agree with the Poisson-sum closed form; the brief’s shape-10 numbers do not', () => {
    expect(Math.abs(pInteger(10, 9.590777392264867 / 2) - 0.025)).toBeLessThan(1e-15);
    expect(Math.abs(pInteger(10, 34.16960690283833 / 2) - 0.975)).toBeLessThan(1e-15);
    expect(Math.abs(pInteger(2, 1.678346990016661) - 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(pInteger(10, 4.795389521406914) - 0.025)).toBeGreaterThan(1e-8);
    expect(Math.abs(pInteger(10, 17.08480141097843) - 0.975)).toBeGreaterThan(1e-8);
    expect(gammaQuantile(0.025, 10, 1)).toBeCloseTo(4.7953886961324335, 13);
    expect(gammaQuantile(0.975, 10, 1)).toBeCloseTo(17.084803451419166, 13);
  });

  it('inverts P (to 1e-9 of the smaller tail) over a wide grid of shapes and probabilities', () => {
    for (const a of [0.05, 0.3, 1, 2.5, 10, 100, 1e4]) {
      for (const p of [1e-10, 1e-4, 0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975, 0.9999, 1 - 1e-10]) {
        const x = inverseRegularizedGammaP(a, p);
        const r = regularizedGamma(a, x);
        const err = p < 0.5 ? Math.abs(r.p - p) / p : Math.abs(r.q - (1 - p)) / (1 - p);
        expect(err, `a=${a} p=${p} x=${x}`).toBeLessThan(1e-9);
      }
    }
  });

  it('edges: p = 0 → 0, p = 1 → ∞, bad arguments throw', () => {
    expect(gammaQuantile(0, 3, 1)).toBe(0);
    expect(gammaQuantile(1, 3, 1)).toBe(Infinity);
    expect(() => gammaQuantile(1.5, 3, 1)).toThrow(RangeError);
    expect(() => gammaQuantile(0.5, 0, 1)).toThrow(RangeError);
    expect(() => gammaQuantile(0.5, 1, 0)).toThrow(RangeError);
  });
});
