/**
 * Short-term projection of daily incidence from the renewal equation, in the manner of the R package
 * `projections` (Jombart, Nouvellet et al.; reconhub/projections, `R/project.R`) run on an EpiEstim
 * posterior, with `R_fix_within = TRUE` and the Poisson model:
 *
 * - each simulation draws one R from the gamma posterior of the last window and keeps it for the
 *   whole horizon (uncertainty about R, not day-to-day variation of R, is what widens the interval);
 * - day T + d is drawn as I ~ Poisson(R · Σ_{s≥1} w_s · I_{T+d−s}), where the past is the observed
 *   series followed by that simulation's own earlier draws;
 * - w is rescaled to sum to 1 over s ≥ 1, as `project` does (`si <- si / sum(si)`). EpiEstim's
 *   parametric serial interval is truncated at the length of the series and sums to a little less
 *   than 1; rescaling keeps the projected mean at R times the infectivity rather than slightly below.
 * - lower / median / upper are the 2.5 %, 50 % and 97.5 % quantiles across simulations with R's
 *   default (type 7) definition, i.e. what `quantile(proj[d, ], c(.025, .5, .975))` prints.
 *
 * Random draws come from the seeded generator of random.ts: same input and seed, same projection.
 * The numbers are not R's (R's generator differs); the distribution is the same.
 */
import { AppError } from '../../errors.ts';
import type { RtResult } from './cori.ts';
import { discrSiVector } from './discr-si.ts';
import { createRng, sampleGamma, samplePoisson } from './random.ts';

export interface ProjectionInput {
  /** Total daily cases so far (local + imported), oldest first. */
  incidence: readonly number[];
  /** Serial interval w_0 … w_k with w_0 = 0 (EpiEstim's si_distr). */
  siDistr: readonly number[];
  /** Gamma posterior of R on the last window (RtWindow.shape / RtWindow.scale). */
  rShape: number;
  rScale: number;
  /** Days to project, 1 … MAX_HORIZON. */
  horizon: number;
  /** Number of simulated trajectories, 1 … MAX_SIMULATIONS. */
  simulations: number;
  /** Integer seed of the random generator. */
  seed: number;
}

export interface ProjectionDay {
  /** Position on the incidence timeline, 0-based: the first projected day is incidence.length. */
  dayIndex: number;
  /** Days after the last observed day: 1 … horizon. */
  daysAhead: number;
  median: number;
  /** 2.5 % quantile across simulations. */
  lower: number;
  /** 97.5 % quantile across simulations. */
  upper: number;
  mean: number;
}

export const DEFAULT_HORIZON = 14;
/** Beyond two months a constant R stops being a defensible assumption. */
export const MAX_HORIZON = 60;
export const DEFAULT_SIMULATIONS = 1000;
/** Bounds the work of one request (simulations × horizon Poisson draws). */
export const MAX_SIMULATIONS = 100_000;
/** Quantile levels of the reported interval: a 95 % prediction interval. */
export const PROJECTION_LEVELS = { lower: 0.025, median: 0.5, upper: 0.975 } as const;

function invalid(path: string, vi: string, en: string): never {
  const message = `${vi} / ${en}`;
  throw new AppError('VALIDATION_FAILED', [{ path, message }], `${path}: ${message}`);
}

function checkPositiveFinite(v: number, path: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0))
    invalid(path, 'phải là số hữu hạn lớn hơn 0', 'must be a finite number > 0');
}

function checkIntegerIn(v: number, path: string, min: number, max: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    invalid(path, `phải là số nguyên từ ${min} đến ${max}`, `must be an integer from ${min} to ${max}`);
  }
}

function validate(input: ProjectionInput): void {
  if (!Array.isArray(input.incidence) || input.incidence.length === 0) {
    invalid('incidence', 'cần ít nhất 1 ngày số ca', 'needs at least 1 day of counts');
  }
  input.incidence.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      invalid(`incidence[${i}]`, 'phải là số hữu hạn', 'must be a finite number');
    if (v < 0) invalid(`incidence[${i}]`, 'số ca không được âm', 'counts must be non-negative');
  });
  if (!Array.isArray(input.siDistr) || input.siDistr.length < 2) {
    invalid('si_distr', 'cần ít nhất 2 giá trị (w_0 = 0, w_1, …)', 'needs at least 2 values (w_0 = 0, w_1, …)');
  }
  input.siDistr.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
      invalid(`si_distr[${i}]`, 'phải là số hữu hạn không âm', 'must be a finite non-negative number');
  });
  if (input.siDistr[0] !== 0) invalid('si_distr[0]', 'phải bằng 0 (w_0 = 0)', 'must be 0 (w_0 = 0)');
  if (!(input.siDistr.reduce((s, w) => s + w, 0) > 0))
    invalid('si_distr', 'phải có ít nhất một giá trị dương', 'must have a positive value');
  checkPositiveFinite(input.rShape, 'r_shape');
  checkPositiveFinite(input.rScale, 'r_scale');
  checkIntegerIn(input.horizon, 'horizon', 1, MAX_HORIZON);
  checkIntegerIn(input.simulations, 'simulations', 1, MAX_SIMULATIONS);
  if (typeof input.seed !== 'number' || !Number.isInteger(input.seed))
    invalid('seed', 'phải là số nguyên', 'must be an integer');
}

/** Quantile of ascending `sorted` at level p, R's default type 7: linear between order statistics. */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileType7: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7: p must be in [0, 1] (got ${p})`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x0 = sorted[lo] as number;
  if (lo + 1 >= n) return x0;
  return x0 + (h - lo) * ((sorted[lo + 1] as number) - x0);
}

/** Serial interval for lags 1 … k, rescaled to sum 1, trailing zeros dropped (index 0 = w_0 = 0). */
function normalisedWeights(siDistr: readonly number[]): Float64Array {
  let last = siDistr.length - 1;
  while (last > 1 && siDistr[last] === 0) last--;
  let sum = 0;
  for (let s = 1; s <= last; s++) sum += siDistr[s] as number;
  const w = new Float64Array(last + 1);
  for (let s = 1; s <= last; s++) w[s] = (siDistr[s] as number) / sum;
  return w;
}

/** Project daily incidence `horizon` days past the end of `incidence`; one row per projected day. */
export function projectIncidence(input: ProjectionInput): ProjectionDay[] {
  validate(input);
  const { incidence, rShape, rScale, horizon, simulations } = input;
  const days = incidence.length;
  const w = normalisedWeights(input.siDistr);
  const maxLag = w.length - 1;

  // The observed cases' share of the infectivity on each projected day is the same in every
  // simulation: compute it once, so a simulation only convolves over its own ≤ horizon draws.
  const observed = new Float64Array(horizon + 1);
  for (let d = 1; d <= horizon; d++) {
    let sum = 0;
    for (let s = d; s <= maxLag && s <= days + d - 1; s++)
      sum += (w[s] as number) * (incidence[days + d - 1 - s] as number);
    observed[d] = sum;
  }

  const rng = createRng(input.seed);
  // values[(d − 1) · simulations + j]: day d of simulation j, laid out by day for the summaries.
  const values = new Float64Array(horizon * simulations);
  const path = new Float64Array(horizon + 1);
  for (let j = 0; j < simulations; j++) {
    const r = sampleGamma(rng, rShape, rScale);
    for (let d = 1; d <= horizon; d++) {
      let lambda = observed[d] as number;
      for (let e = Math.max(1, d - maxLag); e < d; e++) lambda += (w[d - e] as number) * (path[e] as number);
      lambda *= r;
      if (!Number.isFinite(lambda)) {
        invalid(
          'r_scale',
          'dự báo tăng vượt giới hạn số học; R hoặc số ngày dự báo quá lớn',
          'the projection overflows; R or the horizon is too large',
        );
      }
      const cases = samplePoisson(rng, lambda);
      path[d] = cases;
      values[(d - 1) * simulations + j] = cases;
    }
  }

  const out: ProjectionDay[] = [];
  for (let d = 1; d <= horizon; d++) {
    const day = values.subarray((d - 1) * simulations, d * simulations).sort(); // typed arrays sort numerically
    let sum = 0;
    for (const v of day) sum += v;
    out.push({
      dayIndex: days + d - 1,
      daysAhead: d,
      median: quantileType7(day, PROJECTION_LEVELS.median),
      lower: quantileType7(day, PROJECTION_LEVELS.lower),
      upper: quantileType7(day, PROJECTION_LEVELS.upper),
      mean: sum / simulations,
    });
  }
  return out;
}

export interface ProjectFromEstimateOptions {
  horizon?: number;
  simulations?: number;
  seed: number;
  /**
   * Parameters of a parametric serial interval. When given, w is rebuilt with `discr_si` long enough
   * for every lag of the horizon; RtResult.siDistr stops at the length of the series, which would
   * drop the earliest cases' (small) contribution to the projected days.
   */
  meanSi?: number;
  stdSi?: number;
}

/**
 * Projection from an `estimateR` result: the posterior of its last window, its processed incidence
 * (local + imported) and its serial interval.
 */
export function projectFromEstimate(
  result: Pick<RtResult, 'windows' | 'local' | 'imported' | 'siDistr'>,
  options: ProjectFromEstimateOptions,
): ProjectionDay[] {
  const last = result.windows[result.windows.length - 1];
  if (last === undefined)
    invalid('windows', 'không có cửa sổ ước lượng R nào', 'there is no window with an estimate of R');
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const incidence = result.local.map((v, i) => v + (result.imported[i] ?? 0));
  let siDistr: readonly number[] = result.siDistr;
  if (options.meanSi !== undefined || options.stdSi !== undefined) {
    if (options.meanSi === undefined || options.stdSi === undefined) {
      invalid('mean_si', 'cần cả mean_si và std_si', 'mean_si and std_si go together');
    }
    checkIntegerIn(horizon, 'horizon', 1, MAX_HORIZON);
    if (!(options.meanSi > 1) || !Number.isFinite(options.meanSi))
      invalid('mean_si', 'phải là số lớn hơn 1', 'must be a number > 1');
    checkPositiveFinite(options.stdSi, 'std_si');
    siDistr = discrSiVector(incidence.length + horizon, options.meanSi, options.stdSi);
  }
  return projectIncidence({
    incidence,
    siDistr,
    rShape: last.shape,
    rScale: last.scale,
    horizon,
    simulations: options.simulations ?? DEFAULT_SIMULATIONS,
    seed: options.seed,
  });
}
