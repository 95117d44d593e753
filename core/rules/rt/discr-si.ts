/**
 * Discretised serial interval, as EpiEstim builds it for method "parametric_si".
 *
 * Source: mrc-ide/EpiEstim `R/discr_si.R` (closed form of Cori et al. AJE 2013, web appendix 11),
 * read at commit d7f3cff7f39ab7896f06b0ff9509d538e57782de:
 *
 *     a <- ((mu - 1) / sigma)^2 ; b <- sigma^2 / (mu - 1)
 *     res <- k * F(k, a, b) + (k - 2) * F(k - 2, a, b) - 2 * (k - 1) * F(k - 1, a, b)
 *     res <- res + a * b * (2 * F(k - 1, a + 1, b) - F(k - 2, a + 1, b) - F(k, a + 1, b))
 *     res <- max(0, res)           # F = pgamma(., shape, scale)
 *
 * i.e. the probability that a gamma(mean mu − 1, sd sigma) delay shifted by one day, starting at a
 * time uniform within the day, ends on day k. (Newer EpiEstim versions compute the same quantity via
 * the primarycensored package; the published test outputs used here were produced by this form.)
 *
 * Truncation (mrc-ide/EpiEstim `R/estimate_R.R`, `estimate_R_func`, certain-SI branch):
 *
 *     config$si_distr <- discr_si(seq(0, T - 1), config$mean_si, config$std_si)
 *     if (length(config$si_distr) < T + 1) config$si_distr[seq(length(config$si_distr) + 1, T + 1)] <- 0
 *
 * so for T days of incidence the distribution has T + 1 entries, w_0 … w_{T−1} from `discr_si` and
 * a final 0; it is **not** renormalised (it sums to slightly less than 1).
 */
import { gammaCdf } from './gamma.ts';

function cdf(x: number, shape: number, scale: number): number {
  return x <= 0 ? 0 : gammaCdf(x, shape, scale);
}

/** EpiEstim's `discr_si(k, mu, sigma)` for one k ≥ 0 (mu > 1, sigma > 0). */
export function discrSi(k: number, mu: number, sigma: number): number {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new RangeError(`discrSi: sigma must be > 0 (got ${sigma})`);
  if (!(mu > 1) || !Number.isFinite(mu)) throw new RangeError(`discrSi: mu must be > 1 (got ${mu})`);
  if (!(k >= 0)) throw new RangeError(`discrSi: k must be >= 0 (got ${k})`);
  const a = ((mu - 1) / sigma) ** 2;
  const b = sigma ** 2 / (mu - 1);
  let res = k * cdf(k, a, b) + (k - 2) * cdf(k - 2, a, b) - 2 * (k - 1) * cdf(k - 1, a, b);
  res += a * b * (2 * cdf(k - 1, a + 1, b) - cdf(k - 2, a + 1, b) - cdf(k, a + 1, b));
  return Math.max(0, res);
}

/** `discr_si(seq(0, n - 1), mu, sigma)`: w_0 … w_{n−1}. */
export function discrSiVector(n: number, mu: number, sigma: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(discrSi(k, mu, sigma));
  return out;
}

/**
 * The serial-interval distribution `estimate_R` uses for method "parametric_si" with `days` days of
 * incidence: `discr_si(0:(days − 1), meanSi, stdSi)` followed by one 0 (length days + 1).
 */
export function parametricSiDistr(meanSi: number, stdSi: number, days: number): number[] {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`parametricSiDistr: days must be a positive integer (got ${days})`);
  return [...discrSiVector(days, meanSi, stdSi), 0];
}

/** Mean and standard deviation of a discrete distribution on 0, 1, 2, … (EpiEstim's `SI.Moments`). */
export function siMoments(siDistr: readonly number[]): { mean: number; std: number } {
  let mean = 0;
  let second = 0;
  siDistr.forEach((w, k) => {
    mean += w * k;
    second += w * k * k;
  });
  return { mean, std: Math.sqrt(second - mean * mean) };
}
