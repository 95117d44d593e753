/** Pure rules of border and entry control (issue 19). */

/**
 * A driver's test certificate is expired when it is missing or its validity ends before the
 * moment they present themselves: they are flagged before being let through.
 */
export function testCertificateExpired(validUntil: Date | null, at: Date): boolean {
  return validUntil === null || validUntil.getTime() < at.getTime();
}

/** How long ago a trail was last patrolled, in the two windows the map shows. */
export function patrolWindows(lastEndedAt: Date | null, now: Date): { within24h: boolean; within72h: boolean } {
  if (lastEndedAt === null) return { within24h: false, within72h: false };
  const hours = (now.getTime() - lastEndedAt.getTime()) / 3_600_000;
  return { within24h: hours <= 24, within72h: hours <= 72 };
}

/** "mốc 403–404": the stretch of border between two markers, as people say it. */
export function markerStretch(from: string | null, to: string | null): string | null {
  if (from === null) return null;
  return to === null || to === from ? `${from}` : `${from}–${to}`;
}

/** A date of birth (YYYY-MM-DD) on or before today (YYYY-MM-DD). */
export function bornBy(birthDate: string, today: string): boolean {
  return birthDate <= today;
}
