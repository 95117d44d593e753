import { z } from 'zod';
import { normaliseVietnamesePhone } from '../rules/identity-documents.ts';
import { localityCode, pageQuery, queryFlag } from './common.ts';

/** Reporting units (issue 16): who reports, for which area, to whom. */

export const unitKinds = [
  'people_committee',
  'department',
  'agency',
  'armed_force',
  'mass_organisation',
  'district',
  'commune',
] as const;
export type UnitKindValue = (typeof unitKinds)[number];

export const unitRef = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

export const unitOfficerView = z.object({
  userId: z.string().uuid(),
  fullName: z.string(),
  phone: z.string().nullable(),
});

export const unitView = z.object({
  id: z.string().uuid(),
  code: z.string(),
  /** In the reader's language. */
  name: z.string(),
  kind: z.enum(unitKinds),
  localityCode: z.string(),
  supervisor: unitRef.nullable(),
  officers: z.array(unitOfficerView),
  /** Both names, for the configuration page. */
  names: z.object({ vi: z.string(), en: z.string() }),
  /** The office's own phone (+84…) and e-mail, beside the officers' phones. */
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  /** Sent back as `baseVersion` with an edit. */
  version: z.number().int(),
});
export type UnitView = z.infer<typeof unitView>;

export const listUnitsQuery = pageQuery.extend({
  /** Units whose area lies within this locality (the province for its departments). */
  locality: localityCode.optional(),
  kind: z.enum(unitKinds).optional(),
  /** Inactive units too (the configuration page lists them to reactivate them). */
  inactive: queryFlag.optional(),
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuery>;

export const myUnitsView = z.object({
  /** Units the caller is a reporting officer of. */
  reportsFor: z.array(unitView),
  /** Units whose reports the caller reviews (officer of their supervisor unit, or above it). */
  reviews: z.array(unitRef),
});
export type MyUnitsView = z.infer<typeof myUnitsView>;

const unitName = z
  .string()
  .trim()
  .min(2, 'Tên đơn vị: ít nhất 2 ký tự / unit name: at least 2 characters')
  .max(200, 'Tên đơn vị: tối đa 200 ký tự / unit name: at most 200 characters');

/** An edit of a unit by the province: every field, as the page shows it; `baseVersion` as read. */
export const updateUnitRequest = z.object({
  baseVersion: z.number().int().min(1),
  name: unitName,
  nameEn: unitName,
  kind: z.enum(unitKinds),
  /** The unit it reports to; null for the top of the province (its People's Committee). */
  supervisorUnitId: z.string().uuid().nullable(),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .refine(
      (v) => v === '' || normaliseVietnamesePhone(v) !== null,
      'Số điện thoại di động không hợp lệ / not a valid Vietnamese mobile number',
    )
    .nullable(),
  contactEmail: z
    .union([
      z.literal(''),
      z.string().trim().max(254).email('Địa chỉ e-mail không hợp lệ / not a valid e-mail address'),
    ])
    .nullable(),
  active: z.boolean(),
});
export type UpdateUnitRequest = z.infer<typeof updateUnitRequest>;
