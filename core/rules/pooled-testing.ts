/**
 * Pooled samples ("gộp mẫu", Decision 3486/QĐ-BYT, DOMAIN §4): pools of 5 in higher-risk areas up to
 * 10 in lower-risk ones; a positive pool means every member is re-tested individually.
 */
export interface PoolingPolicy {
  /** Pool size where the area's risk level is at or above `higherRiskFromLevel`. */
  higherRiskSize: number;
  lowerRiskSize: number;
  /** Risk level index (1 = lowest) from which the smaller pools apply. */
  higherRiskFromLevel: number;
}

export const defaultPoolingPolicy: PoolingPolicy = { higherRiskSize: 5, lowerRiskSize: 10, higherRiskFromLevel: 3 };

export const MIN_POOL_SIZE = 2;
export const MAX_POOL_SIZE = 10;

/** Unknown risk is treated as higher risk: a smaller pool loses less sensitivity. */
export function poolSizeFor(policy: PoolingPolicy, areaLevel: number | null): number {
  return areaLevel !== null && areaLevel < policy.higherRiskFromLevel ? policy.lowerRiskSize : policy.higherRiskSize;
}

/** Splits samples in order into pools of `size`; the last pool holds the remainder. */
export function planPools<T>(samples: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < MIN_POOL_SIZE || size > MAX_POOL_SIZE) {
    throw new RangeError(
      `Cỡ gộp mẫu từ ${MIN_POOL_SIZE} đến ${MAX_POOL_SIZE} / A pool holds ${MIN_POOL_SIZE} to ${MAX_POOL_SIZE} samples`,
    );
  }
  const pools: T[][] = [];
  for (let i = 0; i < samples.length; i += size) pools.push(samples.slice(i, i + size));
  return pools;
}

export type PoolResult = 'negative' | 'positive' | 'invalid';

/**
 * What a pool result means for its members: a negative pool clears them all; a positive one (or a
 * failed run, which proves nothing) sends every member to an individual RT-PCR re-test.
 */
export function poolOutcome(result: PoolResult): { memberResult: 'negative' | null; retestMembers: boolean } {
  if (result === 'negative') return { memberResult: 'negative', retestMembers: false };
  return { memberResult: null, retestMembers: true };
}
