import { z } from 'zod';
import { localityLevels } from '../roles.ts';
import { localityCode, pageQuery } from './common.ts';

export const localityView = z.object({
  code: z.string(),
  level: z.enum(localityLevels),
  parentCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string(),
  type: z.string(),
  areaKm2: z.number().nullable(),
  population: z.number().int().nullable(),
  populationIsDemo: z.boolean(),
  status: z.enum(['active', 'merged']),
  mergedIntoCode: z.string().nullable(),
});
export type LocalityView = z.infer<typeof localityView>;

export const listLocalitiesQuery = pageQuery.extend({
  /** Children of this locality; defaults to the caller's scope root. */
  parent: localityCode.optional(),
  q: z.string().trim().max(100).optional(),
  includeMerged: z.coerce.boolean().default(false),
});
export type ListLocalitiesQuery = z.infer<typeof listLocalitiesQuery>;

export const renameLocalityRequest = z.object({
  name: z.string().trim().min(1).max(120),
  fullName: z.string().trim().min(1).max(160),
  reason: z.string().trim().min(3).max(500),
});

export const mergeLocalitiesRequest = z.object({
  /** The unit that closes; its code is never reused. */
  sourceCode: localityCode,
  /** The unit that stays (where the merged People's Committee sits) and keeps its code. */
  targetCode: localityCode,
  effectiveDate: z.iso.date(),
  reason: z.string().trim().min(3).max(500),
});
export type MergeLocalitiesRequest = z.infer<typeof mergeLocalitiesRequest>;

export const localityEventView = z.object({
  id: z.string(),
  kind: z.enum(['created', 'renamed', 'merged_into', 'absorbed', 'population_set']),
  localityCode: z.string(),
  otherCode: z.string().nullable(),
  effectiveDate: z.string(),
  details: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type LocalityEventView = z.infer<typeof localityEventView>;

export const populationImportResult = z.object({ updated: z.number().int(), year: z.number().int() });

export const publicLocalitiesQuery = z.object({ parent: localityCode.optional() });
export const publicLocality = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(localityLevels),
  /** The unit's kind (tinh, phuong, xa…): English names its level with it (core's `placeName`). */
  type: z.string(),
});
export type PublicLocality = z.infer<typeof publicLocality>;

/** A province or commune of the national list (34 provinces, 3,321 communes), loaded here or not. */
export const nationalPlace = z.object({ code: z.string(), name: z.string(), fullName: z.string() });
export type NationalPlace = z.infer<typeof nationalPlace>;
export const provinceCode = z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số / A province code has 2 digits');
