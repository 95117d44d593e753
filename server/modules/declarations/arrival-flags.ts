/**
 * Why an arrival needs follow-up by the destination commune: it comes from abroad, from a
 * locality at risk level 3 or 4 (Resolution 128 "high"/"very high"), or from inside an epidemic zone.
 */
export type ArrivalFlag = 'international' | 'high_risk_origin' | 'epidemic_zone' | 'border_checkpoint';

export function arrivalFlags(
  originKind: string,
  originRisk: { level: number | null; in_epidemic_zone: boolean }[],
): ArrivalFlag[] {
  const flags: ArrivalFlag[] = [];
  if (originKind === 'country') flags.push('international');
  if (originRisk.some((r) => (r.level ?? 0) >= 3)) flags.push('high_risk_origin');
  if (originRisk.some((r) => r.in_epidemic_zone)) flags.push('epidemic_zone');
  return flags;
}
