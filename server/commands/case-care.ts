import { AppError } from '../../core/errors.ts';
import type { DischargeOutcome } from '../../core/rules/case-care.ts';
import type { CaseView, DischargeCaseRequest, HomeTreatmentRequest } from '../../core/schemas/cases.ts';
import type {
  AdmitStayRequest,
  DischargeStayRequest,
  StayOutcome,
  StayView,
  TransferStayRequest,
} from '../../core/schemas/facilities.ts';
import type { Db } from '../db/database.ts';
import type { AuditTrailService } from '../modules/audit/audit.module.ts';
import type { CareMoved, CaseCareService, CasesService } from '../modules/cases/cases.module.ts';
import type { TracingService } from '../modules/tracing/tracing.module.ts';
import type { TreatmentService } from '../modules/treatment/treatment.module.ts';
import type { Actor } from '../shared/actor.ts';

/** The services a care command uses; `AppServices` has them all, so callers pass it as it is. */
export interface CareCommandDeps {
  db: Db;
  cases: CasesService;
  caseCare: CaseCareService;
  treatment: TreatmentService;
  tracing: TracingService;
  auditTrail: AuditTrailService;
}

/*
 * A case's status and its treatment move together (core/rules/case-care.ts): each command below
 * opens one transaction in which the stay (treatment module) and the case's status and history
 * (cases module) change, the person's F-level follows the status, and both are audited.
 */

const stayEndOf = (outcome: DischargeOutcome): StayOutcome => (outcome === 'transferred_out' ? 'transferred' : outcome);
const caseOutcomeOf = (outcome: StayOutcome): DischargeOutcome =>
  outcome === 'transferred' ? 'transferred_out' : outcome;

/** POST /treatment/stays: a case into a bed (from awaiting treatment, or from home: a transfer). */
export async function admitToBed(d: CareCommandDeps, actor: Actor, req: AdmitStayRequest): Promise<StayView> {
  return d.db.transaction().execute(async (trx) => {
    const bed = await d.treatment.bedForAdmissionIn(trx, actor, req);
    const at = req.admittedAt ? new Date(req.admittedAt) : new Date();
    const moved = await d.caseCare.moveIn(trx, actor, req.caseId, {
      event: { kind: 'admit', setting: 'bed' },
      at,
      facilityId: bed.facilityId,
      bedKind: bed.bedKind,
    });
    const id = await d.treatment.openStayIn(trx, actor, {
      bed,
      caseId: moved.caseId,
      caseNumber: moved.caseNumber,
      at,
    });
    await followStatus(trx, d, actor, moved);
    return d.treatment.stayView(trx, id);
  });
}

/** POST /treatment/stays/:id/transfer: the stay moves to another facility or bed kind; the case stays in treatment. */
export async function transferStay(
  d: CareCommandDeps,
  actor: Actor,
  stayId: string,
  req: TransferStayRequest,
): Promise<StayView> {
  return d.db.transaction().execute(async (trx) => {
    const at = req.transferredAt ? new Date(req.transferredAt) : new Date();
    const old = await d.treatment.closeStayIn(trx, actor, stayId, { at, outcome: 'transferred' });
    if (old.facility_id === req.facilityId && old.bed_kind === req.bedKind) throw new AppError('SAME_PLACE');
    const bed = await d.treatment.bedForAdmissionIn(trx, actor, req);
    const moved = await d.caseCare.moveIn(trx, actor, old.case_id, {
      event: { kind: 'transfer' },
      at,
      facilityId: bed.facilityId,
      bedKind: bed.bedKind,
      reason: req.reason ?? null,
    });
    const id = await d.treatment.openStayIn(trx, actor, {
      bed,
      caseId: moved.caseId,
      caseNumber: moved.caseNumber,
      at,
      from: stayId,
    });
    return d.treatment.stayView(trx, id);
  });
}

/** POST /treatment/stays/:id/discharge: the stay ends and the case takes its outcome. */
export async function dischargeStay(
  d: CareCommandDeps,
  actor: Actor,
  stayId: string,
  req: DischargeStayRequest,
): Promise<StayView> {
  return d.db.transaction().execute(async (trx) => {
    const at = req.dischargedAt ? new Date(req.dischargedAt) : new Date();
    const stay = await d.treatment.closeStayIn(trx, actor, stayId, { at, outcome: req.outcome });
    const moved = await d.caseCare.moveIn(trx, actor, stay.case_id, {
      event: { kind: 'discharge', outcome: caseOutcomeOf(req.outcome) },
      at,
      facilityId: stay.facility_id,
      bedKind: stay.bed_kind,
      stayId,
    });
    await followStatus(trx, d, actor, moved);
    return d.treatment.stayView(trx, stayId);
  });
}

/** POST /cases/:id/home-treatment: a mild case treated at home, without a bed; from a bed it is a transfer home. */
export async function startHomeTreatment(
  d: CareCommandDeps,
  actor: Actor,
  caseId: string,
  req: HomeTreatmentRequest,
): Promise<CaseView> {
  return d.db.transaction().execute(async (trx) => {
    await d.cases.findUpdatableOrThrow(trx, actor, caseId);
    const at = req.startedAt ? new Date(req.startedAt) : new Date();
    const stay = await d.treatment.openStayOf(trx, caseId);
    const moved = await d.caseCare.moveIn(trx, actor, caseId, {
      event: { kind: 'admit', setting: 'home' },
      at,
      reason: req.reason ?? null,
      facilityId: stay?.facility_id ?? null,
      stayId: stay?.id ?? null,
    });
    if (stay) await d.treatment.closeStayIn(trx, actor, stay.id, { at, outcome: 'transferred' });
    await followStatus(trx, d, actor, moved);
    return d.cases.view(trx, (await d.cases.findById(trx, caseId))!);
  });
}

/** POST /cases/:id/discharge: ends the treatment wherever it is (its bed, or home) with the outcome. */
export async function dischargeCase(
  d: CareCommandDeps,
  actor: Actor,
  caseId: string,
  req: DischargeCaseRequest,
): Promise<CaseView> {
  return d.db.transaction().execute(async (trx) => {
    await d.cases.findUpdatableOrThrow(trx, actor, caseId);
    const at = req.dischargedAt ? new Date(req.dischargedAt) : new Date();
    const stay = await d.treatment.openStayOf(trx, caseId);
    if (stay) await d.treatment.closeStayIn(trx, actor, stay.id, { at, outcome: stayEndOf(req.outcome) });
    const moved = await d.caseCare.moveIn(trx, actor, caseId, {
      event: { kind: 'discharge', outcome: req.outcome },
      at,
      reason: req.reason ?? null,
      facilityId: stay?.facility_id ?? null,
      bedKind: stay?.bed_kind ?? null,
      stayId: stay?.id ?? null,
    });
    await followStatus(trx, d, actor, moved);
    return d.cases.view(trx, (await d.cases.findById(trx, caseId))!);
  });
}

/** The person's F-level follows the status (a recovered or dead case is no longer kept out of venues); audited. */
async function followStatus(trx: Db, d: CareCommandDeps, actor: Actor, moved: CareMoved): Promise<void> {
  if (moved.before.status === moved.after.status && moved.before.setting === moved.after.setting) return;
  if (moved.personId) await d.tracing.refreshPersonLevel(trx, moved.personId);
  await d.auditTrail.record(trx, actor, {
    action: 'update',
    entityType: 'case',
    entityId: moved.caseId,
    localityCode: moved.localityCode,
    localityPath: moved.localityPath,
    before: moved.before,
    after: moved.after,
  });
}
