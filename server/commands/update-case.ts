import type { CaseView, UpdateCaseRequest } from '../../core/schemas/cases.ts';
import { caseAuditSnapshot } from '../modules/cases/cases.module.ts';
import type { Actor } from '../shared/actor.ts';
import type { CaseCommandDeps } from './case-command-deps.ts';

/**
 * Updates a case in one transaction: an earlier isolation re-traces the case (proposals made on the
 * longer window stay for review); a new status refreshes the person's F-level, so a recovered or
 * dead person is no longer a case to keep out of venues (QR no longer red).
 */
export async function updateCase(
  d: Pick<CaseCommandDeps, 'db' | 'cases' | 'tracing' | 'auditTrail'>,
  actor: Actor,
  id: string,
  patch: UpdateCaseRequest,
): Promise<CaseView> {
  return d.db.transaction().execute(async (trx) => {
    const { before, after } = await d.cases.updateIn(trx, actor, id, patch);
    if (patch.isolatedAt !== undefined) await d.tracing.traceCase(trx, after);
    if (patch.status !== undefined && after.person_id) await d.tracing.refreshPersonLevel(trx, after.person_id);
    await d.auditTrail.record(trx, actor, {
      action: 'update',
      entityType: 'case',
      entityId: id,
      localityCode: before.locality_code,
      localityPath: before.locality_path,
      before: caseAuditSnapshot(before),
      after: caseAuditSnapshot(after),
    });
    return d.cases.view(trx, after);
  });
}
