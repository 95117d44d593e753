/**
 * Rt against EpiEstim's own published outputs.
 *
 * Source of the expected values: mrc-ide/EpiEstim, file tests/testthat/_snaps/estimate_R.md
 * (commit 2ca76bb6af94adb75ba0e57b459d9203b0659f88), the testthat snapshots of
 * tests/testthat/test-estimate_R.R (commit 31e1c5c5fe173cba6f7171fb245ee027d2512563):
 *
 * - "Example 1": estimate_R(Flu2009$incidence, method = "non_parametric_si",
 *                           config = list(t_start = 2:26, t_end = 8:32, si_distr = Flu2009$si_distr))
 * - "Example 2": estimate_R(incid, method = "parametric_si",
 *                           config = list(t_start = 2:21, t_end = 8:27, mean_si = 2.6, std_si = 1.5))
 *                where incid has separate local and imported cases (printed in the snapshot as
 *                $I_local and $I_imported).
 * - "Example 3": estimate_R(Flu2009$incidence, method = "parametric_si",
 *                           config = list(t_start = 2:26, t_end = 8:32, mean_si = 2.6, std_si = 1.5))
 *
 * Inputs are taken from the same snapshot ($I, $I_local, $I_imported, $si_distr). Flu2009$si_distr
 * is the 12 values 0, 0.233, 0.359, 0.198, 0.103, 0.053, 0.027, 0.014, 0.007, 0.003, 0.002, 0.001
 * (the snapshot prints them padded with zeros to 33 entries, 3 decimals, with SI.Moments mean 2.596,
 * which these values give exactly).
 *
 * The tables below are the snapshot's printed R output, pasted verbatim and parsed here. R prints 7
 * significant digits, which here is always at least 7 decimals; each value is checked to half a unit of
 * its last printed digit (so to 7 or 8 decimals — tighter than the 6 required).
 */
import { describe, expect, it } from 'vitest';
import { estimateR, type RtWindow } from './cori.ts';
import { formatRtOutput, parseRtInput } from './rt-json.ts';
import {
  example1,
  example2,
  example2Imported,
  example2Local,
  example3,
  flu2009,
  flu2009Si,
} from './epiestim-snapshots.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const columns = [
  ['Mean(R)', (w: RtWindow) => w.mean],
  ['Std(R)', (w: RtWindow) => w.std],
  ['Quantile.0.025(R)', (w: RtWindow) => w.quantiles.q0025],
  ['Quantile.0.05(R)', (w: RtWindow) => w.quantiles.q005],
  ['Quantile.0.25(R)', (w: RtWindow) => w.quantiles.q025],
  ['Median(R)', (w: RtWindow) => w.quantiles.q05],
  ['Quantile.0.75(R)', (w: RtWindow) => w.quantiles.q075],
  ['Quantile.0.95(R)', (w: RtWindow) => w.quantiles.q095],
  ['Quantile.0.975(R)', (w: RtWindow) => w.quantiles.q0975],
] as const;

type Table = Map<number, Map<string, string>>;

/** Parse R's printed data frame (possibly wrapped in several column blocks). */
function parsePrinted(text: string): Table {
  const rows: Table = new Map();
  let header: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const tokens = line.split(/\s+/);
    if (!/^\d+$/.test(tokens[0] as string)) {
      header = tokens;
      continue;
    }
    const row = Number(tokens[0]);
    const cells = rows.get(row) ?? new Map<string, string>();
    header.forEach((name, i) => cells.set(name, tokens[i + 1] as string));
    rows.set(row, cells);
  }
  return rows;
}

function expectMatches(windows: RtWindow[], printed: string): number {
  const table = parsePrinted(printed);
  expect(windows.length).toBe(table.size);
  let checked = 0;
  windows.forEach((w, i) => {
    const row = table.get(i + 1);
    if (!row) throw new Error(`no printed row ${i + 1}`);
    expect(w.tStart).toBe(Number(row.get('t_start')));
    expect(w.tEnd).toBe(Number(row.get('t_end')));
    for (const [name, get] of columns) {
      const cell = row.get(name);
      if (cell === undefined) throw new Error(`row ${i + 1} has no ${name}`);
      const decimals = cell.split('.')[1]?.length ?? 0;
      expect(decimals).toBeGreaterThanOrEqual(7);
      const tolerance = 0.5 * 10 ** -decimals + 1e-12;
      const actual = get(w);
      if (Math.abs(actual - Number(cell)) > tolerance) {
        throw new Error(`row ${i + 1} ${name}: got ${actual}, EpiEstim printed ${cell} (±${tolerance})`);
      }
      checked++;
    }
  });
  return checked;
}

describe('estimateR against EpiEstim published outputs (tests/testthat/_snaps/estimate_R.md)', () => {
  it('Example 1: Flu2009, non-parametric SI, day-1 case moved to imported', () => {
    const result = estimateR({ local: flu2009, siDistr: flu2009Si, tStart: range(2, 26), tEnd: range(8, 32) });
    expect(result.method).toBe('non_parametric_si');
    // snapshot: $I_local starts 0 1 0 2 …, $I_imported is 1 then zeros
    expect(result.local[0]).toBe(0);
    expect(result.imported).toEqual([1, ...Array<number>(31).fill(0)]);
    expect(result.siDistr).toHaveLength(33);
    expect(result.siMoments.mean).toBeCloseTo(2.596, 12);
    expect(result.siMoments.std).toBeCloseTo(1.534531, 6); // snapshot SI.Moments Std
    expect(expectMatches(result.windows, example1)).toBe(25 * 9);
  });

  it('Example 1 also through the default weekly windows (t_start 2..26 are the defaults for 32 days)', () => {
    const result = estimateR({ local: flu2009, siDistr: flu2009Si });
    expect(expectMatches(result.windows, example1)).toBe(25 * 9);
  });

  it('Example 2: parametric SI (mean 2.6, sd 1.5) with local and imported cases separated', () => {
    const result = estimateR({
      local: example2Local,
      imported: example2Imported,
      meanSi: 2.6,
      stdSi: 1.5,
      tStart: range(2, 21),
      tEnd: range(8, 27),
    });
    expect(result.method).toBe('parametric_si');
    expect(result.warnings).toEqual([]);
    // snapshot $si_distr: 28 entries (t0..t27), last one 0; SI.Moments 2.599999 / 1.554876
    expect(result.siDistr).toHaveLength(28);
    expect(result.siDistr[27]).toBe(0);
    expect(result.siDistr[1]).toBeCloseTo(2.331721e-1, 7);
    expect(result.siDistr[26]).toBeCloseTo(2.235952e-8, 14);
    expect(result.siMoments.mean).toBeCloseTo(2.599999, 6);
    expect(result.siMoments.std).toBeCloseTo(1.554876, 6);
    expect(expectMatches(result.windows, example2)).toBe(20 * 9);
  });

  it('Example 3: Flu2009, parametric SI (mean 2.6, sd 1.5), SI truncated at T − 1 = 31 days', () => {
    const result = estimateR({ local: flu2009, meanSi: 2.6, stdSi: 1.5, tStart: range(2, 26), tEnd: range(8, 32) });
    expect(result.siDistr).toHaveLength(33);
    // far tail: the closed form subtracts CDF values near 1 (terms ~30), so both R and we carry
    // ~1e-15 absolute rounding here; compare to 1e-14 absolute.
    expect(result.siDistr[31]).toBeCloseTo(6.550365e-10, 14);
    expect(result.siDistr[32]).toBe(0);
    expect(expectMatches(result.windows, example3)).toBe(25 * 9);
  });

  it('the CLI JSON path gives the same rows (EpiEstim names in and out)', () => {
    const input = parseRtInput(
      JSON.parse(
        JSON.stringify({
          local: example2Local,
          imported: example2Imported,
          mean_si: 2.6,
          std_si: 1.5,
          t_start: range(2, 21),
          t_end: range(8, 27),
        }),
      ),
    );
    const out = formatRtOutput(estimateR(input));
    expect(out.windows).toHaveLength(20);
    const last = out.windows[19];
    expect(Object.keys(last ?? {})).toEqual([
      't_start',
      't_end',
      'mean',
      'std',
      'quantile_0_025',
      'quantile_0_05',
      'quantile_0_25',
      'median',
      'quantile_0_75',
      'quantile_0_95',
      'quantile_0_975',
    ]);
    expect(last?.t_start).toBe(21);
    expect(last?.t_end).toBe(27);
    expect(last?.mean).toBeCloseTo(9.8571825, 7);
    expect(last?.median).toBeCloseTo(8.2718863, 7);
    expect(last?.quantile_0_975).toBeCloseTo(27.460353, 6);
  });
});
