import type { TFunction } from 'i18next';
import type { StatusColour, StatusReason } from '../../../../core/rules/health-status.ts';

/** Why a gate refuses (core/rules/health-status.ts), plus the server's `invalid_qr`. */
type GateReason = StatusReason | 'invalid_qr';

const reasons: Record<GateReason, true> = {
  no_valid_declaration: true,
  symptoms: true,
  exposure: true,
  contact: true,
  monitoring: true,
  case: true,
  quarantine: true,
  awaiting_verification: true,
  not_verified: true,
  invalid_qr: true,
};

export const gateReasonLabel = (t: TFunction, r: string) =>
  Object.hasOwn(reasons, r) ? t(`gate.reason.${r as GateReason}`) : r;
export const qrColourLabel = (t: TFunction, c: StatusColour) => t(`gate.colour.${c}`);
