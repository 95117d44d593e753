import { z } from 'zod';
import { riskRuleSet } from './risk-rule-set.ts';

/** Issue 6: rule sets as versioned data, epidemic zones, and imported vaccination coverage. */
const date = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD) / Invalid date (YYYY-MM-DD)');
const communeCode = z.string().regex(/^\d{5}$/, 'Mã xã/phường gồm 5 chữ số / A commune code has 5 digits');
const bilingual = z.object({ vi: z.string(), en: z.string() });
const clientKey = z.string().uuid('Khóa gửi không hợp lệ / Invalid submission key');

export const ruleSetSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  name: bilingual,
  /** The rule set the map, the public page and the level jobs use. */
  active: z.boolean(),
  /** True while the rule set is the shipped preset, unedited. */
  preset: z.boolean(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type RuleSetSummary = z.infer<typeof ruleSetSummary>;
export const ruleSetList = z.object({ items: z.array(ruleSetSummary) });

export const ruleSetDetail = ruleSetSummary.extend({
  definition: riskRuleSet,
  versions: z.array(
    z.object({ version: z.number().int(), updatedAt: z.string(), updatedByName: z.string().nullable() }),
  ),
});
export type RuleSetDetail = z.infer<typeof ruleSetDetail>;
/** PUT body: the whole definition; the server sets the version (previous + 1). */
export const saveRuleSetRequest = z.object({ definition: riskRuleSet });

export const zoneKinds = ['khoanh_vung', 'phong_toa'] as const;
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const zonePolygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z
    .array(z.array(position).min(4, 'Vùng vẽ cần ít nhất 3 đỉnh / A drawn area needs at least 3 corners').max(5000))
    .min(1)
    .max(20),
});
export type ZonePolygon = z.infer<typeof zonePolygon>;

export const createZoneRequest = z
  .object({
    name: z.string().trim().min(3, 'Tên vùng: ít nhất 3 ký tự / Zone name: at least 3 characters').max(200),
    kind: z.enum(zoneKinds, 'Loại vùng phải là khoanh vùng hoặc phong tỏa / The kind must be khoanh_vung or phong_toa'),
    /** The province of a drawn area; absent: the province of the communes, or of the official. */
    province: z
      .string()
      .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits')
      .optional(),
    /** Either communes… */
    communeCodes: z.array(communeCode).max(500).optional(),
    /** …or a drawn polygon (WGS 84); the communes whose centre lies inside are covered. */
    polygon: zonePolygon.optional(),
    startsAt: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' }),
    endsAt: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' }).optional(),
    measures: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
    decisionRef: z.string().trim().max(200).optional(),
    clientKey,
  })
  .refine((z0) => (z0.communeCodes?.length ?? 0) > 0 || z0.polygon !== undefined, {
    path: ['communeCodes'],
    message: 'Chọn các xã hoặc vẽ một vùng / Choose communes or draw an area',
  })
  .refine((z0) => z0.endsAt === undefined || z0.endsAt > z0.startsAt, {
    path: ['endsAt'],
    message: 'Kết thúc phải sau bắt đầu / The end must be after the start',
  });
export type CreateZoneRequest = z.infer<typeof createZoneRequest>;

export const zoneView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(zoneKinds),
  provinceCode: z.string(),
  communeCodes: z.array(z.string()),
  polygon: zonePolygon.nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  /** Sum of the covered communes' population (a drawn area counts whole communes whose centre is inside). */
  populationCovered: z.number().int().nullable(),
  measures: z.array(z.string()),
  decisionRef: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ZoneView = z.infer<typeof zoneView>;
export const zoneListQuery = z.object({
  province: z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits'),
  commune: communeCode.optional(),
  state: z.enum(['active', 'all']).default('active'),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const endZoneRequest = z.object({
  endsAt: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ / Invalid date and time' }).optional(),
});

/** Vaccination coverage is an input from the immunisation programme: percentages per commune and date. */
const pct = z
  .number('Tỷ lệ phải là số / A coverage must be a number')
  .min(0, 'Tỷ lệ từ 0 đến 100 / A coverage is 0–100')
  .max(100, 'Tỷ lệ từ 0 đến 100 / A coverage is 0–100');
export const vaccinationRow = z.object({
  commune: communeCode,
  asOf: date,
  adults1Dose: pct.optional(),
  adultsFull: pct.optional(),
  highRisk: pct.optional(),
});
export type VaccinationRow = z.infer<typeof vaccinationRow>;
export const vaccinationImportRequest = z.object({
  rows: z.array(vaccinationRow).min(1, 'Tệp không có dòng nào / The file has no rows').max(50_000),
});
export const vaccinationImportView = z.object({ imported: z.number().int(), replaced: z.number().int() });
