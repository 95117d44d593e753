/**
 * Rt (Cori) on edge cases, derived by hand from EpiEstim's R source, and the validation of its
 * input; `cori.test.ts` checks the same function against EpiEstim's published outputs.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { estimateR } from './cori.ts';
import { parseRtInput } from './rt-json.ts';
import { parametricSiDistr } from './discr-si.ts';

describe('estimateR: EpiEstim behaviours on edge cases (derived by hand from the R source)', () => {
  it('moves local cases of day 1 to imported, with a warning, when imported is given', () => {
    const r = estimateR({ local: [3, 1, 1, 1, 1, 1, 1, 1], imported: [2, 0, 0, 0, 0, 0, 0, 0], siDistr: [0, 1] });
    expect(r.local[0]).toBe(0);
    expect(r.imported[0]).toBe(5);
    expect(r.warnings[0]).toMatch(/first time step/);
    // Λ_t = I_{t−1} with w_1 = 1: window 2..8 → Λ = 5 + 1·6 = 11; local cases 7; prior a = 1, b = 5
    const w = r.windows[0];
    expect(w?.shape).toBe(8);
    expect(w?.scale).toBeCloseTo(1 / (1 / 5 + 11), 15);
    expect(w?.mean).toBeCloseTo(8 / (0.2 + 11), 15);
    expect(w?.std).toBeCloseTo(Math.sqrt(8) / (0.2 + 11), 15);
  });

  it('counts only local cases in the numerator but all cases in the infectivity', () => {
    const local = [0, 0, 0, 0, 0, 0, 0, 0, 2];
    const imported = [1, 0, 0, 0, 0, 0, 0, 10, 0];
    const r = estimateR({ local, imported, siDistr: [0, 1], tStart: [9], tEnd: [9] });
    // Λ_9 = I_8 = 10, local_9 = 2 → shape 3, scale 1/(0.2 + 10)
    expect(r.windows[0]?.shape).toBe(3);
    expect(r.windows[0]?.mean).toBeCloseTo(3 / 10.2, 15);
  });

  it('a window with zero infectivity is not NA in EpiEstim: the posterior is the prior plus local cases', () => {
    const r = estimateR({ local: [0, 0, 0, 0, 0, 0, 0, 0], siDistr: [0, 0.5, 0.5] });
    expect(r.windows).toHaveLength(1);
    const w = r.windows[0];
    expect(w?.mean).toBe(5); // prior mean
    expect(w?.std).toBe(5); // prior sd
    expect(w?.quantiles.q05).toBeCloseTo(5 * Math.LN2, 12); // gamma(1, 5) = exponential: median 5 ln 2
  });

  it('drops windows ending on or before the mean serial interval, as EpiEstim does (NA rows removed)', () => {
    const si = [0, 0, 0, 0, 0, 1]; // mean 5
    const r = estimateR({
      local: [0, 1, 1, 1, 1, 1, 1, 1],
      imported: [1, 0, 0, 0, 0, 0, 0, 0],
      siDistr: si,
      tStart: [2, 2, 3],
      tEnd: [5, 6, 8],
    });
    expect(r.droppedWindows).toEqual([{ tStart: 2, tEnd: 5 }]);
    expect(r.windows.map((w) => [w.tStart, w.tEnd])).toEqual([
      [2, 6],
      [3, 8],
    ]);
    expect(r.warnings.some((m) => /mean serial interval/.test(m))).toBe(true);
  });

  it('pads a short si_distr with zeros and builds the parametric SI over T days plus a 0', () => {
    expect(estimateR({ local: Array<number>(10).fill(1), siDistr: [0, 1] }).siDistr).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const p = estimateR({ local: Array<number>(10).fill(1), meanSi: 4, stdSi: 2 }).siDistr;
    expect(p).toEqual([...parametricSiDistr(4, 2, 10)]);
    expect(p).toHaveLength(11);
  });

  it('uses the prior (mean_prior, std_prior) as EpiEstim: shape (m/s)², scale s²/m', () => {
    const r = estimateR({ local: [0, 0, 0, 0, 0, 0, 0, 0], siDistr: [0, 1], meanPrior: 2, stdPrior: 1 });
    expect(r.windows[0]?.shape).toBe(4);
    expect(r.windows[0]?.scale).toBe(0.5);
  });

  it('builds sliding windows of another length with `window`', () => {
    const r = estimateR({ local: Array<number>(10).fill(1), siDistr: [0, 1], window: 3 });
    expect(r.windows.map((w) => [w.tStart, w.tEnd])).toEqual([
      [2, 4],
      [3, 5],
      [4, 6],
      [5, 7],
      [6, 8],
      [7, 9],
      [8, 10],
    ]);
  });
});

describe('estimateR validation', () => {
  const base = { local: [0, 1, 2, 3, 4, 5, 6, 7], siDistr: [0, 0.5, 0.5] };
  const fails = (input: Parameters<typeof estimateR>[0], path: string, message: RegExp) => {
    try {
      estimateR(input);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details[0]?.path).toBe(path);
      expect(err.message).toMatch(message);
      return;
    }
    throw new Error('expected a validation error');
  };

  it('rejects negative or non-finite counts', () => {
    fails({ ...base, local: [0, 1, -1, 0, 0, 0, 0, 0] }, 'local[2]', /non-negative/);
    fails({ ...base, imported: [0, 0, 0, 0, 0, 0, 0, -2] }, 'imported[7]', /non-negative/);
    fails({ ...base, local: [0, 1, Infinity, 0, 0, 0, 0, 0] }, 'local[2]', /finite/);
    fails({ ...base, imported: [0, 0] }, 'imported', /as many days/);
  });

  it('rejects an si_distr with w_0 ≠ 0, negative entries, or a sum off 1 by more than 0.01', () => {
    fails({ ...base, siDistr: [0.1, 0.9] }, 'si_distr[0]', /must be 0/);
    fails({ ...base, siDistr: [0, 1.2, -0.2] }, 'si_distr[2]', /non-negative/);
    fails({ ...base, siDistr: [0, 0.5, 0.489] }, 'si_distr', /sum to 1/);
    expect(() => estimateR({ ...base, siDistr: [0, 0.5, 0.491] })).not.toThrow(); // within EpiEstim's 0.01
  });

  it('rejects bad parametric serial intervals and ambiguous ones', () => {
    fails({ local: base.local, meanSi: 1, stdSi: 1 }, 'mean_si', />\s?1/);
    fails({ local: base.local, meanSi: 3, stdSi: 0 }, 'std_si', /> 0/);
    fails({ local: base.local, meanSi: 3 }, 'std_si', /required/);
    fails({ ...base, meanSi: 3, stdSi: 1 }, 'si_distr', /not both/);
    fails({ local: base.local }, 'si_distr', /required/);
  });

  it('rejects windows out of range, reversed, of unequal lengths, and too-short series', () => {
    fails({ ...base, tStart: [1], tEnd: [7] }, 't_start[0]', /between 2/);
    fails({ ...base, tStart: [2], tEnd: [9] }, 't_end[0]', /between 2/);
    fails({ ...base, tStart: [5], tEnd: [4] }, 't_start[0]', /<= t_end/);
    fails({ ...base, tStart: [2, 3], tEnd: [8] }, 't_end', /same length/);
    fails({ ...base, tStart: [2.5], tEnd: [8] }, 't_start[0]', /integer/);
    fails({ ...base, tStart: [2] }, 't_end', /together/);
    fails({ ...base, local: [0, 1, 2, 3, 4, 5, 6] }, 'local', /at least 8 days/);
    fails({ ...base, meanPrior: 0 }, 'mean_prior', /> 0/);
  });
});

describe('parseRtInput', () => {
  it('maps EpiEstim names and treats null counts as 0 (EpiEstim replaces NA by 0)', () => {
    expect(
      parseRtInput({
        local: [0, null, 2],
        imported: [1, 0, null],
        si_distr: [0, 1],
        t_start: 2,
        t_end: [3],
        mean_prior: 4,
        std_prior: 2,
        window: undefined,
      }),
    ).toEqual({
      local: [0, 0, 2],
      imported: [1, 0, 0],
      siDistr: [0, 1],
      tStart: [2],
      tEnd: [3],
      meanPrior: 4,
      stdPrior: 2,
    });
    expect(parseRtInput({ local: [1, 2], mean_si: 2.6, std_si: 1.5, window: 5 })).toEqual({
      local: [1, 2],
      meanSi: 2.6,
      stdSi: 1.5,
      window: 5,
    });
  });

  it('rejects non-objects, unknown keys, missing local and wrongly typed values', () => {
    expect(() => parseRtInput([1, 2])).toThrow(/JSON object/);
    expect(() => parseRtInput({ local: [1], meanSI: 3 })).toThrow(/meanSI: unknown key/);
    expect(() => parseRtInput({ imported: [1] })).toThrow(/local: is required/);
    expect(() => parseRtInput({ local: [1, '2'] })).toThrow(/local\[1\]/);
    expect(() => parseRtInput({ local: [1], mean_si: '2.6' })).toThrow(/mean_si/);
  });
});
