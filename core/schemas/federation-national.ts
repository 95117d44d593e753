import { z } from 'zod';
import { dashboardView } from './risk-map.ts';

/** The national hub's dashboard and weekly report (issue 21), from what the provinces replicated. */
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits');

export const nationalDashboardQuery = z.object({ from: date.optional(), to: date.optional() });
export type NationalDashboardQuery = z.infer<typeof nationalDashboardQuery>;

const band = z.object({ mean: z.number(), lower: z.number(), upper: z.number() });
/** The series and estimates of one area (the country, or a province), as the province dashboard computes them. */
export const areaEstimates = dashboardView.pick({ epicurve: true, rt: true, projection: true, notes: true });
export type AreaEstimates = z.infer<typeof areaEstimates>;

export const nationalDashboardView = areaEstimates.extend({
  from: z.string(),
  to: z.string(),
  serialInterval: dashboardView.shape.serialInterval,
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** The province's last heartbeat replicated here, and how old it is: how fresh its figures are. */
      lastBeatAt: z.string().nullable(),
      beatAgeSeconds: z.number().nullable(),
      streaming: z.boolean(),
      cases7d: z.number().int(),
      cases14d: z.number().int(),
      /** The last reliable Rt window of the province (null: too few cases). */
      rt: band.extend({ day: z.string() }).nullable(),
      /** Local cases projected over the next 14 days, summed (null: no reliable Rt). */
      projected14d: band.omit({ mean: true }).extend({ median: z.number() }).nullable(),
    }),
  ),
});
export type NationalDashboardView = z.infer<typeof nationalDashboardView>;

export const nationalWeeklyReportQuery = z.object({
  /** The last week shown (any day in it); absent: the last week whose reports are due. */
  week: date.optional(),
  weeks: z.coerce.number().int().min(1).max(12).default(4),
  province: provinceCode.optional(),
});
export type NationalWeeklyReportQuery = z.infer<typeof nationalWeeklyReportQuery>;

export const nationalWeeklyReportView = z.object({
  template: z.object({ code: z.string(), name: z.string() }),
  weeks: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), due: z.string() })),
  /** The template's integer figures, in its order. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), section: z.string() })),
  rows: z.array(
    z.object({
      province: z.object({ code: z.string(), name: z.string(), lastBeatAt: z.string().nullable() }),
      week: z.string(),
      expected: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
      /** Reports accepted by the province, whose figures are summed (as the province's consolidated report does). */
      accepted: z.number().int(),
      figures: z.record(z.string(), z.number()),
    }),
  ),
});
export type NationalWeeklyReportView = z.infer<typeof nationalWeeklyReportView>;
