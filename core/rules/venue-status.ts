/**
 * Life cycle of a registered venue (DOMAIN §6): an official approves or rejects a new
 * registration; an approved venue can be suspended and reinstated. Rejected is final — the
 * organisation registers again. Only an approved venue shows its QR and accepts check-ins.
 */
export const venueStatuses = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type VenueStatus = (typeof venueStatuses)[number];

export const venueDecisions = ['approve', 'reject', 'suspend'] as const;
export type VenueDecision = (typeof venueDecisions)[number];

const transitions: Record<VenueStatus, Partial<Record<VenueDecision, VenueStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected' },
  approved: { suspend: 'suspended' },
  suspended: { approve: 'approved' },
  rejected: {},
};

/** The status a decision leads to, or null when the decision is not allowed from `current`. */
export function nextVenueStatus(current: VenueStatus, decision: VenueDecision): VenueStatus | null {
  return transitions[current][decision] ?? null;
}

/** Decisions open on a venue in `current` status (what the client offers as buttons). */
export function allowedVenueDecisions(current: VenueStatus): VenueDecision[] {
  return venueDecisions.filter((d) => nextVenueStatus(current, d) !== null);
}

/** Refusing or suspending a venue must say why: the organisation reads the note. */
export function decisionNeedsNote(decision: VenueDecision): boolean {
  return decision === 'reject' || decision === 'suspend';
}
