/**
 * The colour of a personal QR (PC-Covid practice): red for a case or a person under quarantine
 * order, yellow for contacts, people under monitoring and declared symptoms or exposures, green for
 * a valid declaration with no flag, none when there is no valid declaration at all. A record whose
 * identity officials have not confirmed (a citizen declared with a document already on file from
 * another phone) is never green: it is grey like "no valid declaration", with its own reason, so
 * that a contact cannot turn green by declaring again from a new phone.
 */
export type StatusColour = 'green' | 'yellow' | 'red' | 'none';
export type StatusReason =
  | 'no_valid_declaration'
  | 'symptoms'
  | 'exposure'
  | 'contact'
  | 'monitoring'
  | 'case'
  | 'quarantine'
  | 'awaiting_verification'
  | 'not_verified';

export type IdentityState = 'registered' | 'awaiting_verification' | 'not_verified';

export interface StatusInputs {
  now: Date;
  latestDeclaration: { validUntil: Date; hasSymptoms: boolean; hasExposure: boolean } | null;
  /** 0 for a confirmed case (F0), 1 for F1, 2 for F2…; null when not traced. */
  fLevel: number | null;
  underQuarantine: boolean;
  underMonitoring: boolean;
  /** Whether officials confirmed who this record is; `registered` when omitted. */
  identity?: IdentityState;
}

export interface HealthStatus {
  colour: StatusColour;
  reasons: StatusReason[];
}

export function healthStatus(i: StatusInputs): HealthStatus {
  const reasons: StatusReason[] = [];
  if (i.fLevel === 0) reasons.push('case');
  if (i.underQuarantine) reasons.push('quarantine');
  if (reasons.length) return { colour: 'red', reasons };

  if (i.fLevel !== null && i.fLevel > 0) reasons.push('contact');
  if (i.underMonitoring) reasons.push('monitoring');
  const valid = i.latestDeclaration && i.latestDeclaration.validUntil > i.now ? i.latestDeclaration : null;
  if (valid?.hasSymptoms) reasons.push('symptoms');
  if (valid?.hasExposure) reasons.push('exposure');
  if (reasons.length) return { colour: 'yellow', reasons };
  if (i.identity && i.identity !== 'registered') return { colour: 'none', reasons: [i.identity] };
  if (!valid) return { colour: 'none', reasons: ['no_valid_declaration'] };
  return { colour: 'green', reasons: [] };
}

export type GatePolicy = 'open' | 'require_declaration';

/**
 * Gate check at a venue: red and yellow never enter; a person without a valid declaration enters
 * only where the venue does not require one ("no one without a health declaration comes to work").
 */
export function gateDecision(status: HealthStatus, policy: GatePolicy): { allowed: boolean; reasons: StatusReason[] } {
  if (status.colour === 'red' || status.colour === 'yellow') return { allowed: false, reasons: status.reasons };
  if (status.colour === 'none') return { allowed: policy === 'open', reasons: status.reasons };
  return { allowed: true, reasons: [] };
}
