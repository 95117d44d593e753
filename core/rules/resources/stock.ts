/** Pure rules of the stock ledger (issue 18): expiry warnings, days of cover, minimum stock. */

/** Lots expiring within this many days are warned and reported apart. */
export const EXPIRY_WARNING_DAYS = 30;
/** Consumption per day is the issues of this many past days divided by it. */
export const CONSUMPTION_WINDOW_DAYS = 14;

export const movementKinds = ['receipt', 'issue', 'transfer_out', 'transfer_in', 'adjustment'] as const;
export type MovementKind = (typeof movementKinds)[number];

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day (inclusive) whose expiry counts as "expiring soon" on `today`. */
export function expiryWarningLimit(today: string): string {
  return addDays(today, EXPIRY_WARNING_DAYS);
}

export type LotStanding = 'expired' | 'expiring' | 'good';

/** A lot expiring on `expiresOn` is expired from that day on, and expiring within the warning window. */
export function lotStanding(expiresOn: string | null, today: string): LotStanding {
  if (expiresOn === null) return 'good';
  if (expiresOn <= today) return 'expired';
  return expiresOn <= expiryWarningLimit(today) ? 'expiring' : 'good';
}

/** Days the quantity lasts at the recent consumption; null when nothing was consumed (no end in sight). */
export function daysOfCover(quantity: number, issuedInWindow: number): number | null {
  if (issuedInWindow <= 0) return null;
  const perDay = issuedInWindow / CONSUMPTION_WINDOW_DAYS;
  return Math.floor(quantity / perDay);
}

/** Below the minimum the unit must keep at its level: an alert. No minimum set: never below. */
export function belowMinimum(quantity: number, minimum: number | null): boolean {
  return minimum !== null && quantity < minimum;
}

/**
 * First expiring, first out: which lots an issue of `quantity` takes from, in order of expiry (lots
 * without expiry last). Null when the lots together hold less than asked.
 */
export function allocateFefo<L extends { lot: string; expiresOn: string | null; quantity: number }>(
  lots: readonly L[],
  quantity: number,
): { lot: L; take: number }[] | null {
  const ordered = [...lots].sort((a, b) => {
    if (a.expiresOn === b.expiresOn) return a.lot.localeCompare(b.lot);
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn.localeCompare(b.expiresOn);
  });
  const takes: { lot: L; take: number }[] = [];
  let left = quantity;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.quantity);
    if (take > 0) takes.push({ lot, take });
    left -= take;
  }
  return left === 0 ? takes : null;
}
