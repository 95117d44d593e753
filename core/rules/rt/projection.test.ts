/**
 * Projection checks. Expected values come from the model itself rather than from R (R's generator
 * differs, so no digits can be shared): with R fixed, the expected incidence follows the deterministic
 * renewal equation exactly; day 1 is Poisson (R fixed) or negative binomial (R gamma-distributed).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { estimateR } from './cori.ts';
import { discrSiVector } from './discr-si.ts';
import {
  MAX_HORIZON,
  projectFromEstimate,
  projectIncidence,
  quantileType7,
  type ProjectionInput,
} from './projection.ts';
import { logPoissonPmf } from './random.ts';

/** R ≈ `r` with a negligible spread (sd r·1e-5). */
const fixedR = (r: number) => ({ rShape: 1e10, rScale: r / 1e10 });

const SI = [0, 0.2, 0.5, 0.3];
const flat = (level: number, days = 30) => Array<number>(days).fill(level);

const base: ProjectionInput = {
  incidence: flat(100),
  siDistr: SI,
  ...fixedR(1),
  horizon: 14,
  simulations: 1000,
  seed: 1,
};

/** E[I] on each projected day for a fixed R: the renewal equation without noise. */
function renewalMean(incidence: readonly number[], si: readonly number[], r: number, horizon: number): number[] {
  const total = si.reduce((s, w) => s + w, 0);
  const series = [...incidence];
  for (let d = 0; d < horizon; d++) {
    let lambda = 0;
    for (let s = 1; s < si.length && s <= series.length; s++)
      lambda += ((si[s] as number) / total) * (series[series.length - s] as number);
    series.push(r * lambda);
  }
  return series.slice(incidence.length);
}

/** Smallest k with P(X ≤ k) ≥ p for X ~ Poisson(λ): R's qpois. */
function qpois(p: number, lambda: number): number {
  let cdf = 0;
  for (let k = 0; ; k++) {
    cdf += Math.exp(logPoissonPmf(k, lambda));
    if (cdf >= p) return k;
  }
}

describe('quantileType7', () => {
  it("matches R's default quantile()", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    // quantile(1:10, c(0, .025, .5, .975, 1)) = 1, 1.225, 5.5, 9.775, 10
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 0.025)).toBeCloseTo(1.225, 12);
    expect(quantileType7(x, 0.5)).toBe(5.5);
    expect(quantileType7(x, 0.975)).toBeCloseTo(9.775, 12);
    expect(quantileType7(x, 1)).toBe(10);
    expect(quantileType7([1, 3], 0.25)).toBe(1.5); // quantile(c(1, 3), .25)
    expect(quantileType7([7], 0.975)).toBe(7);
  });

  it('rejects an empty sample or a level outside [0, 1]', () => {
    expect(() => quantileType7([], 0.5)).toThrow(RangeError);
    expect(() => quantileType7([1], 1.5)).toThrow(RangeError);
    expect(() => quantileType7([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('projectIncidence', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const input = { ...base, rShape: 20, rScale: 0.06 };
    expect(projectIncidence(input)).toEqual(projectIncidence(input));
    expect(projectIncidence({ ...input, seed: 2 })).not.toEqual(projectIncidence(input));
  });

  it('respects the horizon and numbers the days after the series', () => {
    for (const horizon of [1, 7, 14, MAX_HORIZON]) {
      const out = projectIncidence({ ...base, horizon, simulations: 50 });
      expect(out).toHaveLength(horizon);
      expect(out.map((d) => d.daysAhead)).toEqual(Array.from({ length: horizon }, (_, i) => i + 1));
      expect(out.map((d) => d.dayIndex)).toEqual(Array.from({ length: horizon }, (_, i) => 30 + i));
    }
  });

  it('projects zeros from a history without cases', () => {
    const out = projectIncidence({ ...base, incidence: flat(0), rShape: 2, rScale: 1.5 });
    for (const day of out) expect(day).toMatchObject({ median: 0, lower: 0, upper: 0, mean: 0 });
  });

  it('stays near the current level with R ≈ 1 and a flat history', () => {
    const out = projectIncidence(base);
    const expected = renewalMean(base.incidence, SI, 1, 14);
    expect(expected.every((m) => Math.abs(m - 100) < 1e-9)).toBe(true);
    for (const day of out) {
      expect(Math.abs(day.median - 100)).toBeLessThan(15);
      expect(Math.abs(day.mean - 100)).toBeLessThan(5);
      expect(day.lower).toBeLessThan(day.median);
      expect(day.upper).toBeGreaterThan(day.median);
    }
    // the critical branching process spreads out: the interval widens over the horizon
    const width = (d: (typeof out)[number]) => d.upper - d.lower;
    expect(width(out[13]!)).toBeGreaterThan(width(out[0]!));
  });

  it('grows with R ≈ 2, with the mean of the renewal equation', () => {
    const out = projectIncidence({ ...base, ...fixedR(2), simulations: 4000 });
    const expected = renewalMean(base.incidence, SI, 2, 14);
    for (let d = 1; d < out.length; d++) expect(out[d]!.median).toBeGreaterThan(out[d - 1]!.median);
    expect(out[13]!.median).toBeGreaterThan(10 * 100);
    out.forEach((day, i) => {
      expect(Math.abs(day.mean / (expected[i] as number) - 1)).toBeLessThan(0.02);
    });
  });

  it('declines with R ≈ 0.5', () => {
    const out = projectIncidence({ ...base, ...fixedR(0.5) });
    expect(out[0]!.median).toBeLessThan(60);
    expect(out[13]!.median).toBeLessThan(5);
  });

  it('gives Poisson quantiles on day 1 when R is fixed', () => {
    const out = projectIncidence({ ...base, horizon: 1, simulations: 20_000 });
    const day = out[0]!;
    expect(Math.abs(day.median - qpois(0.5, 100))).toBeLessThanOrEqual(1);
    expect(Math.abs(day.lower - qpois(0.025, 100))).toBeLessThanOrEqual(1);
    expect(Math.abs(day.upper - qpois(0.975, 100))).toBeLessThanOrEqual(1);
  });

  it('mixes Poisson over the gamma posterior of R on day 1 (negative binomial moments)', () => {
    const shape = 8;
    const scale = 0.15; // R: mean 1.2, sd 0.42
    const n = 20_000;
    const lambda = 100; // flat history: Σ w_s I = 100
    const mu = shape * scale * lambda;
    const variance = mu + (mu * mu) / shape;
    const out = projectIncidence({ ...base, rShape: shape, rScale: scale, horizon: 1, simulations: n });
    expect(Math.abs(out[0]!.mean - mu)).toBeLessThan(5 * Math.sqrt(variance / n));
    // the interval of R's uncertainty dwarfs the Poisson noise
    const fixed = projectIncidence({ ...base, ...fixedR(1.2), horizon: 1, simulations: n })[0]!;
    expect(out[0]!.upper - out[0]!.lower).toBeGreaterThan(3 * (fixed.upper - fixed.lower));
  });

  it('uses the observed cases at every lag of the serial interval', () => {
    // 50 cases 3 days before the end, none since: they infect on days T+1 (lag 3) only, then
    // their offspring continue the chain.
    const out = projectIncidence({ ...base, incidence: [0, 50, 0, 0], ...fixedR(1), simulations: 4000 });
    const expected = renewalMean([0, 50, 0, 0], SI, 1, 14);
    expect(expected[0]).toBeCloseTo(15, 12);
    out
      .slice(0, 5)
      .forEach((day, i) =>
        expect(Math.abs(day.mean - (expected[i] as number))).toBeLessThan(0.05 * (expected[i] as number) + 0.5),
      );
    // cases beyond the serial interval's reach infect nobody
    const old = projectIncidence({ ...base, incidence: [80, 0, 0, 0, 0, 0] });
    for (const day of old) expect(day.mean).toBe(0);
  });

  it('rescales the serial interval to sum 1 and ignores trailing zeros', () => {
    const input = { ...base, rShape: 20, rScale: 0.05, siDistr: [0, 0.5, 0.5] };
    const reference = projectIncidence(input);
    expect(projectIncidence({ ...input, siDistr: [0, 0.25, 0.25] })).toEqual(reference);
    expect(projectIncidence({ ...input, siDistr: [0, 0.5, 0.5, 0, 0, 0] })).toEqual(reference);
  });

  it('handles a large epidemic with a long serial interval (PTRS draws)', () => {
    const si = [0, ...discrSiVector(90, 5.2, 2.8).slice(1)];
    const out = projectIncidence({ ...base, incidence: flat(20_000, 90), siDistr: si, ...fixedR(1.1) });
    expect(out[13]!.median).toBeGreaterThan(20_000);
    // type 7 at ½ with 1000 draws averages the 500th and 501st: an integer or a half-integer
    expect(out.every((d) => Number.isInteger(2 * d.median))).toBe(true);
  });
});

describe('projectIncidence validation', () => {
  const fails = (patch: Partial<ProjectionInput>, path: string, message: RegExp) => {
    try {
      projectIncidence({ ...base, ...patch });
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details[0]?.path).toBe(path);
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/ \/ /); // Vietnamese / English
      return;
    }
    throw new Error('expected a validation error');
  };

  it('rejects negative, non-finite or missing counts', () => {
    fails({ incidence: [3, -1, 2] }, 'incidence[1]', /không được âm.*non-negative/);
    fails({ incidence: [3, Number.NaN] }, 'incidence[1]', /finite/);
    fails({ incidence: [Infinity] }, 'incidence[0]', /finite/);
    fails({ incidence: [] }, 'incidence', /at least 1 day/);
  });

  it('rejects a serial interval not starting at 0, negative, or all zero', () => {
    fails({ siDistr: [0.1, 0.5, 0.4] }, 'si_distr[0]', /must be 0/);
    fails({ siDistr: [0, 0.6, -0.1] }, 'si_distr[2]', /non-negative/);
    fails({ siDistr: [0, 0, 0] }, 'si_distr', /positive value/);
    fails({ siDistr: [0] }, 'si_distr', /at least 2 values/);
  });

  it('rejects a non-positive or non-finite gamma posterior', () => {
    fails({ rShape: 0 }, 'r_shape', /> 0/);
    fails({ rShape: -2 }, 'r_shape', /> 0/);
    fails({ rScale: 0 }, 'r_scale', /> 0/);
    fails({ rScale: Infinity }, 'r_scale', /finite/);
  });

  it('rejects a horizon outside 1 … 60, fewer than 1 simulation, and a non-integer seed', () => {
    fails({ horizon: 61 }, 'horizon', /from 1 to 60/);
    fails({ horizon: 0 }, 'horizon', /from 1 to 60/);
    fails({ horizon: 7.5 }, 'horizon', /integer/);
    fails({ simulations: 0 }, 'simulations', /from 1 to/);
    fails({ simulations: 2.5 }, 'simulations', /integer/);
    fails({ seed: 0.5 }, 'seed', /integer/);
  });

  it('fails cleanly instead of returning Infinity when the projection overflows', () => {
    fails({ rShape: 1, rScale: 1e300, horizon: 60, simulations: 5 }, 'r_scale', /overflows/);
  });
});

describe('projectFromEstimate', () => {
  const local = [0, 2, 4, 3, 6, 8, 7, 10, 12, 11, 15, 14, 18, 20, 19];
  const imported = [3, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

  it("projects from the last window's posterior and the total incidence", () => {
    const rt = estimateR({ local, imported, siDistr: SI });
    const last = rt.windows[rt.windows.length - 1]!;
    const viaEstimate = projectFromEstimate(rt, { seed: 9, horizon: 10, simulations: 300 });
    const direct = projectIncidence({
      incidence: local.map((v, i) => v + (imported[i] as number)),
      siDistr: rt.siDistr,
      rShape: last.shape,
      rScale: last.scale,
      horizon: 10,
      simulations: 300,
      seed: 9,
    });
    expect(viaEstimate).toEqual(direct);
  });

  it('defaults to 14 days and 1000 simulations, and extends a parametric serial interval over the horizon', () => {
    const rt = estimateR({ local, meanSi: 4.8, stdSi: 2.3 });
    const last = rt.windows[rt.windows.length - 1]!;
    const out = projectFromEstimate(rt, { seed: 4, meanSi: 4.8, stdSi: 2.3 });
    expect(out).toHaveLength(14);
    const direct = projectIncidence({
      incidence: rt.local.map((v, i) => v + (rt.imported[i] as number)),
      siDistr: discrSiVector(local.length + 14, 4.8, 2.3),
      rShape: last.shape,
      rScale: last.scale,
      horizon: 14,
      simulations: 1000,
      seed: 4,
    });
    expect(out).toEqual(direct);
  });

  it('needs a window and a complete serial interval', () => {
    const rt = estimateR({ local, siDistr: SI });
    expect(() => projectFromEstimate({ ...rt, windows: [] }, { seed: 1 })).toThrow(/no window/);
    expect(() => projectFromEstimate(rt, { seed: 1, meanSi: 4.8 })).toThrow(/go together/);
    expect(() => projectFromEstimate(rt, { seed: 1, meanSi: 0.5, stdSi: 1 })).toThrow(/> 1/);
  });
});
