/**
 * Seeded random numbers for the incidence projection (no dependencies, no Math.random: the same
 * seed must give the same projection so that a report can be reproduced and tested).
 *
 * - Generator: xoshiro128** (Blackman & Vigna 2018), 128-bit state seeded from a 32-bit seed through
 *   splitmix32 — mulberry32 would be smaller but its 2^32 period and weak seeds are avoidable here.
 *   `uniform()` joins two outputs into 53 bits so that every double step in [0, 1) can occur.
 * - Normal: Marsaglia's polar method (one value per call; the twin is dropped to stay stateless).
 * - Gamma: Marsaglia & Tsang (ACM TOMS 2000), with the boost G(a) = G(a + 1) · U^{1/a} for a < 1.
 * - Poisson: Knuth's product of uniforms for λ < 10; above, PTRS, the transformed rejection method
 *   of Hörmann (Insurance: Math. & Econ. 1993), as NumPy does. Both are exact in distribution. The
 *   PTRS acceptance test compares against log P(X = k), computed with Loader's saddle-point form
 *   (as R's dpois) instead of −λ + k ln λ − ln k!, whose terms cancel catastrophically for large λ
 *   and would bias the acceptance there.
 */
import { logGamma } from './gamma.ts';

export interface Rng {
  /** Next raw 32-bit output, an unsigned integer. */
  uint32(): number;
  /** Uniform on [0, 1), 53-bit resolution. */
  uniform(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** A deterministic generator: the same integer seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`createRng: seed must be an integer (got ${seed})`);
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point of xoshiro

  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    uint32,
    uniform: () => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992,
  };
}

/** Standard normal draw. */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, scale) draw: mean shape·scale, variance shape·scale². */
export function sampleGamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape > 0) || !Number.isFinite(shape))
    throw new RangeError(`sampleGamma: shape must be a finite number > 0 (got ${shape})`);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new RangeError(`sampleGamma: scale must be a finite number > 0 (got ${scale})`);
  if (shape < 1) {
    // 1 − uniform() lies in (0, 1], so the power never turns a legitimate draw into exactly 0 by log(0).
    return sampleGamma(rng, shape + 1, scale) * Math.pow(1 - rng.uniform(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v * scale; // squeeze: skips the logs most of the time
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Stirling's error ln n! − (n + ½) ln n + n − ½ ln 2π for an integer n ≥ 1 (Loader 2000). Small n go
 * through logGamma, whose absolute error is negligible at that size; large n use the asymptotic series
 * with R's cut-offs, which is where logGamma would lose digits to cancellation.
 */
function stirlingError(n: number): number {
  if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LOG_2PI;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x ln(x/μ) + μ − x, by a series when x ≈ μ to avoid cancellation (Loader 2000). */
function bd0(x: number, mu: number): number {
  if (Math.abs(x - mu) < 0.1 * (x + mu)) {
    let v = (x - mu) / (x + mu);
    let s = (x - mu) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / mu) + mu - x;
}

/** ln P(X = k) for X ~ Poisson(λ), k a non-negative integer and λ > 0. */
export function logPoissonPmf(k: number, lambda: number): number {
  if (k === 0) return -lambda;
  return -stirlingError(k) - bd0(k, lambda) - HALF_LOG_2PI - 0.5 * Math.log(k);
}

/** Below this mean Knuth's method is cheaper than PTRS, which is valid only from 10 on. */
const PTRS_THRESHOLD = 10;

function poissonKnuth(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = 1 - rng.uniform(); // (0, 1]: log(v) stays finite
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= logPoissonPmf(k, lambda)) return k;
  }
}

/** Poisson(λ) draw; λ = 0 gives 0. */
export function samplePoisson(rng: Rng, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda))
    throw new RangeError(`samplePoisson: lambda must be a finite number >= 0 (got ${lambda})`);
  if (lambda === 0) return 0;
  return lambda < PTRS_THRESHOLD ? poissonKnuth(rng, lambda) : poissonPtrs(rng, lambda);
}
