import { z } from 'zod';
import { auditActions, auditEntityTypes } from '../audit-vocabulary.ts';
import { localityCode, pageQuery } from './common.ts';

export const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** The account's username as it signed in. */
  actorName: z.string().nullable(),
  /** The account's full name today (null for the system, a citizen, or a removed account). */
  actorFullName: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** A code of `core/audit-vocabulary.ts` (its words: `auditActionLabel`); older events may hold another. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  localityCode: z.string().nullable(),
  /** The name of the locality, in the reader's language. */
  localityName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const listAuditQuery = pageQuery.extend({
  actorId: z.string().uuid().optional(),
  entityType: z.enum(auditEntityTypes, { error: 'Loại đối tượng không hợp lệ / unknown kind of record' }).optional(),
  entityId: z.string().max(100).optional(),
  action: z.enum(auditActions, { error: 'Hành động không hợp lệ / unknown action' }).optional(),
  /** Events of this locality and below it. */
  locality: localityCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

/** One access to a person's data, as the person sees it: when, which agency, what kind of access. */
export const personAccessView = z.object({
  at: z.string(),
  /** "Sở Y tế / Trung tâm Kiểm soát bệnh tật — Lai Châu"; "Hệ thống" for automatic processing. */
  agency: z.string(),
  kind: z.enum(['read', 'list', 'export', 'change']),
  /** What was accessed (case, contact, quarantine stay, declaration…), in the reader's language. */
  record: z.string(),
});
export type PersonAccessView = z.infer<typeof personAccessView>;

/**
 * What the audit view raises to an administrator: every export (with the number of people it named)
 * and accounts that read unusually many people (in an hour, a day, or far above their own average).
 */
export const auditAlertKinds = ['export', 'people_per_hour', 'people_per_day', 'above_baseline'] as const;
export type AuditAlertKind = (typeof auditAlertKinds)[number];

export const auditAlertView = z.object({
  /** `export:<event id>` or `volume:<alert id>`. */
  id: z.string(),
  kind: z.enum(auditAlertKinds),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** What was exported (cases, contacts…); null for a volume alert. */
  entityType: z.string().nullable(),
  /** People named: by the export, or read by the account in the window. */
  people: z.number().int(),
  /** The limit crossed (volume alerts). */
  threshold: z.number().int().nullable(),
  /** The account's own average per day over the 30 days before (above_baseline). */
  baseline: z.number().nullable(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
});
export type AuditAlertView = z.infer<typeof auditAlertView>;

export const listAuditAlertsQuery = pageQuery.extend({
  kind: z.enum(auditAlertKinds).optional(),
  actorId: z.string().uuid().optional(),
  locality: localityCode.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditAlertsQuery = z.infer<typeof listAuditAlertsQuery>;

/** An account the audit log can be filtered by, found by name. */
export const auditActorView = z.object({
  id: z.string(),
  fullName: z.string(),
  username: z.string(),
  role: z.string(),
  localityName: z.string(),
});
export type AuditActorView = z.infer<typeof auditActorView>;

export const listAuditActorsQuery = pageQuery.extend({
  /** Part of the name or username; diacritics and case do not matter. */
  q: z.string().trim().max(100).optional(),
});
export type ListAuditActorsQuery = z.infer<typeof listAuditActorsQuery>;
