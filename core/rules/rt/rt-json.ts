/**
 * The JSON the `rt` CLI command reads and writes, with EpiEstim's names (`si_distr`, `t_start`,
 * `Mean(R)`…), mapped to and from the estimator's input and result in cori.ts.
 */
import { invalidRtInput, type RtInput, type RtResult } from './cori.ts';

const inputKeys = [
  'local',
  'imported',
  'si_distr',
  'mean_si',
  'std_si',
  't_start',
  't_end',
  'window',
  'mean_prior',
  'std_prior',
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function countArray(v: unknown, path: string): number[] {
  if (!Array.isArray(v)) invalidRtInput(path, 'must be an array of daily counts');
  return v.map((x: unknown, i) => {
    if (x === null) return 0; // R's NA, which EpiEstim replaces by 0
    if (typeof x !== 'number')
      invalidRtInput(`${path}[${i}]`, 'must be a number (or null for a missing day, counted as 0)');
    return x;
  });
}

function numberArray(v: unknown, path: string): number[] {
  const arr = typeof v === 'number' ? [v] : v; // an R scalar is a vector of length 1
  if (!Array.isArray(arr)) invalidRtInput(path, 'must be an array of numbers');
  return arr.map((x: unknown, i) => {
    if (typeof x !== 'number') invalidRtInput(`${path}[${i}]`, 'must be a number');
    return x;
  });
}

function optionalNumber(v: unknown, path: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') invalidRtInput(path, 'must be a number');
  return v;
}

/**
 * Read the CLI's JSON input: `{ local, imported?, si_distr? | mean_si + std_si, t_start?, t_end?,
 * window?, mean_prior?, std_prior? }` (EpiEstim's names; `null` counts are 0 as EpiEstim's NA).
 * Unknown keys are rejected so that a misspelt option is not silently ignored.
 */
export function parseRtInput(json: unknown): RtInput {
  if (!isRecord(json)) invalidRtInput('$', 'must be a JSON object');
  for (const key of Object.keys(json)) {
    if (!(inputKeys as readonly string[]).includes(key))
      invalidRtInput(key, `unknown key; expected one of ${inputKeys.join(', ')}`);
  }
  if (json.local === undefined) invalidRtInput('local', 'is required');
  const input: RtInput = { local: countArray(json.local, 'local') };
  if (json.imported !== undefined) input.imported = countArray(json.imported, 'imported');
  if (json.si_distr !== undefined) input.siDistr = numberArray(json.si_distr, 'si_distr');
  const meanSi = optionalNumber(json.mean_si, 'mean_si');
  if (meanSi !== undefined) input.meanSi = meanSi;
  const stdSi = optionalNumber(json.std_si, 'std_si');
  if (stdSi !== undefined) input.stdSi = stdSi;
  if (json.t_start !== undefined) input.tStart = numberArray(json.t_start, 't_start');
  if (json.t_end !== undefined) input.tEnd = numberArray(json.t_end, 't_end');
  const window = optionalNumber(json.window, 'window');
  if (window !== undefined) input.window = window;
  const meanPrior = optionalNumber(json.mean_prior, 'mean_prior');
  if (meanPrior !== undefined) input.meanPrior = meanPrior;
  const stdPrior = optionalNumber(json.std_prior, 'std_prior');
  if (stdPrior !== undefined) input.stdPrior = stdPrior;
  return input;
}

/**
 * One output row. Mapping to the columns of EpiEstim's `R$R`:
 *
 * | here            | EpiEstim            |
 * |-----------------|---------------------|
 * | t_start         | t_start             |
 * | t_end           | t_end               |
 * | mean            | Mean(R)             |
 * | std             | Std(R)              |
 * | quantile_0_025  | Quantile.0.025(R)   |
 * | quantile_0_05   | Quantile.0.05(R)    |
 * | quantile_0_25   | Quantile.0.25(R)    |
 * | median          | Median(R)           |
 * | quantile_0_75   | Quantile.0.75(R)    |
 * | quantile_0_95   | Quantile.0.95(R)    |
 * | quantile_0_975  | Quantile.0.975(R)   |
 */
export interface RtOutputRow {
  t_start: number;
  t_end: number;
  mean: number;
  std: number;
  quantile_0_025: number;
  quantile_0_05: number;
  quantile_0_25: number;
  median: number;
  quantile_0_75: number;
  quantile_0_95: number;
  quantile_0_975: number;
}

export interface RtOutput {
  windows: RtOutputRow[];
}

/** The CLI's `--json` output: `{ windows: [...] }`, one row per estimated window, EpiEstim's columns. */
export function formatRtOutput(result: Pick<RtResult, 'windows'>): RtOutput {
  return {
    windows: result.windows.map((w) => ({
      t_start: w.tStart,
      t_end: w.tEnd,
      mean: w.mean,
      std: w.std,
      quantile_0_025: w.quantiles.q0025,
      quantile_0_05: w.quantiles.q005,
      quantile_0_25: w.quantiles.q025,
      median: w.quantiles.q05,
      quantile_0_75: w.quantiles.q075,
      quantile_0_95: w.quantiles.q095,
      quantile_0_975: w.quantiles.q0975,
    })),
  };
}
