import { sensitiveBreachCategories, type BreachDataCategory, type BreachView } from '../../../core/schemas/breaches.ts';
import { breachNumber, deadlineOf } from './breach-notification.ts';
import type { BreachRecord } from './breaches.repository.ts';

export function toBreachView(b: BreachRecord, now: Date): BreachView {
  const deadline = deadlineOf(b);
  const categories = b.data_categories as BreachDataCategory[];
  return {
    id: b.id,
    number: breachNumber(b),
    localityCode: b.locality_code,
    localityName: b.locality_name,
    detectedAt: b.detected_at.toISOString(),
    occurredAt: b.occurred_at?.toISOString() ?? null,
    nature: b.nature,
    dataCategories: categories,
    sensitive: categories.some((c) => sensitiveBreachCategories.includes(c)),
    peopleAffected: b.people_affected,
    recordsAffected: b.records_affected,
    consequences: b.consequences,
    measuresTaken: b.measures_taken,
    measuresProposed: b.measures_proposed,
    contactName: b.contact_name,
    contactTitle: b.contact_title,
    contactPhone: b.contact_phone,
    contactEmail: b.contact_email,
    signerName: b.signer_name,
    lateReason: b.late_reason,
    status: b.status,
    notifiedAt: b.notified_at?.toISOString() ?? null,
    deadline: deadline.toISOString(),
    deadlineMet: b.notified_at ? b.notified_at <= deadline : now > deadline ? false : null,
    createdAt: b.created_at.toISOString(),
    updatedAt: b.updated_at.toISOString(),
  };
}
