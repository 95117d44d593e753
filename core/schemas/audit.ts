import { z } from 'zod';
import { pageQuery } from './common.ts';

export const auditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  localityCode: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const listAuditQuery = pageQuery.extend({
  actorId: z.string().uuid().optional(),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
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
