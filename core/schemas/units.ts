import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';

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
});
export type UnitView = z.infer<typeof unitView>;

export const listUnitsQuery = pageQuery.extend({
  /** Units whose area lies within this locality (the province for its departments). */
  locality: localityCode.optional(),
  kind: z.enum(unitKinds).optional(),
});
export type ListUnitsQuery = z.infer<typeof listUnitsQuery>;

export const myUnitsView = z.object({
  /** Units the caller is a reporting officer of. */
  reportsFor: z.array(unitView),
  /** Units whose reports the caller reviews (officer of their supervisor unit, or above it). */
  reviews: z.array(unitRef),
});
export type MyUnitsView = z.infer<typeof myUnitsView>;
