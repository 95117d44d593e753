import { allowedVenueDecisions } from '../../../core/rules/venue-status.ts';
import type { VenueType, VenueView } from '../../../core/schemas/venues.ts';
import type { VenueRecord } from './venues.repository.ts';

export function toVenueView(v: VenueRecord): VenueView {
  return {
    id: v.id,
    publicCode: v.public_code,
    organisationName: v.organisation_name,
    name: v.name,
    type: v.venue_type as VenueType,
    addressLine: v.address_line,
    communeCode: v.commune_code,
    communeName: v.commune_full_name,
    provinceName: v.province_full_name,
    capacity: v.capacity,
    contactPhone: v.contact_phone,
    contactPhoneVerifiedAt: v.contact_phone_verified_at?.toISOString() ?? null,
    gatePolicy: v.gate_policy,
    status: v.status,
    allowedDecisions: allowedVenueDecisions(v.status),
    ownerUserId: v.owner_user_id,
    decidedByName: v.decided_by_name,
    decidedAt: v.decided_at?.toISOString() ?? null,
    decisionNote: v.decision_note,
    createdAt: v.created_at.toISOString(),
    updatedAt: v.updated_at.toISOString(),
  };
}
