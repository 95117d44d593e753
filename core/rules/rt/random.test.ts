/**
 * Sampler checks. Every test uses a fixed seed, so they are deterministic; tolerances are still set
 * in standard errors (5 SE for 100 000 draws) so that a correct sampler passes for any seed and a
 * biased one (wrong constant, off-by-one, normal approximation) fails.
 */
import { describe, expect, it } from 'vitest';
import { gammaCdf, gammaQuantile, logGamma } from './gamma.ts';
import { createRng, logPoissonPmf, sampleGamma, sampleNormal, samplePoisson, type Rng } from './random.ts';

const N = 100_000;

function moments(draw: () => number, n = N): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

/**
 * Mean within 5 SE (σ/√n) and variance within 5 SE of the sample variance, √((μ4 − σ⁴)/n), given the
 * distribution's excess kurtosis.
 */
function expectMoments(draw: () => number, mean: number, variance: number, excessKurtosis: number): void {
  const m = moments(draw);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / N));
  const varSe = variance * Math.sqrt((2 + excessKurtosis) / N);
  expect(Math.abs(m.variance - variance)).toBeLessThan(5 * varSe);
}

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const seq = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
    expect(seq(0)).not.toEqual(seq(1));
    expect(seq(-1)).toEqual(seq(0xffffffff)); // seeds are taken modulo 2^32
  });

  it('gives unsigned 32-bit integers and uniforms in [0, 1)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.uint32();
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('has uniform moments and fills ten equal bins evenly', () => {
    const rng = createRng(2024);
    expectMoments(() => rng.uniform(), 0.5, 1 / 12, -1.2);
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) {
      const bin = Math.floor(rng.uniform() * 10);
      bins[bin] = (bins[bin] as number) + 1;
    }
    const se = Math.sqrt(N * 0.1 * 0.9);
    for (const count of bins) expect(Math.abs(count - N / 10)).toBeLessThan(5 * se);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });
});

describe('sampleNormal', () => {
  it('has mean 0, variance 1 and the normal tail mass', () => {
    const rng = createRng(11);
    expectMoments(() => sampleNormal(rng), 0, 1, 0);
    let beyond = 0;
    for (let i = 0; i < N; i++) if (Math.abs(sampleNormal(rng)) > 1.959963984540054) beyond++;
    expect(Math.abs(beyond / N - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / N));
  });
});

describe('sampleGamma', () => {
  const cases: [number, number][] = [
    [0.3, 1], // the boost for shape < 1
    [0.9, 2.5],
    [1, 1],
    [2.5, 0.4],
    [50, 0.02],
    [1234, 0.001], // a posterior of R after many cases
  ];

  it.each(cases)('shape %d, scale %d: mean shape·scale, variance shape·scale²', (shape, scale) => {
    const rng = createRng(Math.round(shape * 1000));
    expectMoments(() => sampleGamma(rng, shape, scale), shape * scale, shape * scale * scale, 6 / shape);
  });

  it.each(cases)('shape %d, scale %d: the fraction below each decile is the decile', (shape, scale) => {
    const rng = createRng(99);
    const deciles = [0.1, 0.3, 0.5, 0.7, 0.9].map((p) => gammaQuantile(p, shape, scale));
    const below = deciles.map(() => 0);
    for (let i = 0; i < N; i++) {
      const x = sampleGamma(rng, shape, scale);
      deciles.forEach((q, j) => {
        if (x <= q) below[j] = (below[j] as number) + 1;
      });
    }
    deciles.forEach((q, j) => {
      const p = gammaCdf(q, shape, scale);
      expect(Math.abs((below[j] as number) / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('is positive, and concentrated at shape·scale when the shape is huge', () => {
    const rng = createRng(5);
    for (let i = 0; i < 1000; i++) expect(sampleGamma(rng, 0.05, 1)).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 1000; i++) expect(Math.abs(sampleGamma(rng, 1e12, 2e-12) - 2)).toBeLessThan(1e-4);
  });

  it('rejects a non-positive or non-finite shape or scale', () => {
    const rng = createRng(1);
    expect(() => sampleGamma(rng, 0, 1)).toThrow(/shape/);
    expect(() => sampleGamma(rng, -1, 1)).toThrow(/shape/);
    expect(() => sampleGamma(rng, Infinity, 1)).toThrow(/shape/);
    expect(() => sampleGamma(rng, 1, 0)).toThrow(/scale/);
    expect(() => sampleGamma(rng, 1, Number.NaN)).toThrow(/scale/);
  });
});

describe('logPoissonPmf', () => {
  it('matches k ln λ − λ − ln k! where that is accurate, and sums to 1', () => {
    for (const lambda of [0.5, 3, 10, 37.5, 400]) {
      let total = 0;
      for (let k = 0; k < lambda + 20 * Math.sqrt(lambda) + 20; k++) {
        const naive = k * Math.log(lambda) - lambda - logGamma(k + 1);
        expect(Math.abs(logPoissonPmf(k, lambda) - naive)).toBeLessThan(1e-10 * Math.max(1, Math.abs(naive)));
        total += Math.exp(logPoissonPmf(k, lambda));
      }
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('stays accurate for a huge mean (normal limit at the mode)', () => {
    const lambda = 1e14;
    // At k = λ the pmf is 1/√(2πλ) · (1 − 1/(12λ) + …).
    expect(logPoissonPmf(lambda, lambda)).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * lambda), 9);
  });
});

describe('samplePoisson', () => {
  // Both sides of the Knuth / PTRS switch at 10, and large means where a normal approximation would
  // still pass a moment test but PTRS must stay exact.
  const lambdas = [0.05, 0.5, 3, 9.99, 10, 10.5, 25, 137.2, 1000, 1e6];

  it.each(lambdas)('λ = %d: mean λ and variance λ', (lambda) => {
    const rng = createRng(Math.round(lambda * 100));
    expectMoments(() => samplePoisson(rng, lambda), lambda, lambda, 1 / lambda);
  });

  it.each([0.7, 4, 9.99, 10, 15, 60])('λ = %d: the frequency of each value is its probability', (lambda) => {
    const rng = createRng(314);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = samplePoisson(rng, lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let k = 0; k <= lambda + 4 * Math.sqrt(lambda) + 3; k++) {
      const p = Math.exp(logPoissonPmf(k, lambda));
      const observed = (counts.get(k) ?? 0) / N;
      expect(Math.abs(observed - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N) + 1e-5);
    }
  });

  it('returns non-negative integers, 0 for λ = 0', () => {
    const rng = createRng(3);
    expect(samplePoisson(rng, 0)).toBe(0);
    for (const lambda of [0.2, 8, 12, 5e4, 1e13]) {
      for (let i = 0; i < 200; i++) {
        const k = samplePoisson(rng, lambda);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
      }
    }
  });

  it('is reproducible for a seed', () => {
    const draws = (rng: Rng) => [0.3, 4, 11, 250, 1e5].map((lambda) => samplePoisson(rng, lambda));
    expect(draws(createRng(8))).toEqual(draws(createRng(8)));
  });

  it('rejects a negative, infinite or NaN mean', () => {
    const rng = createRng(1);
    expect(() => samplePoisson(rng, -0.1)).toThrow(RangeError);
    expect(() => samplePoisson(rng, Infinity)).toThrow(RangeError);
    expect(() => samplePoisson(rng, Number.NaN)).toThrow(RangeError);
  });
});
