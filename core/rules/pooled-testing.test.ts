import { describe, expect, it } from 'vitest';
import { defaultPoolingPolicy, planPools, poolOutcome, poolSizeFor } from './pooled-testing.ts';

describe('pooled testing', () => {
  it('pools by 5 in higher-risk areas (and where the risk is unknown), by 10 elsewhere', () => {
    expect(poolSizeFor(defaultPoolingPolicy, 1)).toBe(10);
    expect(poolSizeFor(defaultPoolingPolicy, 2)).toBe(10);
    expect(poolSizeFor(defaultPoolingPolicy, 3)).toBe(5);
    expect(poolSizeFor(defaultPoolingPolicy, 4)).toBe(5);
    expect(poolSizeFor(defaultPoolingPolicy, null)).toBe(5);
  });

  it('splits samples in order, the remainder in a last smaller pool', () => {
    const pools = planPools(
      Array.from({ length: 23 }, (_, i) => i),
      10,
    );
    expect(pools.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pools[2]).toEqual([20, 21, 22]);
    expect(planPools([], 5)).toEqual([]);
  });

  it('refuses pools of 1 or more than 10', () => {
    expect(() => planPools([1, 2], 1)).toThrow(RangeError);
    expect(() => planPools([1, 2], 11)).toThrow(RangeError);
  });

  it('clears the members of a negative pool and re-tests every member of a positive or failed one', () => {
    expect(poolOutcome('negative')).toEqual({ memberResult: 'negative', retestMembers: false });
    expect(poolOutcome('positive')).toEqual({ memberResult: null, retestMembers: true });
    expect(poolOutcome('invalid')).toEqual({ memberResult: null, retestMembers: true });
  });
});
