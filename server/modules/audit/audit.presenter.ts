import type { Locale } from '../../../core/errors.ts';
import type { AuditAlertView, AuditEventView } from '../../../core/schemas/audit.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { AlertRow } from './audit-alerts.repository.ts';

/** An account as the audit view names it. */
export interface AccountName {
  fullName: string;
  role: string;
}

type EventRow = AuditEventRow & { locality_name: string | null; locality_name_en: string | null };

export function toAuditView(r: EventRow, accounts: ReadonlyMap<string, AccountName>, locale: Locale): AuditEventView {
  const account = r.actor_id ? accounts.get(r.actor_id) : undefined;
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorFullName: account?.fullName ?? null,
    actorRole: r.actor_role ?? account?.role ?? null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    localityCode: r.locality_code,
    localityName: (locale === 'vi' ? r.locality_name : r.locality_name_en) ?? r.locality_name,
    before: r.before ?? null,
    after: r.after ?? null,
    ip: r.ip,
  };
}

export function toAlertView(r: AlertRow): AuditAlertView {
  return {
    id: `${r.source === 'e' ? 'export' : 'volume'}:${r.id}`,
    kind: r.kind,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    entityType: r.entity_type,
    people: Number(r.people),
    threshold: r.threshold,
    baseline: r.baseline === null ? null : Number(r.baseline),
    windowStart: r.window_start?.toISOString() ?? null,
    windowEnd: r.window_end?.toISOString() ?? null,
  };
}
