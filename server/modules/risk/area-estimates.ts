import { estimateR, type RtWindow } from '../../../core/rules/rt/cori.ts';
import { projectFromEstimate } from '../../../core/rules/rt/projection.ts';
import type { DashboardView } from '../../../core/schemas/risk-map.ts';
import { addDays } from '../../../core/vietnam-calendar.ts';
import type { DailyCountsRow } from './indicators.repository.ts';

/** Cori et al. 2013 advise against reading a window whose posterior coefficient of variation exceeds 0.3. */
const MAX_CV = 0.3;
/** Fixed, so the same data always give the same projection (a dashboard must not flicker). */
const PROJECTION_SEED = 20211011;

export const estimateNotes = {
  fewCases: {
    vi: 'Chưa đủ ca bệnh để ước lượng Rt tin cậy (cần hệ số biến thiên hậu nghiệm ≤ 0,3, khoảng 11 ca mỗi cửa sổ 7 ngày)',
    en: 'Too few cases for a reliable Rt (posterior coefficient of variation ≤ 0.3 needs about 11 cases per 7-day window)',
  },
  noProjection: {
    vi: 'Không dự báo: Rt của cửa sổ cuối chưa tin cậy',
    en: 'No projection: the last window has no reliable Rt',
  },
} as const;

export type Epicurve = DashboardView['epicurve'];
export interface AreaEstimate {
  rt: DashboardView['rt'];
  projection: DashboardView['projection'];
  notes: DashboardView['notes'];
}

/** Daily rows to one row per day from `from` to `to`, days without a row at zero. */
export function denseCurve(rows: readonly DailyCountsRow[], from: string, to: string): Epicurve {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: Epicurve = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const r = byDay.get(day);
    out.push({ day, community: r?.community ?? 0, inQuarantine: r?.inQuarantine ?? 0, imported: r?.imported ?? 0 });
  }
  return out;
}

/**
 * Rt over sliding 7-day windows (local cases, imported ones as infectors only) and the 14-day
 * projection from the renewal equation driven by the last window's Rt posterior, for any daily
 * curve: a province's or selected communes' (the province dashboard), the country's or a province's
 * on the national hub. Windows too uncertain to read are left out, and the notes say why.
 */
export function estimateArea(curve: Epicurve, si: { meanDays: number; sdDays: number }): AreaEstimate {
  const from = curve[0]?.day;
  const to = curve[curve.length - 1]?.day;
  const notes: DashboardView['notes'] = [];
  const local = curve.map((d) => d.community + d.inQuarantine);
  const imported = curve.map((d) => d.imported);
  const estimate =
    from && local.length >= 2 && local.some((v) => v > 0)
      ? estimateR({ local, imported, meanSi: si.meanDays, stdSi: si.sdDays })
      : null;
  const reliable = (w: RtWindow) => 1 / Math.sqrt(w.shape) <= MAX_CV;
  const windows = estimate?.windows ?? [];
  const rt = windows.filter(reliable).map((w) => ({
    day: addDays(from!, w.tEnd - 1),
    mean: w.mean,
    median: w.quantiles.q05,
    lower: w.quantiles.q0025,
    upper: w.quantiles.q0975,
  }));
  if (rt.length < windows.length || !windows.length) notes.push(estimateNotes.fewCases);
  const last = windows[windows.length - 1];
  let projection: DashboardView['projection'] = [];
  if (estimate && last && reliable(last) && to) {
    projection = projectFromEstimate(estimate, { seed: PROJECTION_SEED, meanSi: si.meanDays, stdSi: si.sdDays }).map(
      (p) => ({ day: addDays(to, p.daysAhead), median: p.median, lower: p.lower, upper: p.upper }),
    );
  } else notes.push(estimateNotes.noProjection);
  return { rt, projection, notes };
}
