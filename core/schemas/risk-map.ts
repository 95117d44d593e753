import { z } from 'zod';

/**
 * Issue 6, second part: the map of levels, the public page, the dashboard (epidemic curve, Rt,
 * projection). Aggregates only: no view here ever carries a person.
 */
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits');
const bilingual = z.object({ vi: z.string(), en: z.string() });

/** The legend of a rule set: its levels, lowest first. */
export const levelLegend = z.array(
  z.object({ key: z.string(), number: z.number().int(), colour: z.string(), name: bilingual }),
);
export type LevelLegend = z.infer<typeof levelLegend>;

/** `province`: a province, or VN for the whole country (the national view of a federated installation). */
export const riskMapQuery = z.object({
  province: z
    .string()
    .regex(
      /^(VN|\d{2})$/,
      'Mã tỉnh gồm 2 chữ số, hoặc VN cho cả nước / A 2-digit province code, or VN for the whole country',
    ),
  date: date.optional(),
  ruleSet: z.string().max(64).optional(),
});
export type RiskMapQuery = z.infer<typeof riskMapQuery>;

const caseCounts = {
  cases7d: z.number().int(),
  cases14d: z.number().int(),
  /** Community cases per 100,000 over 7 days (C1); null without a population. */
  per100k7d: z.number().nullable(),
};

export const communeOnMap = z.object({
  code: z.string(),
  name: z.string(),
  /** What the rules give on that day. */
  computedLevel: z.string(),
  /** The steering committee's decision in force on that day, if any. */
  decidedLevel: z.string().nullable(),
  /** decidedLevel ?? computedLevel: the colour on the map. */
  level: z.string(),
  inZone: z.boolean(),
  ...caseCounts,
});
export type CommuneOnMap = z.infer<typeof communeOnMap>;

export const riskMapView = z.object({
  date: z.string(),
  ruleSet: z.object({ code: z.string(), version: z.number().int(), name: bilingual, levels: levelLegend }),
  province: z.object({
    code: z.string(),
    name: z.string(),
    /** The province's level from its communes under the aggregation rules. */
    computedLevel: z.string(),
    decidedLevel: z.string().nullable(),
    level: z.string(),
    ...caseCounts,
    peopleInQuarantine: z.number().int(),
    bedOccupancy: z.number().nullable(),
  }),
  /** Communes per effective level key. */
  levelCounts: z.record(z.string(), z.number().int()),
  communes: z.array(communeOnMap),
});
export type RiskMapView = z.infer<typeof riskMapView>;

/** The public page: the same map without decisions' authors, zones' details or anything personal. */
export const publicRiskMapQuery = z.object({ province: provinceCode });
export const publicRiskMapView = z.object({
  date: z.string(),
  updatedAt: z.string(),
  ruleSet: z.object({ name: bilingual, levels: levelLegend }),
  province: z.object({
    code: z.string(),
    name: z.string(),
    level: z.string(),
    cases7d: z.number().int(),
    cases14d: z.number().int(),
  }),
  levelCounts: z.record(z.string(), z.number().int()),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.string(),
      inZone: z.boolean(),
      cases7d: z.number().int(),
      cases14d: z.number().int(),
    }),
  ),
  zones: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['khoanh_vung', 'phong_toa']),
      communeCodes: z.array(z.string()),
      startsAt: z.string(),
      endsAt: z.string().nullable(),
      measures: z.array(z.string()),
    }),
  ),
  /** Levels decided but not yet in force (a raise waits out its notice), soonest first. */
  announced: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), effectiveFrom: z.string() })),
});
export type PublicRiskMapView = z.infer<typeof publicRiskMapView>;

/** Dashboard of a province or of selected communes. */
export const dashboardQuery = z.object({
  province: provinceCode,
  /** Comma-separated commune codes; absent: the whole province. */
  communes: z
    .string()
    .regex(
      /^\d{5}(,\d{5}){0,49}$/,
      'Danh sách mã xã cách nhau bởi dấu phẩy (tối đa 50) / Comma-separated commune codes (at most 50)',
    )
    .optional(),
  by: z.enum(['onset', 'confirmed']).default('confirmed'),
  from: date.optional(),
  to: date.optional(),
  ruleSet: z.string().max(64).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const band = { mean: z.number(), lower: z.number(), upper: z.number() };
export const dashboardView = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(['onset', 'confirmed']),
  /** Cases without an onset date are counted by confirmation date when `by` is onset; this says how many. */
  onsetImputed: z.number().int(),
  epicurve: z.array(
    z.object({
      day: z.string(),
      community: z.number().int(),
      inQuarantine: z.number().int(),
      imported: z.number().int(),
    }),
  ),
  serialInterval: z.object({ meanDays: z.number(), sdDays: z.number(), profileCode: z.string() }),
  /** Cori et al. 2013 over sliding 7-day windows, local cases infected by local + imported; 95% credible interval. */
  rt: z.array(z.object({ day: z.string(), ...band, median: z.number() })),
  /** 14 days of local cases from the renewal equation (past local + imported cases infect; no future imports) driven by the last window's Rt posterior; 95% prediction interval. */
  projection: z.array(z.object({ day: z.string(), median: z.number(), lower: z.number(), upper: z.number() })),
  /** Communes per computed level each day (the province overview over time), and the province's computed level. */
  levelTrend: z.array(z.object({ day: z.string(), counts: z.record(z.string(), z.number().int()), level: z.string() })),
  /** Why Rt or the projection is empty (too few cases), if it is. */
  notes: z.array(bilingual),
});
export type DashboardView = z.infer<typeof dashboardView>;
