import type { LevelDecisionView } from '../../../core/schemas/risk.ts';
import { decisionLegalBases } from './level-decision-document.ts';
import type { DecisionRow } from './risk.repository.ts';

export function toDecisionView(r: DecisionRow): LevelDecisionView {
  return {
    id: r.id,
    localityCode: r.locality_code,
    localityName: r.locality_name,
    ruleSet: r.rule_set_code,
    ruleSetVersion: r.rule_set_version,
    computedLevel: r.computed_level,
    levelKey: r.level_key,
    levelNumber: r.level_number,
    kind: r.kind,
    reason: r.reason,
    effectiveFrom: r.effective_from.toISOString(),
    decidedAt: r.decided_at.toISOString(),
    decidedByName: r.decided_by_name,
    documentNumber: `${r.document_serial}/${r.document_symbol}`,
    issuerName: r.issuer_name,
    signedOn: r.signed_on,
    signerName: r.signer_name,
    signerCapacity: r.signer_capacity,
    legalBases: decisionLegalBases(r),
  };
}
