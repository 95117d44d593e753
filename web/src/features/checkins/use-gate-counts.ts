import { useCallback, useEffect, useState } from 'react';

export interface GateCounts {
  allowed: number;
  refused: number;
}

const countsKey = (venueId: string) => `pd.gate.${venueId}`;

function loadCounts(venueId: string): GateCounts {
  try {
    const v = JSON.parse(sessionStorage.getItem(countsKey(venueId)) ?? 'null') as Partial<GateCounts> | null;
    return { allowed: Number(v?.allowed) || 0, refused: Number(v?.refused) || 0 };
  } catch {
    return { allowed: 0, refused: 0 };
  }
}

/** Allowed and refused scans at this venue, kept for the browser tab's session (survive a reload). */
export function useGateCounts(venueId: string) {
  const [counts, setCounts] = useState<GateCounts>(() => loadCounts(venueId));
  useEffect(() => {
    try {
      sessionStorage.setItem(countsKey(venueId), JSON.stringify(counts));
    } catch {
      // not kept across reloads
    }
  }, [venueId, counts]);
  const count = useCallback(
    (allowed: boolean) =>
      setCounts((c) => (allowed ? { ...c, allowed: c.allowed + 1 } : { ...c, refused: c.refused + 1 })),
    [],
  );
  return { counts, count };
}
