import type { AuditAlertView, AuditEventView } from '../../../core/schemas/audit.ts';
import type { AuditEventRow } from '../../db/schema.ts';
import type { AlertRow } from './audit-alerts.repository.ts';

export function toAuditView(r: AuditEventRow): AuditEventView {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    localityCode: r.locality_code,
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
