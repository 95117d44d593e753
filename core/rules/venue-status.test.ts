import { describe, expect, it } from 'vitest';
import {
  allowedVenueDecisions,
  decisionNeedsNote,
  nextVenueStatus,
  venueDecisions,
  venueStatuses,
} from './venue-status.ts';

describe('venue status', () => {
  it('allows exactly pending→approved/rejected, approved→suspended, suspended→approved', () => {
    const allowed: string[] = [];
    for (const s of venueStatuses)
      for (const d of venueDecisions) {
        const next = nextVenueStatus(s, d);
        if (next) allowed.push(`${s} -${d}-> ${next}`);
      }
    expect(allowed.sort()).toEqual([
      'approved -suspend-> suspended',
      'pending -approve-> approved',
      'pending -reject-> rejected',
      'suspended -approve-> approved',
    ]);
  });

  it('lists the decisions open per status and a rejection is final', () => {
    expect(allowedVenueDecisions('pending')).toEqual(['approve', 'reject']);
    expect(allowedVenueDecisions('rejected')).toEqual([]);
  });

  it('asks for a note when refusing or suspending', () => {
    expect(venueDecisions.filter(decisionNeedsNote)).toEqual(['reject', 'suspend']);
  });
});
