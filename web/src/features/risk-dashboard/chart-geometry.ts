import { addDays } from '../../../../core/vietnam-calendar.ts';

/**
 * Scales, ticks and SVG paths of the dashboard's charts: pure functions of numbers, so the charts
 * stay plain SVG (no chart library) and this part is tested without a browser.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plotting area inside a chart of `width` × `height` pixels. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function frameOf(width: number, height: number, m: Margins): Frame {
  const w = Math.max(width, m.left + m.right + 1);
  const h = Math.max(height, m.top + m.bottom + 1);
  return { width: w, height: h, left: m.left, right: w - m.right, top: m.top, bottom: h - m.bottom };
}

export type Scale = (v: number) => number;

/** Maps `domain` linearly onto `range`; an empty domain maps everything to the range's start. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => r0;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A "nice" step (1, 2 or 5 × 10^k) cutting `span` into about `count` intervals. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round ticks covering [min, max] (about `count` of them), from a multiple of the step at or below
 * `min` to one at or above `max`; the first and last ticks are the axis' domain. `integer` keeps
 * steps whole (case counts).
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  const lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi === lo) hi = lo + (integer ? Math.max(1, count) : 1);
  let step = niceStep(hi - lo, count);
  if (integer) step = Math.max(1, Math.round(step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = start, i = 0; v <= end + step / 2 && i < 1000; i++, v = start + i * step)
    out.push(Number(v.toFixed(decimals)));
  return out;
}

/** Evenly spaced bands of `n` categories (days) between `x0` and `x1`. */
export interface Bands {
  /** Left edge of band `i`'s bar. */
  x(i: number): number;
  /** Centre of band `i`. */
  center(i: number): number;
  /** Width of a bar (the band minus its padding). */
  barWidth: number;
  step: number;
}

export function bands(n: number, x0: number, x1: number, padding = 0.2): Bands {
  const step = (x1 - x0) / Math.max(1, n);
  const pad = step * Math.min(Math.max(padding, 0), 0.9);
  return {
    x: (i) => x0 + i * step + pad / 2,
    center: (i) => x0 + (i + 0.5) * step,
    barWidth: Math.max(step - pad, 0.5),
    step,
  };
}

/** Indices of the categories to label so that labels stay `minSpacing` pixels apart (the last always). */
export function labelIndices(n: number, step: number, minSpacing = 56): number[] {
  if (n <= 0) return [];
  const every = Math.max(1, Math.ceil(minSpacing / Math.max(step, 1e-6)));
  const out: number[] = [];
  for (let i = (n - 1) % every; i < n; i += every) out.push(i);
  return out;
}

const r = (v: number) => Math.round(v * 100) / 100;

/** `M x,y L x,y …` through the points; '' for none. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join('');
}

/** A closed band: along `upper`, back along `lower` reversed. */
export function areaPath(upper: readonly Point[], lower: readonly Point[]): string {
  if (upper.length === 0 || lower.length === 0) return '';
  return `${linePath([...upper, ...[...lower].reverse()])}Z`;
}

/** Segments of a stacked bar: each key's value piled on the previous ones (zeros kept, empty). */
export function stack<K extends string>(
  row: Readonly<Record<K, number>>,
  keys: readonly K[],
): { key: K; y0: number; y1: number }[] {
  let y = 0;
  return keys.map((key) => {
    const y0 = y;
    y += Math.max(0, row[key]);
    return { key, y0, y1: y };
  });
}

/** Every day from `from` to `to` (YYYY-MM-DD, both included), at most `max` of them. */
export function dayList(from: string, to: string, max = 1000): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A run of equal consecutive values: indices `start` (included) to `end` (excluded). */
export interface Run<T> {
  value: T;
  start: number;
  end: number;
}

/** Consecutive equal values merged into runs (a strip of levels drawn as few rectangles). */
export function runs<T>(values: readonly T[]): Run<T>[] {
  const out: Run<T>[] = [];
  values.forEach((value, i) => {
    const last = out[out.length - 1];
    if (last && last.value === value) last.end = i + 1;
    else out.push({ value, start: i, end: i + 1 });
  });
  return out;
}

/** The left edge and width of bands `start` to `end` (excluded), padding ignored: a strip over several days. */
export function bandSpan(band: Bands, start: number, end: number): { x: number; width: number } {
  return { x: band.center(start) - band.step / 2, width: Math.max(0, end - start) * band.step };
}
