import { z } from 'zod';
import { organisationTypes, riskGroups } from './assessment-template.ts';
import { localityCode, pageQuery, queryFlag } from './common.ts';
import { organisationType } from './organisations.ts';

/**
 * The safety map of organisations (issue 15): officials see an area's approved organisations by
 * group, counted per commune (organisations carry no coordinates of their own, so a commune is the
 * cluster and its centroid the marker); the public list shows organisations that chose to publish a
 * valid low-risk status, never a person.
 */

export const organisationMapQuery = z.object({
  locality: localityCode.optional(),
  type: organisationType.optional(),
  /** The sector as registered (case and accents as written). */
  sector: z.string().trim().min(1).max(100).optional(),
  group: z.enum([...riskGroups, 'none']).optional(),
  overdue: queryFlag.optional(),
});
export type OrganisationMapQuery = z.infer<typeof organisationMapQuery>;

const groupCounts = z.object({
  very_low: z.number().int(),
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  very_high: z.number().int(),
  none: z.number().int(),
});
export type GroupCounts = z.infer<typeof groupCounts>;

export const organisationMapCommune = z.object({
  code: z.string(),
  name: z.string(),
  /** The commune's centroid; null when the boundaries loaded gave none. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  total: z.number().int(),
  byGroup: groupCounts,
  overdue: z.number().int(),
  /** Latest self-assessment says the organisation may not operate (1203's component rule, ≥ 80%…). */
  mayNotOperate: z.number().int(),
});
export type OrganisationMapCommune = z.infer<typeof organisationMapCommune>;

export const organisationMapView = z.object({
  communes: z.array(organisationMapCommune),
  totals: z.object({
    total: z.number().int(),
    byGroup: groupCounts,
    overdue: z.number().int(),
    mayNotOperate: z.number().int(),
  }),
});
export type OrganisationMapView = z.infer<typeof organisationMapView>;

export const publicationRequest = z.object({
  /** Show the organisation's valid low-risk status on the public list ("cơ sở an toàn"). */
  publish: z.boolean({ error: 'Chọn có công khai hay không / say whether to publish' }),
});
export type PublicationRequest = z.infer<typeof publicationRequest>;

export const safeOrganisationsQuery = pageQuery.extend({
  province: localityCode,
  commune: localityCode.optional(),
  type: z.enum(organisationTypes).optional(),
});
export type SafeOrganisationsQuery = z.infer<typeof safeOrganisationsQuery>;

/** What the public sees of a safe organisation: the place and the status, nobody's name or phone. */
export const safeOrganisationView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  type: organisationType,
  addressLine: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  group: z.enum(['very_low', 'low']),
  assessedOn: z.string(),
  validUntil: z.string(),
});
export type SafeOrganisationView = z.infer<typeof safeOrganisationView>;
