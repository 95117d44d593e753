import type { CaseView } from '../../../../core/schemas/cases.ts';

/**
 * The care transitions a case page offers (core/rules/case-care.ts, server/commands/case-care.ts):
 * - `admit`: into a bed (POST /treatment/stays); from home treatment it is a transfer to a bed;
 * - `transfer`: a case in a bed to another facility or bed kind (POST /treatment/stays/:id/transfer);
 * - `home`: home treatment (POST /cases/:id/home-treatment); from a bed it is a transfer home;
 * - `discharge`: recovered, died or transferred out, wherever treated (POST /cases/:id/discharge).
 */
export const careActions = ['admit', 'transfer', 'home', 'discharge'] as const;
export type CareAction = (typeof careActions)[number];

/** What the user may do: `cases.investigate` and `treatment.record` (core/roles.ts). */
export interface CareRights {
  investigate: boolean;
  recordTreatment: boolean;
}

/**
 * The buttons to show for a case in its current state and the user's rights. The server decides
 * for real (the rule and the policies); this only keeps the page from offering what would be
 * refused in every case: a bed move needs `treatment.record` (the stay is the facility's record),
 * home treatment and discharge need `cases.investigate`, and both when a bed is left.
 */
export function careActionsFor(c: Pick<CaseView, 'status' | 'care'>, may: CareRights): CareAction[] {
  const open = c.status === 'awaiting_treatment' || c.status === 'transferred_out';
  const inBed = c.status === 'treating' && c.care?.setting === 'bed';
  const atHome = c.status === 'treating' && c.care?.setting === 'home';
  const out: CareAction[] = [];
  if (may.recordTreatment && (open || atHome)) out.push('admit');
  if (may.recordTreatment && inBed && c.care?.stayId) out.push('transfer');
  if (may.investigate && (open || (inBed && may.recordTreatment))) out.push('home');
  if (may.investigate && (atHome || (inBed && may.recordTreatment))) out.push('discharge');
  return out;
}
