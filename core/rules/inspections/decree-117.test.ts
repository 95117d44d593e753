import { describe, expect, it } from 'vitest';
import { articleOn, checkFine, decree117Seed, fineRange, inForceOn } from './decree-117.ts';

describe('Decree 117/2020 catalogue', () => {
  it('seeds the seven articles of the issue, in force from 15/11/2020', () => {
    expect(decree117Seed.map((a) => a.code)).toEqual(
      expect.arrayContaining(['12.1a', '7.2', '7.3', '11', '12.3c', '12.4a', '5']),
    );
    expect(articleOn(decree117Seed, '12.1a', '2020-11-14')).toBeUndefined();
    expect(articleOn(decree117Seed, '12.1a', '2020-11-15')?.individualMaxVnd).toBe(3_000_000);
  });

  it("doubles an individual's range for an organisation", () => {
    const a = articleOn(decree117Seed, '12.1a', '2021-08-01')!;
    expect(fineRange(a, 'individual')).toEqual({ minVnd: 1_000_000, maxVnd: 3_000_000 });
    expect(fineRange(a, 'organisation')).toEqual({ minVnd: 2_000_000, maxVnd: 6_000_000 });
  });

  it('accepts a fine inside the range and refuses one outside it or under an article not in force', () => {
    const a = articleOn(decree117Seed, '12.1a', '2021-08-01');
    expect(checkFine(a, 'organisation', '2021-08-01', 4_000_000)).toEqual({ ok: true });
    expect(checkFine(a, 'organisation', '2021-08-01', 7_000_000)).toEqual({
      ok: false,
      reason: 'out_of_range',
      minVnd: 2_000_000,
      maxVnd: 6_000_000,
    });
    expect(checkFine(a, 'individual', '2021-08-01', 4_000_000).ok).toBe(false);
    expect(checkFine(a, 'individual', '2019-01-01', 2_000_000)).toEqual({ ok: false, reason: 'not_in_force' });
  });

  it('closes a version at its end date', () => {
    expect(inForceOn({ effectiveFrom: '2020-11-15', effectiveTo: '2022-01-01' }, '2022-01-02')).toBe(false);
  });
});
