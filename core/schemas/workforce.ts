import { z } from 'zod';
import { pageQuery } from './common.ts';

/**
 * "No declaration, no work" (issue 15): an organisation's workforce roster, the gate of its sites
 * (venues) and the daily compliance figures of the organisation and its commune.
 */

export const workRoles = ['service_contact', 'high_risk', 'other'] as const;
export type WorkRoleCode = (typeof workRoles)[number];

export const rosterWorkerView = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  department: z.string(),
  shift: z.string(),
  onSite: z.boolean(),
  role: z.enum(workRoles),
});
export type RosterWorkerView = z.infer<typeof rosterWorkerView>;

export const listRosterQuery = pageQuery.extend({
  department: z.string().trim().max(100).optional(),
  /** Part of the name (accents ignored), or the ID document number. */
  q: z.string().trim().max(100).optional(),
});
export type ListRosterQuery = z.infer<typeof listRosterQuery>;

export const rosterImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type RosterImportResult = z.infer<typeof rosterImportResult>;

// --- sites and gate -------------------------------------------------------------------------

export const siteView = z.object({
  venueId: z.string().uuid(),
  name: z.string(),
  addressLine: z.string(),
  status: z.string(),
});
export type SiteView = z.infer<typeof siteView>;
export const linkSiteRequest = z.object({ venueId: z.string().uuid() });

export const gateModes = ['qr', 'list', 'cccd'] as const;
export type GateMode = (typeof gateModes)[number];

const gateBase = {
  /** One per arrival at the gate: a resend (a flaky connection) answers the first check. */
  clientKey: z.string().uuid('Mã gửi không hợp lệ / invalid client key'),
  venueId: z.string().uuid(),
};
/** The three ways a worker is checked: their personal QR (the venue gate's mode 2), picked from the roster, or their CCCD card's QR. */
export const gateCheckRequest = z.discriminatedUnion('mode', [
  z.object({ ...gateBase, mode: z.literal('qr'), qrToken: z.string().min(1).max(500) }),
  z.object({ ...gateBase, mode: z.literal('list'), rosterWorkerId: z.string().uuid() }),
  z.object({ ...gateBase, mode: z.literal('cccd'), cardText: z.string().min(1).max(500) }),
]);
export type GateCheckRequest = z.infer<typeof gateCheckRequest>;

export const gateCheckResult = z.object({
  eventId: z.string().uuid(),
  allowed: z.boolean(),
  /** The health status reasons (no_valid_declaration, symptoms, contact…), or invalid_qr. */
  reasons: z.array(z.string()),
  validDeclaration: z.boolean(),
  /** The roster worker checked; null for someone not on the roster (decided all the same). */
  worker: z.object({ id: z.string().uuid(), fullName: z.string(), department: z.string() }).nullable(),
  /** The masked name of the person record, when one was found. */
  displayName: z.string().nullable(),
  at: z.string(),
});
export type GateCheckResult = z.infer<typeof gateCheckResult>;

// --- compliance -----------------------------------------------------------------------------

export const complianceFigures = z.object({
  /** Roster workers on site (not remote). */
  expected: z.number().int(),
  /** Roster workers who came to the gate. */
  arrived: z.number().int(),
  /** … and were let in with a valid health declaration. */
  arrivedValid: z.number().int(),
  /** … and were refused every time they came that day. */
  refused: z.number().int(),
  /** On-site workers who did not come to the gate. */
  missing: z.number().int(),
});
export type ComplianceFigures = z.infer<typeof complianceFigures>;

const isoDay = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'Ngày dạng YYYY-MM-DD / a day as YYYY-MM-DD');

export const organisationComplianceQuery = z.object({
  /** Viet Nam day; today when omitted. */
  day: isoDay.optional(),
  /** How many days the trend covers, ending on `day`. */
  days: z.coerce.number().int().min(1).max(31).default(7),
});
export const organisationCompliance = z.object({
  day: z.string(),
  totals: complianceFigures,
  departments: z.array(complianceFigures.extend({ department: z.string() })),
  trend: z.array(complianceFigures.extend({ day: z.string() })),
});
export type OrganisationCompliance = z.infer<typeof organisationCompliance>;

export const areaComplianceQuery = pageQuery.extend({
  locality: z
    .string()
    .regex(/^(VN|\d{2}|\d{3}|\d{5})$/)
    .optional(),
  day: isoDay.optional(),
});
export type AreaComplianceQuery = z.infer<typeof areaComplianceQuery>;
export const areaComplianceRow = complianceFigures.extend({
  organisationId: z.string().uuid(),
  name: z.string(),
  communeCode: z.string(),
});
export type AreaComplianceRow = z.infer<typeof areaComplianceRow>;
export const areaCompliance = z.object({
  day: z.string(),
  totals: complianceFigures,
  items: z.array(areaComplianceRow),
  nextCursor: z.string().nullable(),
});
export type AreaCompliance = z.infer<typeof areaCompliance>;
