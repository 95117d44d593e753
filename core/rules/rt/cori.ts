/**
 * Time-varying reproduction number Rt by the method of Cori et al. (AJE 2013), reproducing
 * EpiEstim's `estimate_R` for methods "non_parametric_si" and "parametric_si" (the two methods with a
 * single, certain serial interval, whose posterior is analytic — no sampling).
 *
 * Read from mrc-ide/EpiEstim (`R/estimate_R.R`, `R/overall_infectivity.R`, `R/utilities.R`,
 * `R/make_config.R`, `R/discr_si.R`); what is reproduced, step by step:
 *
 * - Incidence (`process_I`): local and imported daily counts; NA (JSON null) counts as 0; a negative
 *   count is an error. All cases of day 1 are taken as imported: if local[1] > 0, local[1] + imported[1]
 *   are moved to imported[1] (EpiEstim warns; so do we, in `warnings`). Without imported counts the
 *   series is treated like EpiEstim's plain vector input: imported is 0 except day 1.
 * - Windows (`make_config`, `check_times`): by default t_start = 2 … T−6 and t_end = t_start + 6
 *   (1-based); given windows must have equal lengths, integer bounds in [2, T] and t_start ≤ t_end.
 *   `window` (not an EpiEstim option) builds sliding windows of another length the same way.
 * - Prior (`process_config`): gamma with mean 5 and sd 5 by default, i.e. shape (mean/sd)², scale sd²/mean.
 * - Serial interval: `si_distr` must start with 0, be non-negative and sum to 1 within 0.01
 *   (`check_si_distr`); `mean_si` must be > 1 and `std_si` > 0 (`check_config`), and the distribution
 *   is `discr_si(0:(T−1))` plus a trailing 0 (see discr-si.ts). A shorter distribution is padded with
 *   zeros to T + 1 entries.
 * - Total infectivity (`overall_infectivity`): Λ_t = Σ_{s=0}^{t−1} w_s (local_{t−s} + imported_{t−s}),
 *   t ≥ 2 (imported cases infect, they are never infected locally).
 * - Posterior per window: shape = a_prior + Σ local_t (local only), scale = 1 / (1/b_prior + Σ Λ_t);
 *   mean = shape·scale, std = √shape·scale, quantiles are gamma quantiles.
 * - A window whose t_end is not greater than the mean of the (padded) serial interval gets NA in
 *   EpiEstim and is then **removed** from `R$R` (`non_na_rows`): we remove it too, and list it in
 *   `droppedWindows`. A window with zero total infectivity (no earlier cases) is *not* NA in EpiEstim:
 *   its scale is the prior's, so the result is the prior updated by the local cases — reproduced as is.
 *
 * Not reproduced: the warning about the posterior coefficient of variation, incidence objects with
 * dates, aggregated data (dt > 1), back-imputation, and the sampling methods (uncertain_si,
 * si_from_data, si_from_sample).
 */
import { AppError } from '../../errors.ts';
import { parametricSiDistr, siMoments } from './discr-si.ts';
import { gammaQuantile } from './gamma.ts';

export interface RtInput {
  /** Daily counts of locally infected cases, day 1 first. */
  local: readonly number[];
  /** Daily counts of imported cases (same length as `local`); zeros if omitted. */
  imported?: readonly number[];
  /** Non-parametric serial interval w_0, w_1, … (w_0 must be 0). */
  siDistr?: readonly number[];
  /** Parametric serial interval: mean and sd of the shifted gamma. */
  meanSi?: number;
  stdSi?: number;
  /** Window bounds, 1-based and inclusive, as EpiEstim's t_start / t_end. */
  tStart?: readonly number[];
  tEnd?: readonly number[];
  /** Length of default sliding windows (7, as EpiEstim, when omitted). */
  window?: number;
  meanPrior?: number;
  stdPrior?: number;
}

export interface RtQuantiles {
  q0025: number;
  q005: number;
  q025: number;
  q05: number;
  q075: number;
  q095: number;
  q0975: number;
}

export interface RtWindow {
  tStart: number;
  tEnd: number;
  mean: number;
  std: number;
  quantiles: RtQuantiles;
  /** Parameters of the gamma posterior (shape, scale). */
  shape: number;
  scale: number;
}

export interface RtResult {
  method: 'non_parametric_si' | 'parametric_si';
  windows: RtWindow[];
  /** Windows EpiEstim drops because t_end ≤ mean serial interval. */
  droppedWindows: { tStart: number; tEnd: number }[];
  /** The serial interval actually used (padded / truncated to T + 1 entries as EpiEstim). */
  siDistr: number[];
  siMoments: { mean: number; std: number };
  /** Incidence after EpiEstim's processing (day-1 cases imported). */
  local: number[];
  imported: number[];
  /** Total infectivity Λ_t per day (index 0 = day 1, which is null as in EpiEstim). */
  lambda: (number | null)[];
  warnings: string[];
}

/** Reject an input field the way EpiEstim's checks would, as a validation error on that path. */
export function invalidRtInput(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', [{ path, message }], `${path}: ${message}`);
}

function checkCounts(values: readonly unknown[], path: string): number[] {
  return values.map((v: unknown, i) => {
    if (v === null || v === undefined) return 0; // EpiEstim: incid[is.na(incid)] <- 0
    if (typeof v !== 'number' || !Number.isFinite(v)) invalidRtInput(`${path}[${i}]`, 'must be a finite number');
    if (v < 0)
      invalidRtInput(`${path}[${i}]`, 'must be non-negative (incid must contain only non negative integer values)');
    return v;
  });
}

function checkPositive(v: number, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || !(v > 0)) invalidRtInput(path, 'must be a finite number > 0');
  return v;
}

/** Tolerance of EpiEstim's `check_si_distr` on the sum of si_distr. */
export const SI_DISTR_SUM_TOLERANCE = 0.01;

function checkSiDistr(si: readonly number[]): void {
  if (si.length === 0) invalidRtInput('si_distr', 'must not be empty');
  si.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w)) invalidRtInput(`si_distr[${i}]`, 'must be a finite number');
    if (w < 0) invalidRtInput(`si_distr[${i}]`, 'must be non-negative');
  });
  if (si[0] !== 0) invalidRtInput('si_distr[0]', 'must be 0 (si_distr should be so that si_distr[1] = 0)');
  const sum = si.reduce((s, w) => s + w, 0);
  if (Math.abs(sum - 1) > SI_DISTR_SUM_TOLERANCE)
    invalidRtInput('si_distr', `must sum to 1 (±${SI_DISTR_SUM_TOLERANCE}); sums to ${sum}`);
}

function windows(input: RtInput, days: number): { tStart: number[]; tEnd: number[] } {
  const hasStart = input.tStart !== undefined;
  const hasEnd = input.tEnd !== undefined;
  if (hasStart !== hasEnd) invalidRtInput(hasStart ? 't_end' : 't_start', 't_start and t_end must be given together');
  if (hasStart && input.window !== undefined) invalidRtInput('window', 'give either window or t_start/t_end, not both');
  let tStart: number[];
  let tEnd: number[];
  if (input.tStart !== undefined && input.tEnd !== undefined) {
    tStart = [...input.tStart];
    tEnd = [...input.tEnd];
  } else {
    const len = input.window ?? 7;
    if (!Number.isInteger(len) || len < 1) invalidRtInput('window', 'must be a positive integer');
    if (days < len + 1)
      invalidRtInput(
        'local',
        `needs at least ${len + 1} days for sliding windows of ${len} days starting on day 2 (got ${days})`,
      );
    tStart = [];
    tEnd = [];
    for (let s = 2; s + len - 1 <= days; s++) {
      tStart.push(s);
      tEnd.push(s + len - 1);
    }
  }
  if (tStart.length !== tEnd.length) invalidRtInput('t_end', 't_start and t_end must have the same length');
  if (tStart.length === 0) invalidRtInput('t_start', 'must contain at least one window');
  tStart.forEach((s, i) => {
    const e = tEnd[i] as number;
    if (!Number.isInteger(s) || s < 2 || s > days)
      invalidRtInput(`t_start[${i}]`, `must be an integer between 2 and the number of days (${days})`);
    if (!Number.isInteger(e) || e < 2 || e > days)
      invalidRtInput(`t_end[${i}]`, `must be an integer between 2 and the number of days (${days})`);
    if (s > e) invalidRtInput(`t_start[${i}]`, 'must be <= t_end');
  });
  return { tStart, tEnd };
}

/** The seven posterior quantile levels EpiEstim reports, in its column order. */
export const RT_QUANTILE_LEVELS = [0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975] as const;

/** Estimate Rt on each window; same numbers as EpiEstim's `estimate_R(...)$R`. */
export function estimateR(input: RtInput): RtResult {
  const warnings: string[] = [];
  if (!Array.isArray(input.local)) invalidRtInput('local', 'must be an array of daily counts');
  const local = checkCounts(input.local, 'local');
  const days = local.length;
  if (days < 2) invalidRtInput('local', 'needs at least 2 days');
  let imported: number[];
  if (input.imported === undefined) {
    imported = local.map(() => 0);
  } else {
    if (!Array.isArray(input.imported)) invalidRtInput('imported', 'must be an array of daily counts');
    imported = checkCounts(input.imported, 'imported');
    if (imported.length !== days)
      invalidRtInput('imported', `must have as many days as local (${days}), got ${imported.length}`);
  }
  if ((local[0] as number) > 0) {
    if (input.imported !== undefined) {
      warnings.push(
        'local[1] is >0 but must be 0, as all cases on the first time step are assumed imported; they were moved to imported.',
      );
    }
    imported[0] = (imported[0] as number) + (local[0] as number);
    local[0] = 0;
  }

  const meanPrior = checkPositive(input.meanPrior ?? 5, 'mean_prior');
  const stdPrior = checkPositive(input.stdPrior ?? 5, 'std_prior');
  const aPrior = (meanPrior / stdPrior) ** 2;
  const bPrior = stdPrior ** 2 / meanPrior;

  const { tStart, tEnd } = windows(input, days);

  const parametric = input.meanSi !== undefined || input.stdSi !== undefined;
  if (parametric && input.siDistr !== undefined)
    invalidRtInput('si_distr', 'give either si_distr or mean_si/std_si, not both');
  let si: number[];
  if (parametric) {
    if (input.meanSi === undefined) invalidRtInput('mean_si', 'is required with std_si');
    if (input.stdSi === undefined) invalidRtInput('std_si', 'is required with mean_si');
    if (typeof input.meanSi !== 'number' || !Number.isFinite(input.meanSi) || !(input.meanSi > 1))
      invalidRtInput('mean_si', 'must be a number > 1');
    checkPositive(input.stdSi, 'std_si');
    si = parametricSiDistr(input.meanSi, input.stdSi, days);
  } else {
    if (input.siDistr === undefined)
      invalidRtInput('si_distr', 'a serial interval is required: si_distr, or mean_si and std_si');
    if (!Array.isArray(input.siDistr)) invalidRtInput('si_distr', 'must be an array');
    checkSiDistr(input.siDistr);
    si = [...input.siDistr];
    while (si.length < days + 1) si.push(0);
  }
  const moments = siMoments(si);

  // Λ_t, t = 2..T (1-based): sum(si_distr[1:t] * I[t:1]) over total incidence.
  const lambda: (number | null)[] = [null];
  for (let t = 2; t <= days; t++) {
    let sum = 0;
    for (let s = 0; s < t && s < si.length; s++) {
      const day = t - s - 1; // 0-based index of day t − s
      sum += (si[s] as number) * ((local[day] as number) + (imported[day] as number));
    }
    lambda.push(sum);
  }

  const out: RtWindow[] = [];
  const dropped: { tStart: number; tEnd: number }[] = [];
  tStart.forEach((s, i) => {
    const e = tEnd[i] as number;
    if (!(e > moments.mean)) {
      dropped.push({ tStart: s, tEnd: e });
      return;
    }
    let cases = 0;
    let infectivity = 0;
    for (let t = s; t <= e; t++) {
      cases += local[t - 1] as number;
      infectivity += lambda[t - 1] as number;
    }
    const shape = aPrior + cases;
    const scale = 1 / (1 / bPrior + infectivity);
    const [q0025, q005, q025, q05, q075, q095, q0975] = RT_QUANTILE_LEVELS.map((p) =>
      gammaQuantile(p, shape, scale),
    ) as [number, number, number, number, number, number, number];
    out.push({
      tStart: s,
      tEnd: e,
      mean: shape * scale,
      std: Math.sqrt(shape) * scale,
      quantiles: { q0025, q005, q025, q05, q075, q095, q0975 },
      shape,
      scale,
    });
  });
  if (dropped.length > 0) {
    warnings.push(
      `${dropped.length} window(s) end on or before the mean serial interval (${moments.mean}); EpiEstim gives no estimate for them.`,
    );
  }

  return {
    method: parametric ? 'parametric_si' : 'non_parametric_si',
    windows: out,
    droppedWindows: dropped,
    siDistr: si,
    siMoments: moments,
    local,
    imported,
    lambda,
    warnings,
  };
}
