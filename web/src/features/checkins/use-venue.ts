import { useEffect, useState } from 'react';
import type { VenueView } from '../../../../core/schemas/venues.ts';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { api, errorMessage } from '../../ui/api.ts';

/** One venue (GET /api/venues/:id) for the gate and entries pages' headings and checks. */
export function useVenue(venueId: string): { venue: VenueView | null; error: string | null } {
  const [venue, setVenue] = useState<VenueView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setVenue(null);
    setError(null);
    api(venuesContract.getVenuesById, { params: { id: venueId } })
      .then((v) => live && setVenue(v))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [venueId]);
  return { venue, error };
}
